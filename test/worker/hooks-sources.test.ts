import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
  helpscoutHeaders,
  intercomHeaders,
  iso,
  PLAIN_SECRET,
  post,
  repurchase,
  SHARED_SECRET,
  setIntegration,
  sharedSecretHeaders,
  shopifyHeaders,
  woocommerceHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";

let ws: TestWorkspace;
const T = Date.parse("2026-02-02T09:00:00Z");

beforeAll(async () => {
  ws = await createWorkspace("Tools Co");
  await setIntegration(ws, "shopify", PLAIN_SECRET);
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  await setIntegration(ws, "intercom", PLAIN_SECRET);
  await setIntegration(ws, "woocommerce", PLAIN_SECRET);
  await setIntegration(ws, "helpscout", "helpscout-secret-40");
  await setIntegration(ws, "freshdesk", SHARED_SECRET);
  await setIntegration(ws, "gorgias", SHARED_SECRET);
});

/** Every row this workspace has, so a refused request can be shown to write nothing. */
async function snapshot() {
  const count = async (table: string) =>
    (
      await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`)
        .bind(ws.id)
        .first<{ n: number }>()
    )?.n;
  const interactions = await env.DB.prepare(
    "SELECT ticket_id, closed_at, customer_key, channel, agent, team FROM interactions WHERE workspace_id = ? ORDER BY ticket_id",
  )
    .bind(ws.id)
    .all();
  const orders = await env.DB.prepare(
    "SELECT order_id, placed_at, total_minor, currency, cancelled, customer_key FROM orders WHERE workspace_id = ? ORDER BY order_id",
  )
    .bind(ws.id)
    .all();
  return {
    interactions: interactions.results,
    orders: orders.results,
    links: await count("customer_links"),
    deliveries: await count("webhook_deliveries"),
  };
}

async function interaction(ticketId: string) {
  return env.DB.prepare("SELECT * FROM interactions WHERE workspace_id = ? AND ticket_id = ?")
    .bind(ws.id, ticketId)
    .first<Record<string, unknown>>();
}

async function order(orderId: string) {
  return env.DB.prepare("SELECT * FROM orders WHERE workspace_id = ? AND order_id = ?")
    .bind(ws.id, orderId)
    .first<Record<string, unknown>>();
}

/** Checks that every variant is a 401 and that none of them wrote anything. */
async function expectRefused(variants: { body: string; headers: Record<string, string> }[], source: string) {
  const before = await snapshot();
  for (const v of variants) {
    const res = await post(ws, source, v.body, v.headers);
    expect(res.status, `${source}: ${JSON.stringify(v.headers)}`).toBe(401);
  }
  expect(await snapshot()).toEqual(before);
}

const shopifyOrder = (id: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    email: "Ana@Example.com",
    created_at: "2026-02-03T10:00:00-05:00",
    total_price: "120.50",
    currency: "USD",
    customer: { id: 777, email: "ana@example.com" },
    ...over,
  });

describe("shopify", () => {
  it("records orders/create with its UTC offset and e-mail", async () => {
    const body = shopifyOrder(1001);
    const res = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await order("shopify:1001")).toMatchObject({
      placed_at: Date.parse("2026-02-03T15:00:00Z"),
      total_minor: 12050,
      currency: "USD",
      cancelled: 0,
    });
  });

  it("refuses a wrong secret, a missing or tampered signature", async () => {
    const body = shopifyOrder(1002);
    const good = await shopifyHeaders(body, "orders/create");
    await expectRefused(
      [
        { body, headers: await shopifyHeaders(body, "orders/create", { secret: "not-the-secret" }) },
        { body: body.replace("120.50", "1.00"), headers: good },
        { body, headers: { ...good, "x-shopify-hmac-sha256": "" } },
      ],
      "shopify",
    );
  });

  it("treats a stale replay of a webhook id as a duplicate that changes nothing", async () => {
    const body = shopifyOrder(1003);
    const headers = await shopifyHeaders(body, "orders/create");
    expect((await post(ws, "shopify", body, headers)).body).toEqual({ ok: true });
    const before = await snapshot();
    const replay = await post(ws, "shopify", body, headers);
    expect(replay).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(await snapshot()).toEqual(before);
  });

  it("orders/cancelled removes the order", async () => {
    const body = shopifyOrder(1001, { cancelled_at: "2026-02-04T10:00:00-05:00" });
    expect((await post(ws, "shopify", body, await shopifyHeaders(body, "orders/cancelled"))).status).toBe(200);
    expect((await order("shopify:1001"))?.cancelled).toBe(1);
  });

  it("acknowledges other topics without writing", async () => {
    const before = await snapshot();
    const body = shopifyOrder(1004);
    const res = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/paid"));
    expect(res.status).toBe(200);
    expect(res.body.ignored).toMatch(/orders\/paid/);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 422 for a signed order without a usable total", async () => {
    const body = shopifyOrder(1005, { total_price: "abc" });
    const res = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"));
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toBe("total_price");
  });
});

const zendeskBody = (ticket: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    ticket_id: ticket,
    customer: { id: "12345", email: "ana@example.com" },
    channel: "email",
    request_type: "",
    agent: "Léa",
    team: "Support",
    closed_at: "2026-02-01T10:00:00Z",
    ...over,
  });

describe("zendesk", () => {
  it("records a trigger's body and answers with the invitation", async () => {
    const body = zendeskBody("ZD-1");
    const res = await post(ws, "zendesk", body, await zendeskHeaders(body));
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(Object.keys(res.body.invitation.links)).toEqual(["1", "2", "3", "4", "5"]);
    const row = await interaction("ZD-1");
    // Template placeholders the ticket lacks render as "" and mean "not given".
    expect(row).toMatchObject({ channel: "email", request_type: "", agent: "Léa", source: "zendesk" });
    // Zendesk's numeric requester id is its own: only the e-mail identifies the customer.
    expect(row?.customer_key).toMatch(/^e:/);
  });

  it("refuses wrong, stale, future and tampered signatures", async () => {
    const body = zendeskBody("ZD-2");
    const good = await zendeskHeaders(body);
    await expectRefused(
      [
        { body, headers: await zendeskHeaders(body, { secret: "wrong-secret" }) },
        { body, headers: await zendeskHeaders(body, { at: new Date(Date.now() - 6 * 60_000) }) },
        { body, headers: await zendeskHeaders(body, { at: new Date(Date.now() + 6 * 60_000) }) },
        { body: body.replace("ZD-2", "ZD-3"), headers: good },
        { body, headers: { ...good, "x-zendesk-webhook-signature-timestamp": "yesterday" } },
      ],
      "zendesk",
    );
  });

  it("defaults closed_at to the time of receipt", async () => {
    const before = Date.now();
    const body = JSON.stringify({ ticket_id: "ZD-4", customer: { email: "bob@example.com" } });
    expect((await post(ws, "zendesk", body, await zendeskHeaders(body))).status).toBe(200);
    const closedAt = Number((await interaction("ZD-4"))?.closed_at);
    expect(closedAt).toBeGreaterThanOrEqual(before);
    expect(closedAt).toBeLessThanOrEqual(Date.now());
  });

  it("treats a retried invocation as a duplicate", async () => {
    const body = JSON.stringify({ ticket_id: "ZD-5" });
    const headers = await zendeskHeaders(body, { invocation: "inv-55" });
    expect((await post(ws, "zendesk", body, headers)).body.duplicate).toBeUndefined();
    const first = await interaction("ZD-5");
    const retry = await post(ws, "zendesk", body, await zendeskHeaders(body, { invocation: "inv-55" }));
    expect(retry.body.duplicate).toBe(true);
    expect(await interaction("ZD-5")).toEqual(first);
  });
});

describe("freshdesk and gorgias (shared secret header)", () => {
  for (const source of ["freshdesk", "gorgias"]) {
    it(`${source}: records a closed ticket, ignores other statuses`, async () => {
      const closed = JSON.stringify({
        ticket_id: `${source}-1`,
        customer: { email: "carl@example.com" },
        status: "Closed",
        closed_at: "2026-02-01T10:00:00.123456",
      });
      const res = await post(ws, source, closed, sharedSecretHeaders());
      expect(res.status).toBe(200);
      expect((await interaction(`${source}-1`))?.closed_at).toBe(Date.parse("2026-02-01T10:00:00.123Z"));
      const open = JSON.stringify({ ticket_id: `${source}-2`, status: "open" });
      expect((await post(ws, source, open, sharedSecretHeaders())).body.ignored).toMatch(/open/);
      expect(await interaction(`${source}-2`)).toBeNull();
    });

    it(`${source}: refuses a missing or wrong secret; a stale replay changes nothing`, async () => {
      const body = JSON.stringify({ ticket_id: `${source}-3`, closed_at: "2026-02-01T10:00:00Z" });
      await expectRefused(
        [
          { body, headers: {} },
          { body, headers: sharedSecretHeaders("wrong-secret-wrong-secret-wrong") },
          { body, headers: sharedSecretHeaders(`${SHARED_SECRET}x`) },
        ],
        source,
      );
      expect((await post(ws, source, body, sharedSecretHeaders())).status).toBe(200);
      const before = await snapshot();
      expect((await post(ws, source, body, sharedSecretHeaders())).status).toBe(200);
      expect(await snapshot()).toEqual(before);
    });
  }
});

const helpscoutConversation = (id: number, status = "closed") =>
  JSON.stringify({
    id,
    number: 349,
    type: "email",
    status,
    mailbox: { id: 1, name: "Support FR" },
    primaryCustomer: { id: 9, first: "Dana", last: "X", email: "dana@example.com" },
    assignee: { id: 3, first: "Léa", last: "Martin", email: "lea@shop.example" },
    closedAt: "2026-02-01T10:00:00Z",
  });

describe("helpscout", () => {
  it("records a conversation closed, with its agent and mailbox", async () => {
    const body = helpscoutConversation(501);
    const res = await post(ws, "helpscout", body, await helpscoutHeaders(body));
    expect(res.status).toBe(200);
    expect(await interaction("501")).toMatchObject({
      channel: "email",
      agent: "Léa Martin",
      team: "Support FR",
      closed_at: Date.parse("2026-02-01T10:00:00Z"),
      customer_key: expect.stringMatching(/^e:/),
    });
    const active = helpscoutConversation(502, "active");
    expect((await post(ws, "helpscout", active, await helpscoutHeaders(active))).body.ignored).toBeDefined();
  });

  it("refuses wrong, missing and tampered signatures; a stale replay changes nothing", async () => {
    const body = helpscoutConversation(503);
    const good = await helpscoutHeaders(body);
    await expectRefused(
      [
        { body, headers: await helpscoutHeaders(body, { secret: "another-secret" }) },
        { body: body.replace("503", "504"), headers: good },
        { body, headers: { "x-helpscout-event": "convo.status" } },
      ],
      "helpscout",
    );
    expect((await post(ws, "helpscout", body, good)).status).toBe(200);
    const before = await snapshot();
    expect((await post(ws, "helpscout", body, good)).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});

const intercomNotification = (id: string, conversation: string) =>
  JSON.stringify({
    type: "notification_event",
    id,
    topic: "conversation.admin.closed",
    created_at: 1769940000,
    data: {
      type: "notification_event_data",
      item: {
        type: "conversation",
        id: conversation,
        source: { type: "email", author: { type: "user", id: "u1", email: "erin@example.com" } },
        contacts: { type: "contact.list", contacts: [{ type: "contact", id: "c1", external_id: "cust-42" }] },
        admin_assignee_id: 814860,
        team_assignee_id: "5017691",
        statistics: { last_close_at: 1769940000 },
      },
    },
  });

describe("intercom", () => {
  it("records conversation.admin.closed, deduplicated on the notification id", async () => {
    const body = intercomNotification("notif_1", "ic-1");
    const res = await post(ws, "intercom", body, await intercomHeaders(body));
    expect(res.status).toBe(200);
    expect(await interaction("ic-1")).toMatchObject({
      channel: "email",
      agent: "814860",
      team: "5017691",
      closed_at: 1769940000 * 1000,
      customer_id: "cust-42",
    });
    const before = await snapshot();
    const replay = await post(ws, "intercom", body, await intercomHeaders(body));
    expect(replay.body.duplicate).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses wrong, missing and tampered signatures", async () => {
    const body = intercomNotification("notif_2", "ic-2");
    const good = await intercomHeaders(body);
    await expectRefused(
      [
        { body, headers: await intercomHeaders(body, { secret: "client-secret-x" }) },
        { body: body.replace("ic-2", "ic-3"), headers: good },
        { body, headers: { "x-hub-signature": good["x-hub-signature"].replace("sha1=", "sha256=") } },
        { body, headers: {} },
      ],
      "intercom",
    );
  });

  it("acknowledges Intercom's ping", async () => {
    const body = JSON.stringify({ type: "notification_event", topic: "ping", id: "notif_ping", data: { item: {} } });
    expect((await post(ws, "intercom", body, await intercomHeaders(body))).body).toEqual({
      ok: true,
      ignored: "topic ping",
    });
  });
});

const wooOrder = (id: number, status = "processing") =>
  JSON.stringify({
    id,
    status,
    currency: "EUR",
    total: "35.00",
    date_created: "2026-02-03T11:00:00",
    date_created_gmt: "2026-02-03T10:00:00",
    customer_id: 5,
    billing: { email: "fay@example.com" },
  });

describe("woocommerce", () => {
  it("records order.created in GMT, and cancels on a cancelled update or a deletion", async () => {
    const body = wooOrder(71);
    expect((await post(ws, "woocommerce", body, await woocommerceHeaders(body, "order.created"))).status).toBe(200);
    expect(await order("woocommerce:71")).toMatchObject({
      placed_at: Date.parse("2026-02-03T10:00:00Z"),
      total_minor: 3500,
    });
    const cancelled = wooOrder(71, "cancelled");
    await post(ws, "woocommerce", cancelled, await woocommerceHeaders(cancelled, "order.updated"));
    expect((await order("woocommerce:71"))?.cancelled).toBe(1);
    const deleted = JSON.stringify({ id: 72 });
    await post(ws, "woocommerce", deleted, await woocommerceHeaders(deleted, "order.deleted"));
    expect((await order("woocommerce:72"))?.cancelled).toBe(1);
  });

  it("answers WooCommerce's ping with 200 and writes nothing", async () => {
    const before = await snapshot();
    const res = await post(ws, "woocommerce", "webhook_id=12", { "content-type": "application/x-www-form-urlencoded" });
    expect(res).toEqual({ status: 200, body: { ok: true, ignored: "handshake" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses wrong, missing and tampered signatures; replays a delivery id as a duplicate", async () => {
    const body = wooOrder(73);
    const good = await woocommerceHeaders(body, "order.created");
    await expectRefused(
      [
        { body, headers: await woocommerceHeaders(body, "order.created", { secret: "other-secret" }) },
        { body: body.replace("35.00", "3.00"), headers: good },
        { body, headers: { ...good, "x-wc-webhook-signature": "" } },
      ],
      "woocommerce",
    );
    expect((await post(ws, "woocommerce", body, good)).status).toBe(200);
    expect((await post(ws, "woocommerce", body, good)).body.duplicate).toBe(true);
  });
});

describe("tools together", () => {
  it("attribute a Shopify order to a Zendesk ticket by e-mail", async () => {
    const body = zendeskBody("ZD-mix", { customer: { email: "Mix@Example.com" }, closed_at: iso(T) });
    await post(ws, "zendesk", body, await zendeskHeaders(body));
    const orderBody = shopifyOrder(2001, {
      email: "mix@example.com",
      customer: { id: 1, email: " MIX@example.com" },
      created_at: iso(T + DAY),
      total_price: "10.00",
    });
    await post(ws, "shopify", orderBody, await shopifyHeaders(orderBody, "orders/create"));
    const figures = await repurchase(ws, { as_of: iso(T + 31 * DAY), from: "2026-02-02", to: "2026-02-03" });
    expect(figures).toMatchObject({ eligible: 1, repurchased: 1, revenue: { USD: "10.00" } });
  });
});
