// Every bench ends by printing its figures on one line, `BENCH_FIGURES <json>`, which
// `npm run bench` (bench/run.mjs) collects from each script into one table with verdicts.

const PREFIX = "BENCH_FIGURES ";

/**
 * One figure: what was measured, as text with its unit ("1.21× (26.5 vs 21.9 ms)"), the
 * target ("≤ 1.3×", or "—" when there is none) and whether it is met (null: no target).
 * @typedef {{ figure: string, measured: string, target: string, met: boolean | null }} Figure
 */

/** Prints the line bench/run.mjs collects. @param {Figure[]} figures */
export function printFigures(figures) {
  console.log(`${PREFIX}${JSON.stringify(figures)}`);
}

/** The figures of every `BENCH_FIGURES` line in a script's output. @returns {Figure[]} */
export function figuresIn(output) {
  return output
    .split("\n")
    .filter((line) => line.startsWith(PREFIX))
    .flatMap((line) => {
      try {
        const figures = JSON.parse(line.slice(PREFIX.length));
        return Array.isArray(figures) ? figures : [];
      } catch {
        return [{ figure: "(unreadable BENCH_FIGURES line)", measured: line.slice(0, 80), target: "—", met: false }];
      }
    });
}

const verdict = (met) => (met === true ? "met" : met === false ? "**missed**" : "—");
const cell = (text) => String(text).replace(/\|/g, "\\|");

/** A Markdown table: figure | measured | target | verdict. @param {Figure[]} figures */
export function figuresTable(figures) {
  return [
    "| figure | measured | target | verdict |",
    "|---|---|---|---|",
    ...figures.map((f) => `| ${cell(f.figure)} | ${cell(f.measured)} | ${cell(f.target)} | ${verdict(f.met)} |`),
  ].join("\n");
}
