/**
 * Reads our own CSV export (`GET /v1/responses.csv`) back into import items:
 * any delimiter the export writes, its BOM, RFC 4180 quotes, and the `'` the
 * export puts before a formula starter undone. Pure.
 */

import { CSV_DELIMITERS } from "../http/csv";

/** The header the export writes; another header is not ours to guess at. */
export type CsvHeader = readonly string[];

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF or LF). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The export's guard: one `'` before = + - @ (or before `'`s that precede one) at the start
 * of a cell or after a separator or line break. Exactly one is removed: the rest were typed.
 */
const GUARD = /(^|[,;\t\r\n])'(?='*[=+\-@])/g;
export const unguard = (cell: string) => cell.replace(GUARD, "$1");

/** The delimiter of an export, from its header line (which starts `id` then the delimiter). */
export function detectDelimiter(firstLine: string): string | null {
  for (const d of Object.values(CSV_DELIMITERS)) if (firstLine.startsWith(`id${d}`)) return d;
  return null;
}

export type CsvRead = { ok: true; rows: Record<string, string>[] } | { ok: false; message: string };

/** The rows of our export as column → cell, or why the text is not our export. */
export function readExport(text: string, header: CsvHeader): CsvRead {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  if (!delimiter) return { ok: false, message: `Expected the header of GET /v1/responses.csv: ${header.join(",")}` };
  const [head, ...rows] = parseCsv(body, delimiter);
  if (!head || head.join("\u0000") !== header.join("\u0000")) {
    return { ok: false, message: `Expected the header of GET /v1/responses.csv: ${header.join(",")}` };
  }
  return {
    ok: true,
    rows: rows
      .filter((r) => !(r.length === 1 && r[0] === ""))
      .map((r) => Object.fromEntries(header.map((column, i) => [column, unguard(r[i] ?? "")]))),
  };
}
