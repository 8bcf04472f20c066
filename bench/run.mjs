// `npm run bench`: every benchmark, one after the other, printing its figures, then one
// table of every figure with its target and verdict. Benchmarks, not tests: they take
// minutes and are kept out of `npm test`.
//
//   npm run bench               # full sizes (1k/10k/100k responses, 10k/100k interactions)
//   npm run bench -- --quick    # smaller sizes, fewer samples, for a first look
//   npm run bench -- --only ingest,widget-size    # some of the benches (by script name)
//
// Each bench starts its own throwaway local D1 and `wrangler dev`, so they run on a fresh
// clone after `npm install`, and ends with a `BENCH_FIGURES <json>` line (bench/lib/figures.mjs)
// that this script collects. A bench that prints none shows its issue-16 figures as
// "not reported". See BENCHMARKS.md for what each means.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { figuresIn, figuresTable } from "./lib/figures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1]?.split(",") : undefined;

/** [title, script, args, the issue-16 figures it owes (shown as "not reported" if it prints none)] */
const benches = [
  ["Widget weight on the wire", "widget-size.mjs", [], [["widget on the wire, gzip", "≤ 6 KB"]]],
  ["Worker bundle size and startup", "bundle-size.mjs", [], [["Worker bundle, gzip", "≤ 150 KB"]]],
  [
    "Ingest latency and throughput vs a bare route",
    "ingest.mjs",
    quick ? ["--quick"] : [],
    [["ingest p50, POST /v1/responses ÷ bare one-INSERT route", "≤ 1.3×"]],
  ],
  [
    "Score reads",
    "score-reads.mjs",
    quick ? ["1000", "10000"] : ["1000", "10000", "100000"],
    [["score read p50, segmented (by agent, e-mail only), 100k ÷ 1k responses over 90 days", "≤ 1.1×"]],
  ],
  [
    "Repurchase reads",
    "repurchase.mjs",
    ["--sizes", quick ? "10000" : "10000,100000"],
    [["repurchase read for one month, 100k ÷ 10k interactions", "≤ 1.2×"]],
  ],
  ["Events out: answer latency with endpoints, consumer throughput", "events.mjs", quick ? ["--quick"] : [], []],
  ["Import throughput", "import.mjs", quick ? ["--quick"] : [], []],
  [
    "Dashboard first paint, old loader vs new",
    "dashboard-load.mjs",
    quick ? ["--runs", "3"] : [],
    [
      ["dashboard: API requests before the first figures", "≤ 3"],
      ["dashboard: time to first figures, new ÷ old", "≤ 0.5×"],
    ],
  ],
  [
    "Shards: one D1 database vs two, and the resolver's cost",
    "shards.mjs",
    quick ? ["--quick"] : [],
    [
      ["answers/s, two workspaces, two shards vs one", "reported"],
      ["resolver p50 cost, POST /v1/responses (token → shard)", "≤ 1.05×"],
      ["resolver p50 cost, GET /v1/surveys (API key → shard)", "≤ 1.05×"],
    ],
  ],
];

/** Runs a bench, its output shown as it comes and kept; resolves with its exit code and stdout. */
function run(file, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, file), ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("close", (code) => resolve({ code, out }));
  });
}

console.log(
  `Aftercare benchmarks${quick ? " (--quick)" : ""}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${new Date().toISOString()}`,
);
const failed = [];
const figures = [];
for (const [title, file, args, owed] of benches) {
  if (only && !only.includes(file.replace(/\.mjs$/, ""))) continue;
  console.log(`\n## ${title}  (node bench/${file} ${args.join(" ")})`);
  const started = Date.now();
  const { code, out } = await run(file, args);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // widget-size and bundle-size exit 1 when over their target: report it, but run the others.
  if (code !== 0) failed.push(title);
  const reported = figuresIn(out);
  figures.push(
    ...(reported.length > 0
      ? reported
      : owed.map(([figure, target]) => ({ figure, measured: "not reported", target, met: null }))),
  );
}
console.log(`\n## Every figure${quick ? " (--quick)" : ""}\n\n${figuresTable(figures)}`);
if (failed.length) {
  console.log(`\nExited non-zero: ${failed.join(", ")}`);
  process.exitCode = 1;
}
