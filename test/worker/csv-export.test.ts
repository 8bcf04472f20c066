import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, type CsvDelimiter, csvRow, UTF8_BOM } from "../../worker/http/csv";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

/** The export's exact bytes: Response.text() would swallow the BOM. */
async function exportBytes(ws: TestWorkspace, query: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await exports.default.fetch(
    new Request(`https://aftercare.test/v1/responses.csv${query}`, { headers: { authorization: `Bearer ${ws.key}` } }),
  );
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** An RFC 4180 reader, written from the RFC, independent of the writer under test. */
function parseCsv(text: string, separator: string): string[][] {
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

const STARTERS = "=+-@";
const SEPARATORS = ",;\t\r\n";

/** The contract's rule, spelled character by character: a `'` before a starter at the start or after a separator. */
function neutralized(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (STARTERS.includes(text[i]!) && (i === 0 || SEPARATORS.includes(text[i - 1]!))) out += "'";
    out += text[i];
  }
  return out;
}

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

describe("GET /v1/responses.csv", () => {
  it("starts with a BOM and neutralizes a formula after an inner semicolon, for every delimiter", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-CSV", agent: "Zoé" });
    await answer(inv.token, { csat: 2 }, { comment: "bad;=1+1 and,+cmd\n@SUM(A1)" });
    for (const [name, separator] of Object.entries(CSV_DELIMITERS)) {
      const res = await exportBytes(ws, `?delimiter=${name}`);
      expect(res.status).toBe(200);
      expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(res.bytes);
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const [header, row] = parseCsv(text.slice(1), separator);
      expect(header?.[0]).toBe("id");
      const column = (key: string) => row?.[header!.indexOf(key)];
      expect(column("comment")).toBe("bad;'=1+1 and,'+cmd\n'@SUM(A1)");
      expect(column("agent")).toBe("Zoé");
      expect(column("csat")).toBe("2");
      for (const piece of text.slice(1).split(/[,;\t\r\n]/)) expect(STARTERS).not.toContain(piece[0] ?? "x");
    }
  });

  it("refuses an unknown delimiter with a 422", async () => {
    const ws = await createWorkspace();
    const res = await call("GET", "/v1/responses.csv?delimiter=pipe", { key: ws.key });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBeTruthy();
  });
});
