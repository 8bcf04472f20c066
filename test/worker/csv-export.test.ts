import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, UTF8_BOM } from "../../worker/http/csv";
import { parseCsv, STARTERS } from "../support/csv";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

/** The export's exact bytes: Response.text() would swallow the BOM. */
async function exportBytes(ws: TestWorkspace, query: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await exports.default.fetch(
    new Request(`https://aftercare.test/v1/responses.csv${query}`, { headers: { authorization: `Bearer ${ws.key}` } }),
  );
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

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
