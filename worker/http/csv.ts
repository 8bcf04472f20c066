/**
 * CSV for spreadsheets (RFC 4180, plus what Excel needs). The export may be
 * opened by an Excel whose list separator is not the file's (French and German
 * Excel split on `;`), so a text cell is made safe against every separator at
 * once: a formula starter (= + - @) that begins the cell, or that follows a
 * comma, semicolon, tab, CR or LF inside it, gets a `'` before it, since that
 * is where such an Excel would start a new cell and run a formula. Text that
 * already has `'`s there before a formula starter gets one more, so the import,
 * which removes exactly one, gives back what was typed.
 */

export const CSV_DELIMITERS = { comma: ",", semicolon: ";", tab: "\t" } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

/** Excel reads a file without it as the ANSI code page and garbles accents. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /(^|[,;\t\r\n])(?='*[=+\-@])/g;
const NEEDS_QUOTES = /[,;\t"\r\n]/;

/** One cell. Numbers stay numbers; text is neutralized, then quoted when it holds a separator. */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  const safe = value.replace(FORMULA_START, "$1'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(
  cells: readonly (string | number | null | undefined)[],
  delimiter: CsvDelimiter = "comma",
): string {
  return `${cells.map(csvCell).join(CSV_DELIMITERS[delimiter])}\r\n`;
}
