/**
 * Contract audit: webhooks may arrive in any order. A ticket reopened and closed
 * again is described by its latest closing: a late delivery of an earlier
 * closing keeps neither its `closed_at` nor its agent, team, channel or request
 * type, so the answer is counted for who closed the ticket last.
 */
import { describe, expect, it } from "vitest";
import { answer, call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
  iso,
  PLAIN_SECRET,
  post,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  zendeskHeaders,
} from "../support/worker/hooks-signing";

const T = Date.parse("2026-04-01T08:00:00Z");
const FIRST = { agent: "Alice", team: "N1", channel: "email", request_type: "delivery" };
const LAST = { agent: "Bruno", team: "N2", channel: "chat", request_type: "refund" };
const SEGMENTS = ["agent", "team", "channel", "request_type"] as const;

async function workspace(): Promise<TestWorkspace> {
  const ws = await createWorkspace();
  await setIntegration(ws, "standard", STANDARD_SECRET);
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  return ws;
}

const standardClosing = (ws: TestWorkspace, ticket: string, at: number, segments: Record<string, string>) =>
  sendStandard(ws, { type: "interaction.closed", data: { ticket_id: ticket, closed_at: iso(at), ...segments } });

async function zendeskClosing(ws: TestWorkspace, ticket: string, at: number, segments: Record<string, string>) {
  const body = JSON.stringify({ ticket_id: ticket, closed_at: iso(at), ...segments });
  return post(ws, "zendesk", body, await zendeskHeaders(body));
}

/** The ticket's segments as GET /v1/responses shows them, once answered through the hook's own link. */
async function segmentsOf(ws: TestWorkspace, token: string, ticket: string) {
  expect((await answer(token, { csat: 4 })).status).toBeLessThan(300);
  const list = await call("GET", "/v1/responses", { key: ws.key });
  const item = list.body.items.find((i: { ticket_id: string }) => i.ticket_id === ticket);
  return Object.fromEntries(SEGMENTS.map((s) => [s, item?.[s]]));
}

describe.each([
  ["standard", standardClosing],
  ["zendesk", zendeskClosing],
] as const)("%s: a late delivery of an earlier closing", (_, closing) => {
  it("keeps the latest closing's agent, team, channel and request type", async () => {
    const ws = await workspace();
    const last = await closing(ws, "RO-1", T + 3 * DAY, LAST);
    expect(last.status).toBe(200);
    const stale = await closing(ws, "RO-1", T, FIRST); // the first closing, delivered late
    expect(stale.status).toBe(200);
    expect(await segmentsOf(ws, last.body.token, "RO-1")).toEqual(LAST);
  });

  it("still takes a later closing, and fills what the recorded one left empty", async () => {
    const ws = await workspace();
    expect((await closing(ws, "RO-2", T, { agent: "Alice" })).status).toBe(200);
    const later = await closing(ws, "RO-2", T + DAY, LAST);
    expect(await segmentsOf(ws, later.body.token, "RO-2")).toEqual(LAST);
    // An earlier closing may still fill a segment that no later one named.
    const ws2 = await workspace();
    const first = await closing(ws2, "RO-3", T + DAY, { agent: "Bruno" });
    await closing(ws2, "RO-3", T, { agent: "Alice", team: "N1" });
    expect(await segmentsOf(ws2, first.body.token, "RO-3")).toMatchObject({ agent: "Bruno", team: "N1" });
  });
});
