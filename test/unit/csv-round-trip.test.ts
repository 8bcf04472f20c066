import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, type CsvDelimiter, csvRow } from "../../worker/http/csv";
import { unguard } from "../../worker/import/csv-import";
import { parseCsv } from "../support/csv";

/** Text rich in apostrophes, separators, quotes and formula starters. */
const nastyText = fc
  .array(fc.oneof(fc.constantFrom(..."''=+-@,;\t\r\n\" "), fc.constantFrom("a", "1", "é")), { maxLength: 24 })
  .map((parts) => parts.join(""));
const delimiter = fc.constantFrom(...(Object.keys(CSV_DELIMITERS) as CsvDelimiter[]));

describe("CSV export read back by the import (property)", () => {
  it("gives back every text exactly, apostrophes before formula starters included", () => {
    fc.assert(
      fc.property(fc.array(nastyText, { minLength: 1, maxLength: 5 }), delimiter, (cells, d) => {
        const [row] = parseCsv(csvRow(cells, d), CSV_DELIMITERS[d]);
        expect(row?.map(unguard)).toEqual(cells);
      }),
      { numRuns: 1000 },
    );
  });
});
