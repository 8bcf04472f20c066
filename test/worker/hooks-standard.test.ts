import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
  iso,
  post,
  repurchase,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  standardHeaders,
} from "../support/worker/hooks-signing";

let ws: TestWorkspace;
const closedAt = Date.parse("2026-01-10T10:00:00Z");

beforeAll(async () => {
  ws = await createWorkspace("Standard Co");
  await setIntegration(ws, "standard", STANDARD_SECRET);
});

const rows = async (table: string) =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`).bind(ws.id).first<{ n: number }>())
    ?.n;

describe("standard (Standard Webhooks v1)", () => {
  it("signs like the specification's reference vector", () => {
    // Vector from the Standard Webhooks reference libraries' tests.
    const signature = new Webhook(STANDARD_SECRET).sign(
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("accepts a valid delivery and records the interaction", async () => {
    const res = await sendStandard(ws, {
      type: "interaction.closed",
      data: { ticket_id: "S-1", customer: { email: "ana@example.com" }, channel: "email", closed_at: iso(closedAt) },
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(await rows("interactions")).toBe(1);
  });

  it("accepts one of several space-separated signatures (key rotation)", async () => {
    const body = JSON.stringify({ type: "order.cancelled", data: { order_id: "never-placed" } });
    const headers = standardHeaders(body);
    const other = new Webhook("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").sign(headers["webhook-id"], new Date(), body);
    headers["webhook-signature"] = `${other} ${headers["webhook-signature"]}`;
    expect((await post(ws, "standard", body, headers)).status).toBe(200);
  });

  it("refuses wrong, missing, stale, future and tampered signatures and writes nothing", async () => {
    const before = { interactions: await rows("interactions"), orders: await rows("orders") };
    const event = {
      type: "order.created",
      data: {
        order_id: "O-x",
        customer: { email: "x@example.com" },
        placed_at: iso(closedAt),
        total: "10.00",
        currency: "EUR",
      },
    };
    const body = JSON.stringify(event);
    const wrongKey = standardHeaders(body, { secret: "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    const stale = standardHeaders(body, { at: new Date(Date.now() - 6 * 60_000) });
    const future = standardHeaders(body, { at: new Date(Date.now() + 6 * 60_000) });
    const good = standardHeaders(body);
    const tampered = body.replace("10.00", "99.00");
    const { "webhook-signature": _, ...unsigned } = standardHeaders(body);
    for (const [b, h] of [
      [body, wrongKey],
      [body, stale],
      [body, future],
      [tampered, good],
      [body, unsigned],
      [body, { ...good, "webhook-timestamp": "not-a-time" }],
    ] as const) {
      const res = await post(ws, "standard", b, h as Record<string, string>);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("invalid_signature");
    }
    expect({ interactions: await rows("interactions"), orders: await rows("orders") }).toEqual(before);
  });

  it("answers 401 alike for an unknown workspace and an unset source", async () => {
    const body = JSON.stringify({ type: "order.cancelled", data: { order_id: "1" } });
    const unknown = await post({ ...ws, id: "ws_nope" }, "standard", body, standardHeaders(body));
    const unset = await post(ws, "shopify", body, standardHeaders(body));
    const bogus = await post(ws, "not-a-tool", body, standardHeaders(body));
    expect([unknown.status, unset.status, bogus.status]).toEqual([401, 401, 401]);
    expect(unknown.body).toEqual(unset.body);
    expect(unset.body).toEqual(bogus.body);
  });

  it("answers 422 naming the fields for a signed but invalid payload, and writes nothing", async () => {
    const before = await rows("orders");
    const res = await sendStandard(ws, {
      type: "order.created",
      data: { order_id: "O-bad", placed_at: "yesterday", total: "12.345", currency: "EUR" },
    });
    expect(res.status).toBe(422);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["data.placed_at"]));
    const money = await sendStandard(ws, {
      type: "order.created",
      data: { order_id: "O-bad", placed_at: iso(closedAt), total: "12.345", currency: "EUR" },
    });
    expect(money.status).toBe(422);
    expect(money.body.error.details[0].path).toBe("data.total");
    const unknownType = await sendStandard(ws, { type: "order.refunded", data: {} });
    expect(unknownType.status).toBe(422);
    expect(await rows("orders")).toBe(before);
  });

  it("answers 400 for a signed body that is not JSON and 413 over 1 MB (webhook receivers' limit)", async () => {
    const body = "{not json";
    expect((await post(ws, "standard", body, standardHeaders(body))).status).toBe(400);
    const big = JSON.stringify({ type: "order.cancelled", data: { order_id: "x".repeat(1024 * 1024) } });
    const res = await post(ws, "standard", big, standardHeaders(big));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
  });

  it("records orders and cancellations from our own events", async () => {
    const customer = { email: "ana@example.com" };
    await sendStandard(ws, {
      type: "order.created",
      data: { order_id: "O-1", customer, placed_at: iso(closedAt + DAY), total: "49.90", currency: "EUR" },
    });
    await sendStandard(ws, {
      type: "order.created",
      data: { order_id: "O-2", customer, placed_at: iso(closedAt + 2 * DAY), total: 20, currency: "eur" },
    });
    const before = await repurchase(ws, { as_of: iso(closedAt + 40 * DAY) });
    expect(before).toMatchObject({ eligible: 1, repurchased: 1, revenue: { EUR: "69.90" } });
    await sendStandard(ws, { type: "order.cancelled", data: { order_id: "O-1" } });
    const after = await repurchase(ws, { as_of: iso(closedAt + 40 * DAY) });
    expect(after.revenue).toEqual({ EUR: "20.00" });
  });
});
