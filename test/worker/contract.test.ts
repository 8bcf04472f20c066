/**
 * Contract audit: each test pins one place where the running Worker had drifted
 * from the API reference (docs/api.md), driven exactly as the reference describes it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  PLAIN_SECRET,
  post,
  repurchase,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  shopifyHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace("Contract Co");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  await setIntegration(ws, "shopify", PLAIN_SECRET);
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
});

describe("support webhooks answer with the invitation object of POST /v1/invitations", () => {
  it("standard interaction.closed: token, url, links, embed and expires_at at the top level", async () => {
    const res = await sendStandard(ws, {
      type: "interaction.closed",
      data: { ticket_id: "CT-1", customer: { email: "c1@example.com" }, closed_at: "2026-11-01T10:00:00Z" },
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe("string");
    expect(res.body.url).toMatch(/\/s\//);
    expect(Object.keys(res.body.links)).toEqual(["1", "2", "3", "4", "5"]);
    expect(res.body.embed).toContain("/widget.js");
    expect(Number.isNaN(Date.parse(res.body.expires_at))).toBe(false);
    // The token works like one from POST /v1/invitations.
    expect((await answer(res.body.token, { csat: 5 })).status).toBe(201);
  });

  it("zendesk: the same object, whose keys match POST /v1/invitations", async () => {
    const body = JSON.stringify({ ticket_id: "CT-2", customer: { email: "c2@example.com" } });
    const res = await post(ws, "zendesk", body, await zendeskHeaders(body));
    expect(res.status).toBe(200);
    const direct = await invite(ws, { ticket_id: "CT-3" });
    for (const key of Object.keys(direct)) expect(res.body).toHaveProperty(key);
  });
});

describe("shopify receives Shopify's own order payloads", () => {
  it("accepts order ids beyond 2^53 (Shopify's documented sample) and cancels the same order", async () => {
    const bigId = "820982911946154508";
    const order = `{"id":${bigId},"email":"big@example.com","created_at":"2026-03-02T10:00:00-05:00","total_price":"12.34","currency":"EUR","customer":{"id":115310627314723954,"email":"big@example.com"}}`;
    await sendStandard(ws, {
      type: "interaction.closed",
      data: { ticket_id: "CT-BIG", customer: { email: "big@example.com" }, closed_at: "2026-03-01T10:00:00Z" },
    });
    const created = await post(ws, "shopify", order, await shopifyHeaders(order, "orders/create"));
    expect(created.status).toBe(200);
    const window = { from: "2026-03-01", to: "2026-03-02", as_of: "2026-06-01T00:00:00Z" };
    expect((await repurchase(ws, window)).revenue).toEqual({ EUR: "12.34" });

    // Shopify's orders/cancelled body is the order with `cancelled_at` set: the signed body cancels.
    const cancelledOrder = order.replace(
      '"currency":"EUR"',
      '"currency":"EUR","cancelled_at":"2026-03-05T10:00:00-05:00"',
    );
    const cancelled = await post(
      ws,
      "shopify",
      cancelledOrder,
      await shopifyHeaders(cancelledOrder, "orders/cancelled"),
    );
    expect(cancelled.status).toBe(200);
    const after = await repurchase(ws, window);
    expect(after.repurchased).toBe(0);
    expect(after.revenue).toEqual({});
  });
});

describe("GET /v1/repurchase lists groups", () => {
  it("carries an empty groups array when not grouped", async () => {
    const body = await repurchase(ws, { from: "2020-01-01", to: "2020-01-02" });
    expect(body.groups).toEqual([]);
    for (const field of [
      "window_days",
      "eligible",
      "repurchased",
      "rate",
      "pending",
      "pending_repurchased",
      "revenue",
      "revenue_per_interaction",
    ]) {
      expect(body).toHaveProperty(field);
    }
  });
});

describe("POST /v1/responses is rate limited", () => {
  it("answers 429 with Retry-After to a ticket answered too often, and writes nothing then", async () => {
    const { token } = await invite(ws, { ticket_id: "CT-FLOOD" });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await answer(token, { csat: (i % 5) + 1 });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.body.error.code).toBe("rate_limited");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(statuses.slice(0, 10).every((s) => s === 201 || s === 200)).toBe(true);
    // The refused attempt changed nothing: the stored answer is the last accepted one.
    const lastAccepted = statuses.length - 2;
    const list = await call("GET", "/v1/responses?limit=50", { key: ws.key });
    const item = list.body.items.find((i: { ticket_id: string }) => i.ticket_id === "CT-FLOOD");
    expect(item.answers.csat).toBe((lastAccepted % 5) + 1);
  });
});

describe("scopes: write = surveys, invitations", () => {
  it("a write-only key lists and reads the surveys it manages (it needs their ids for invitations)", async () => {
    const made = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "helpdesk", scopes: ["write"] } });
    expect(made.status).toBe(201);
    const writeKey = made.body.api_key;
    const list = await call("GET", "/v1/surveys", { key: writeKey });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(ws.defaultSurveyId);
    expect((await call("GET", `/v1/surveys/${ws.defaultSurveyId}`, { key: writeKey })).status).toBe(200);
    // Still no figures for it: scores and responses are `read`.
    expect((await call("GET", "/v1/scores?metric=csat", { key: writeKey })).status).toBe(403);
  });
});
