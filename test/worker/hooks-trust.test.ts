/**
 * Findings of the outside review (issue 11) about what a webhook may change:
 * only signed facts change data, unsigned callers cannot spend a genuine
 * sender's budget, no body makes a 5xx, real orders fit, ids stay exact.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
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
const T = Date.parse("2026-03-02T09:00:00Z");

beforeAll(async () => {
  ws = await createWorkspace("Trust Co");
  await setIntegration(ws, "shopify", PLAIN_SECRET);
  await setIntegration(ws, "woocommerce", PLAIN_SECRET);
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  await setIntegration(ws, "freshdesk", SHARED_SECRET);
});

async function order(orderId: string) {
  return env.DB.prepare("SELECT * FROM orders WHERE workspace_id = ? AND order_id = ?")
    .bind(ws.id, orderId)
    .first<Record<string, unknown>>();
}

async function rowCount(table: string) {
  return (
    await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`).bind(ws.id).first<{ n: number }>()
  )?.n;
}

const shopifyOrder = (id: number | string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    email: "ana@example.com",
    created_at: "2026-03-03T10:00:00-05:00",
    total_price: "42.00",
    currency: "EUR",
    cancelled_at: null,
    test: false,
    ...over,
  });

describe("#7 the topic header only routes: cancellation comes from the signed body", () => {
  it("a captured Shopify orders/create replayed under orders/cancelled cancels nothing", async () => {
    const body = shopifyOrder(7001);
    expect((await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"))).status).toBe(200);
    // Same signed bytes, a new delivery id, the topic header rewritten by the attacker.
    const replay = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/cancelled"));
    expect(replay.status).toBe(200);
    expect((await order("shopify:7001"))?.cancelled).toBe(0);
  });

  it("a Shopify body whose cancelled_at is set cancels, whatever the topic", async () => {
    const body = shopifyOrder(7002, { cancelled_at: "2026-03-04T10:00:00-05:00" });
    await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"));
    expect((await order("shopify:7002"))?.cancelled).toBe(1);
  });

  it("a captured WooCommerce order replayed under order.deleted cancels nothing", async () => {
    const body = JSON.stringify({
      id: 7003,
      status: "processing",
      currency: "EUR",
      total: "19.00",
      date_created_gmt: "2026-03-03T10:00:00",
      date_modified_gmt: "2026-03-03T10:00:00",
      billing: { email: "ana@example.com" },
    });
    await post(ws, "woocommerce", body, await woocommerceHeaders(body, "order.created"));
    expect((await post(ws, "woocommerce", body, await woocommerceHeaders(body, "order.deleted"))).status).toBe(200);
    expect((await order("woocommerce:7003"))?.cancelled).toBe(0);
    // WooCommerce's own deletion body, just the id, still cancels for good.
    const deleted = JSON.stringify({ id: 7003 });
    await post(ws, "woocommerce", deleted, await woocommerceHeaders(deleted, "order.deleted"));
    expect((await order("woocommerce:7003"))?.cancelled).toBe(1);
  });
});

describe("#8 unsigned requests cannot spend the endpoint's budget", () => {
  it("after a flood of bad signatures from many addresses, Shopify's genuine delivery is accepted", async () => {
    const other = await createWorkspace("Flooded Co");
    await setIntegration(other, "shopify", PLAIN_SECRET);
    const forged = shopifyOrder(8001);
    const headers = await shopifyHeaders(forged, "orders/create", { secret: "not-the-shop-secret" });
    // Over twice the endpoint's 1000 per 10 s (so one window surely holds more than 1000), each from its own address (as a botnet would).
    // Sent concurrently so the flood lands within one 10 s window of the endpoint's limit.
    const flood = await Promise.all(
      Array.from({ length: 2100 }, async (_, i) => {
        const ip = `10.${(i >> 8) & 255}.${i & 255}.8`;
        return (await post(other, "shopify", forged, { ...headers, "cf-connecting-ip": ip })).status;
      }),
    );
    const statuses = new Map<number, number>();
    for (const s of flood) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    expect([...statuses]).toEqual([[401, 2100]]);
    const genuine = shopifyOrder(8002);
    const res = await post(other, "shopify", genuine, {
      ...(await shopifyHeaders(genuine, "orders/create")),
      "cf-connecting-ip": "23.227.38.65",
    });
    expect(res.status).toBe(200);
  }, 120_000);

  it("charges failures to the caller's address: past its budget it gets 429, others are untouched", async () => {
    const forged = shopifyOrder(8003);
    const headers = await shopifyHeaders(forged, "orders/create", { secret: "not-the-shop-secret" });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await post(ws, "shopify", forged, { ...headers, "cf-connecting-ip": "198.51.100.88" })).status);
    }
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const genuine = shopifyOrder(8004);
    const res = await post(ws, "shopify", genuine, {
      ...(await shopifyHeaders(genuine, "orders/create")),
      "cf-connecting-ip": "23.227.38.66",
    });
    expect(res.status).toBe(200);
  }, 60_000);
});

/** A signed body whose `customer` nests `depth` levels deep. */
function nested(depth: number, leaf: unknown = "x") {
  return `{"ticket_id":"deep-${depth}","status":"closed","customer":${"[".repeat(depth)}${JSON.stringify(leaf)}${"]".repeat(depth)}}`;
}

describe("#9 a deeply nested signed body is a 422, never a 5xx", () => {
  it("answers 422 too_deeply_nested for a 30 000-level body (60 KB) from Freshdesk and Zendesk, and writes nothing", async () => {
    const body = nested(30_000);
    expect(body.length).toBeLessThan(64 * 1024);
    const before = await rowCount("interactions");
    const freshdesk = await post(ws, "freshdesk", body, sharedSecretHeaders());
    expect(freshdesk.status).toBe(422);
    expect(freshdesk.body.error.code).toBe("too_deeply_nested");
    const zendesk = await post(ws, "zendesk", body, await zendeskHeaders(body));
    expect(zendesk.status).toBe(422);
    expect(zendesk.body.error.code).toBe("too_deeply_nested");
    expect(await rowCount("interactions")).toBe(before);
  });

  it("property: any nesting depth, arrays or objects, answers below 500; past 64 levels 422", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom("freshdesk", "zendesk"),
        fc.boolean(),
        async (depth, source, objects) => {
          const body = objects
            ? `{"ticket_id":"d","customer":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`
            : nested(depth);
          const headers = source === "zendesk" ? await zendeskHeaders(body) : sharedSecretHeaders();
          const res = await post(ws, source, body, headers);
          expect(res.status).toBeLessThan(500);
          if (depth + 1 > 64) expect(res.body.error.code).toBe("too_deeply_nested");
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("#15 webhook bodies up to 1 MB; the customer-facing routes keep 64 KB", () => {
  const lineItem = (i: number) => ({
    id: 866550311766439000 + i,
    title: `The Complete Snowboard, size ${i}`,
    price: "699.95",
    quantity: 1,
    sku: `SNOW-${i}`,
    properties: [],
    tax_lines: [{ price: "0.00", rate: 0.2, title: "VAT" }],
    discount_allocations: [],
    price_set: { shop_money: { amount: "699.95", currency_code: "EUR" } },
    vendor: "Snowboard Vendor",
    fulfillment_service: "manual",
    variant_title: "Default Title",
    name: "The Complete Snowboard - Default Title and a long description of the variant".repeat(10),
  });

  it("accepts a real-sized Shopify order of 80 line items (over 64 KB)", async () => {
    const body = shopifyOrder(15001, { line_items: Array.from({ length: 80 }, (_, i) => lineItem(i)) });
    expect(body.length).toBeGreaterThan(80 * 1024);
    const res = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"));
    expect(res.status).toBe(200);
    expect(await order("shopify:15001")).toMatchObject({ total_minor: 4200 });
  });

  it("still refuses a webhook body over 1 MB with 413", async () => {
    const body = shopifyOrder(15002, { note: "x".repeat(1024 * 1024) });
    const res = await post(ws, "shopify", body, await shopifyHeaders(body, "orders/create"));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
    expect(await order("shopify:15002")).toBeNull();
  });

  it("keeps 64 KB on the public answer route", async () => {
    const res = await call("POST", "/v1/responses", {
      body: { token: "t", answers: { csat: 5 }, comment: "x".repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
  });
});

describe("#17 ids beyond 2^53 are read exactly from the raw bytes", () => {
  it("keeps Shopify's 820982911946154508, a WooCommerce order id and a ticket id exact", async () => {
    const shop = shopifyOrder("820982911946154508").replace('"820982911946154508"', "820982911946154508");
    expect(BigInt(JSON.parse(shop).id)).toBe(820982911946154496n); // what JSON.parse alone makes of it
    await post(ws, "shopify", shop, await shopifyHeaders(shop, "orders/create"));
    expect(await order("shopify:820982911946154508")).not.toBeNull();
    expect(await order("shopify:820982911946154496")).toBeNull();

    const woo = `{"id":9007199254740993,"status":"completed","currency":"EUR","total":"5.00","date_created_gmt":"2026-03-03T10:00:00"}`;
    await post(ws, "woocommerce", woo, await woocommerceHeaders(woo, "order.created"));
    expect(await order("woocommerce:9007199254740993")).not.toBeNull();

    const ticket = `{"ticket_id":90071992547409931,"status":"solved","closed_at":"2026-03-02T09:00:00Z"}`;
    expect((await post(ws, "zendesk", ticket, await zendeskHeaders(ticket))).status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT ticket_id FROM interactions WHERE workspace_id = ? AND ticket_id LIKE '9007%'",
    )
      .bind(ws.id)
      .first<{ ticket_id: string }>();
    expect(row?.ticket_id).toBe("90071992547409931");
  });
});

describe("#19 a $0.00 order is not a repurchase", () => {
  it("acknowledges a zero-total order, records nothing, and the interaction stays unrepurchased", async () => {
    const other = await createWorkspace("Free Replacement Co");
    await setIntegration(other, "shopify", PLAIN_SECRET);
    await setIntegration(other, "zendesk", PLAIN_SECRET);
    const ticket = JSON.stringify({
      ticket_id: "R-19",
      customer: { email: "zoe@example.com" },
      closed_at: iso(T),
    });
    await post(other, "zendesk", ticket, await zendeskHeaders(ticket));
    const free = shopifyOrder(19001, { email: "zoe@example.com", created_at: iso(T + DAY), total_price: "0.00" });
    const res = await post(other, "shopify", free, await shopifyHeaders(free, "orders/create"));
    expect(res).toEqual({ status: 200, body: { ok: true, ignored: "zero-total order: not a purchase" } });
    const figures = await repurchase(other, { as_of: iso(T + 31 * DAY) });
    expect(figures).toMatchObject({ eligible: 1, repurchased: 0, revenue: {} });
    // A paid order from the same customer still counts.
    const paid = shopifyOrder(19002, { email: "zoe@example.com", created_at: iso(T + 2 * DAY), total_price: "12.00" });
    await post(other, "shopify", paid, await shopifyHeaders(paid, "orders/create"));
    expect(await repurchase(other, { as_of: iso(T + 31 * DAY) })).toMatchObject({
      repurchased: 1,
      revenue: { EUR: "12.00" },
    });
  });
});
