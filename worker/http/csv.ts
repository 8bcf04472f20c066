/**
 * One CSV cell (RFC 4180). A text cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return) gets a leading
 * apostrophe, as OWASP advises against CSV injection.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
