/**
 * Contract audit: `GET /v1/responses?from&to` and its CSV twin read dates as the
 * rest of the API does (`from` inclusive, `to` exclusive, `YYYY-MM-DD` in the
 * workspace's timezone), on the day the answer was submitted.
 */
import { describe, expect, it } from "vitest";
import { answer, call, createWorkspace, invite } from "../support/worker/helpers";

const dayIn = (timezone: string, at: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(at),
  );
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("GET /v1/responses from/to", () => {
  it("filters on the local day of submission, from inclusive and to exclusive, in JSON and CSV", async () => {
    // A timezone whose day differs from UTC's right now: UTC+14 from 10:00 UTC, else UTC-11.
    const timezone = new Date().getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
    const ws = await createWorkspace("Dates Co", timezone);
    const { token } = await invite(ws, { ticket_id: "DAY-1" });
    const before = Date.now();
    expect((await answer(token, { csat: 4 })).status).toBe(201);
    const local = dayIn(timezone, before);
    const utc = dayIn("UTC", before);
    expect(local).not.toBe(utc);

    const count = async (query: string) => {
      const json = await call("GET", `/v1/responses?${query}`, { key: ws.key });
      const csv = await call("GET", `/v1/responses.csv?${query}`, { key: ws.key });
      expect(json.status, query).toBe(200);
      expect(csv.status, query).toBe(200);
      const csvRows =
        csv.text
          .replace(/^\uFEFF/, "")
          .trim()
          .split("\r\n").length - 1;
      expect(csvRows, query).toBe(json.body.items.length);
      return json.body.items.length as number;
    };
    expect(await count(`from=${local}&to=${nextDay(local)}`)).toBe(1);
    expect(await count(`from=${local}`)).toBe(1);
    expect(await count(`to=${nextDay(local)}`)).toBe(1);
    expect(await count(`to=${local}`)).toBe(0); // `to` is exclusive
    expect(await count(`from=${nextDay(local)}`)).toBe(0);
    expect(await count(`from=${utc}&to=${nextDay(utc)}`)).toBe(0); // the workspace's day, not UTC's
  });

  it("refuses from/to that are not dates with a 422 naming the field", async () => {
    const ws = await createWorkspace();
    for (const [query, field] of [
      ["from=2026-02-30", "from"],
      ["to=tomorrow", "to"],
    ] as const) {
      for (const path of ["/v1/responses", "/v1/responses.csv"]) {
        const res = await call("GET", `${path}?${query}`, { key: ws.key });
        expect(res.status, `${path}?${query}`).toBe(422);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      }
    }
  });
});
