/**
 * CSV test helpers shared by the pure property test (test/unit/csv-cells.test.ts)
 * and the export route's test (test/worker/csv-export.test.ts): a reader written
 * from RFC 4180, independent of the writer under test, and the contract's
 * formula-neutralizing rule spelled out.
 */
/** An RFC 4180 reader, written from the RFC, independent of the writer under test. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

export const STARTERS = "=+-@";
const SEPARATORS = ",;\t\r\n";

/**
 * The contract's rule, spelled character by character: a `'` before a starter at the start or
 * after a separator, and before `'`s typed there ahead of a starter (so the import, which removes
 * one `'`, gives the text back).
 */
export function neutralized(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let j = i;
    while (text[j] === "'") j++;
    const atBoundary = i === 0 || SEPARATORS.includes(text[i - 1]!);
    if (atBoundary && j < text.length && STARTERS.includes(text[j]!)) out += "'";
    out += text[i];
  }
  return out;
}
