import { describe, expect, it } from "vitest";
import { answer, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
  iso,
  PLAIN_SECRET,
  post,
  repurchase,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  standardHeaders,
  uniqueId,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { databaseOf } from "../support/worker/shards";

const T = Date.parse("2026-04-01T08:00:00Z");
const late = { as_of: iso(T + 90 * DAY) };

async function workspace(timezone?: string): Promise<TestWorkspace> {
  const ws = await createWorkspace(undefined, timezone);
  await setIntegration(ws, "standard", STANDARD_SECRET);
  return ws;
}

const closed = (ticket: string, customer: Record<string, string>, at: number, extra: Record<string, string> = {}) => ({
  type: "interaction.closed",
  data: { ticket_id: ticket, customer, closed_at: iso(at), ...extra },
});
const placed = (id: string, customer: Record<string, string>, at: number, total = "10.00", currency = "EUR") => ({
  type: "order.created",
  data: { order_id: id, customer, placed_at: iso(at), total, currency },
});

describe("idempotency and ordering", () => {
  it("answers a delivery id seen before with 200 and changes nothing", async () => {
    const ws = await workspace();
    const event = closed("T-1", { email: "a@x.io" }, T);
    const first = await sendStandard(ws, event, { id: "msg_same" });
    expect(first.status).toBe(200);
    expect(first.body.duplicate).toBeUndefined();
    // The same id with a different (validly signed) body is still the same delivery.
    const replay = await sendStandard(ws, closed("T-1", { email: "a@x.io" }, T + 5 * DAY), { id: "msg_same" });
    expect(replay.status).toBe(200);
    expect(replay.body.duplicate).toBe(true);
    const row = await (await databaseOf(ws.id))
      .prepare("SELECT closed_at FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row?.closed_at).toBe(T);
  });

  it("counts the same order once under new delivery ids", async () => {
    const ws = await workspace();
    await sendStandard(ws, closed("T-1", { email: "a@x.io" }, T));
    for (let i = 0; i < 3; i++) await sendStandard(ws, placed("O-1", { email: "a@x.io" }, T + DAY, "25.00"));
    expect(await repurchase(ws, late)).toMatchObject({ repurchased: 1, revenue: { EUR: "25.00" } });
  });

  it("attributes an order that arrives before its interaction", async () => {
    const ws = await workspace();
    await sendStandard(ws, placed("O-1", { email: "a@x.io" }, T + DAY));
    await sendStandard(ws, closed("T-1", { email: "A@X.io " }, T));
    expect(await repurchase(ws, late)).toMatchObject({ eligible: 1, repurchased: 1, revenue: { EUR: "10.00" } });
  });

  it("uses the latest closed_at of a reopened ticket, whatever order the deliveries came in", async () => {
    const ws = await workspace();
    // The order falls between the two closings: it counts only for the first one.
    await sendStandard(ws, placed("O-1", { email: "a@x.io" }, T + 2 * DAY));
    await sendStandard(ws, closed("T-1", { email: "a@x.io" }, T + 3 * DAY));
    await sendStandard(ws, closed("T-1", { email: "a@x.io" }, T)); // late delivery of the first closing
    const figures = await repurchase(ws, late);
    expect(figures).toMatchObject({ eligible: 1, repurchased: 0 });
    const row = await (await databaseOf(ws.id))
      .prepare("SELECT closed_at, closed_day FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row).toEqual({ closed_at: T + 3 * DAY, closed_day: "2026-04-04" });
  });

  it("removes a cancelled order, even when the cancellation arrives first", async () => {
    const ws = await workspace();
    await sendStandard(ws, closed("T-1", { email: "a@x.io" }, T));
    await sendStandard(ws, { type: "order.cancelled", data: { order_id: "O-early" } });
    await sendStandard(ws, placed("O-early", { email: "a@x.io" }, T + DAY));
    await sendStandard(ws, placed("O-late", { email: "a@x.io" }, T + DAY, "5.00"));
    await sendStandard(ws, { type: "order.cancelled", data: { order_id: "O-late" } });
    expect(await repurchase(ws, late)).toMatchObject({ eligible: 1, repurchased: 0, revenue: {} });
  });

  it("loses nothing under concurrent deliveries", async () => {
    const ws = await workspace();
    const customer = { email: "busy@x.io" };
    const events = [
      ...Array.from({ length: 12 }, (_, i) => closed(`T-${i}`, customer, T + i * 1000)),
      ...Array.from({ length: 12 }, (_, i) => placed(`O-${i}`, customer, T + DAY + i, "1.00")),
    ];
    const results = await Promise.all(events.map((e) => sendStandard(ws, e)));
    expect(results.map((r) => r.status)).toEqual(events.map(() => 200));
    const figures = await repurchase(ws, late);
    expect(figures).toMatchObject({ eligible: 12, repurchased: 12, revenue: { EUR: "12.00" } });
    const ledger = await (await databaseOf(ws.id))
      .prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(ledger?.n).toBe(24);
  });

  it("processes one of two concurrent replays of a delivery, and calls the other a duplicate", async () => {
    const ws = await workspace();
    const body = JSON.stringify(placed("O-1", { email: "a@x.io" }, T + DAY));
    const headers = standardHeaders(body, { id: uniqueId() });
    const both = await Promise.all([post(ws, "standard", body, headers), post(ws, "standard", body, headers)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.filter((r) => r.body.duplicate).length).toBe(1);
  });
});

describe("identity", () => {
  it("links an e-mail and an id carried by one event, whatever the arrival order", async () => {
    const events: object[] = [
      closed("T-1", { email: "Ana@X.io" }, T),
      placed("O-1", { id: "cust-7" }, T + DAY),
      closed("T-link", { email: "ana@x.io", id: "cust-7" }, T - 10 * DAY),
    ];
    for (const permutation of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
      [1, 2, 0],
    ]) {
      const ws = await workspace();
      for (const i of permutation) await sendStandard(ws, events[i]);
      // T-1 (by e-mail) is repurchased by O-1 (by id); T-link closed long before and also counts it.
      const figures = await repurchase(ws, late);
      expect(figures, `order ${permutation}`).toMatchObject({ eligible: 2, repurchased: 2, revenue: { EUR: "10.00" } });
    }
  });

  it("matches Shopify's and Zendesk's own numeric ids by e-mail only", async () => {
    const ws = await workspace();
    await setIntegration(ws, "zendesk", PLAIN_SECRET);
    // Zendesk requester 555 and our own customer id 555 are different people.
    const body = JSON.stringify({ ticket_id: "ZD-1", customer: { id: "555" }, closed_at: iso(T) });
    expect((await post(ws, "zendesk", body, await zendeskHeaders(body))).status).toBe(200);
    await sendStandard(ws, placed("O-1", { id: "555" }, T + DAY));
    expect(await repurchase(ws, late)).toMatchObject({ eligible: 1, repurchased: 0 });
  });
});

describe("invitations from support webhooks", () => {
  it("answers with the invitation object of the default survey, whose links record answers", async () => {
    const ws = await workspace();
    const res = await sendStandard(ws, closed("T-inv", { email: "a@x.io" }, T, { locale: "fr" }));
    expect(res.status).toBe(200);
    const inv = res.body.invitation;
    expect(Object.keys(inv).sort()).toEqual(["embed", "expires_at", "links", "token", "url"]);
    expect(inv.url).toBe(`https://aftercare.test/s/${inv.token}`);
    expect((await answer(inv.token, { csat: 5 })).status).toBe(201);
    // Orders carry no invitation.
    expect((await sendStandard(ws, placed("O-1", { email: "a@x.io" }, T + DAY))).body.invitation).toBeUndefined();
  });

  it("names the same fields as POST /v1/invitations", async () => {
    const ws = await workspace();
    const viaApi = await invite(ws, { ticket_id: "T-api" });
    const viaHook = (await sendStandard(ws, closed("T-hook", {}, T))).body.invitation;
    expect(Object.keys(viaHook).sort()).toEqual(Object.keys(viaApi).sort());
    expect(Object.keys(viaHook.links)).toEqual(Object.keys(viaApi.links));
  });
});
