import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, type CsvDelimiter, csvRow } from "../../worker/http/csv";
import { neutralized, parseCsv, STARTERS } from "../support/csv";

/** The CSV writer's cells, property-tested in plain Node (the export route's own test runs in workerd). */

/** Text rich in separators, quotes and formula starters. */
const nastyText = fc
  .array(fc.oneof(fc.constantFrom(..."=+-@,;\t\r\n\"' "), fc.string({ maxLength: 3 }), fc.constantFrom("a", "1")), {
    maxLength: 20,
  })
  .map((parts) => parts.join(""));
const cellValue = fc.oneof(nastyText, fc.integer({ min: 0, max: 10 }), fc.constant(null));
const delimiter = fc.constantFrom(...(Object.keys(CSV_DELIMITERS) as CsvDelimiter[]));

describe("CSV cells (property)", () => {
  it("round-trips content, and no cell starts a formula whatever separator a spreadsheet splits on", () => {
    fc.assert(
      fc.property(fc.array(cellValue, { minLength: 1, maxLength: 6 }), delimiter, (cells, d) => {
        const text = csvRow(cells, d);
        const rows = parseCsv(text, CSV_DELIMITERS[d]);
        expect(rows).toHaveLength(1);
        const expected = cells.map((v) => (v == null ? "" : typeof v === "number" ? String(v) : neutralized(v)));
        expect(rows[0]).toEqual(expected);
        // Numbers stay numbers: never quoted, never prefixed.
        for (const v of cells) if (typeof v === "number") expect(text).toContain(String(v));
        // An Excel that splits on any separator, quotes or not, sees no formula at any piece's start.
        for (const piece of text.split(/[,;\t\r\n]/)) expect(STARTERS).not.toContain(piece[0] ?? "x");
        for (const cell of rows[0]!)
          for (const piece of cell.split(/[,;\t\r\n]/)) expect(STARTERS).not.toContain(piece[0] ?? "x");
      }),
      { numRuns: 500 },
    );
  });

  it("quotes a field holding any separator, a quote, CR or LF, and only those", () => {
    for (const ch of [",", ";", "\t", '"', "\r", "\n"]) expect(csvRow([`a${ch}b`])).toMatch(/^"/);
    expect(csvRow(["plain text", 7], "semicolon")).toBe("plain text;7\r\n");
  });
});
