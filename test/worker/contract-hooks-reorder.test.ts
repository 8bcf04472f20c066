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
import { databaseOf } from "../support/worker/shards";

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

describe("standard: a late delivery of an earlier closing and what support cost", () => {
  /** The ticket's recorded agent time and gesture, as /v1/impact reads them. */
  async function costOf(ws: TestWorkspace, ticket: string) {
    const db = await databaseOf(ws.id);
    return db
      .prepare(
        "SELECT handling_seconds, compensation_minor, compensation_currency FROM interactions WHERE workspace_id = ? AND ticket_id = ?",
      )
      .bind(ws.id, ticket)
      .first();
  }
  const cost = (minutes: number, amount: string) => ({
    handling_minutes: minutes,
    compensation: { amount, currency: "EUR" },
  });

  it("keeps the latest closing's handling time and compensation, and lets an earlier one fill what is missing", async () => {
    const ws = await workspace();
    const send = (ticket: string, at: number, data: Record<string, unknown>) =>
      sendStandard(ws, { type: "interaction.closed", data: { ticket_id: ticket, closed_at: iso(at), ...data } });
    expect((await send("RC-1", T + 3 * DAY, cost(30, "20.00"))).status).toBe(200);
    expect((await send("RC-1", T, cost(5, "1.00"))).status).toBe(200); // the first closing, late
    expect(await costOf(ws, "RC-1")).toEqual({
      handling_seconds: 1800,
      compensation_minor: 2000,
      compensation_currency: "EUR",
    });
    // A later closing still replaces them; an earlier one fills a cost no later closing reported.
    expect((await send("RC-1", T + 4 * DAY, cost(40, "25.00"))).status).toBe(200);
    expect(await costOf(ws, "RC-1")).toEqual({
      handling_seconds: 2400,
      compensation_minor: 2500,
      compensation_currency: "EUR",
    });
    expect((await send("RC-2", T + DAY, {})).status).toBe(200);
    expect((await send("RC-2", T, cost(12, "3.50"))).status).toBe(200);
    expect(await costOf(ws, "RC-2")).toEqual({
      handling_seconds: 720,
      compensation_minor: 350,
      compensation_currency: "EUR",
    });
  });
});

describe("standard: a late delivery of an earlier closing and the ticket's customer", () => {
  it("keeps the latest closing's customer, and lets an earlier one name a customer none was recorded for", async () => {
    const ws = await workspace();
    const db = await databaseOf(ws.id);
    const customerOf = (ticket: string) =>
      db
        .prepare("SELECT customer_key, email_hash FROM interactions WHERE workspace_id = ? AND ticket_id = ?")
        .bind(ws.id, ticket)
        .first<{ customer_key: string | null; email_hash: string | null }>();
    const send = (ticket: string, at: number, email?: string) =>
      sendStandard(ws, {
        type: "interaction.closed",
        data: { ticket_id: ticket, closed_at: iso(at), ...(email ? { customer: { email } } : {}) },
      });
    expect((await send("RW-1", T + 3 * DAY, "latest@example.fr")).status).toBe(200);
    const latest = await customerOf("RW-1");
    expect(latest?.customer_key).toBeTruthy();
    expect((await send("RW-1", T, "first@example.fr")).status).toBe(200); // the first closing, late
    expect(await customerOf("RW-1")).toEqual(latest);
    expect((await send("RW-2", T + DAY)).status).toBe(200);
    expect((await send("RW-2", T, "named@example.fr")).status).toBe(200);
    expect((await customerOf("RW-2"))?.customer_key).toBeTruthy();
  });
});
