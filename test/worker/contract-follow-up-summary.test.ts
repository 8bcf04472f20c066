/**
 * The API reference: numbers are plain JSON numbers, unrounded; clients round.
 * The follow-up summary's medians are hours computed from the follow-ups' own
 * timestamps, so a client can check them to the millisecond.
 */
import { describe, expect, it } from "vitest";
import { followUpSummary } from "../../worker/follow-ups/summary";
import { answer, call, createWorkspace, invite } from "./helpers";

const HOUR = 3_600_000;

describe("GET /v1/follow-ups/summary", () => {
  it("gives the medians in hours unrounded", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "S-1" });
    expect((await answer(inv.token, { csat: 1 })).status).toBe(201);
    const open = await call("GET", "/v1/follow-ups?status=open", { key: ws.key });
    const id = open.body.items[0].id;
    const contacted = await call("PATCH", `/v1/follow-ups/${id}`, { key: ws.key, body: { status: "contacted" } });
    expect(contacted.status).toBe(200);
    const res = await call("GET", "/v1/follow-ups/summary", { key: ws.key });
    expect(res.status).toBe(200);
    const expected = (Date.parse(contacted.body.contacted_at) - Date.parse(contacted.body.opened_at)) / HOUR;
    expect(expected).toBeGreaterThan(0);
    expect(res.body.median_hours_to_contact).toBe(expected);
  });

  it("does not round a median of 81 seconds to 0.02", () => {
    const row = { status: "contacted" as const, opened_at: 0, contacted_at: 81_000, resolved_at: null };
    expect(followUpSummary([row]).median_hours_to_contact).toBe(81_000 / HOUR);
  });
});
