import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "../../worker/events/retry-schedule";
import { createEndpoint, pendingDeliveries, type Received, receiver, runConsumer } from "../support/worker/events";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { shardNameOf } from "../support/worker/shards";

let ws: TestWorkspace;
let restore: (() => void) | undefined;
afterEach(() => restore?.());

beforeAll(async () => {
  ws = await createWorkspace("Events Co");
});

describe("webhook endpoints", () => {
  it("creates an endpoint with every event by default and shows its secret once", async () => {
    const created = await createEndpoint(ws, { url: "https://hooks.example.com/aftercare" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.events).toEqual([
      "response.created",
      "response.updated",
      "follow_up.opened",
      "follow_up.updated",
      "target.missed",
    ]);
    const list = await call("GET", "/v1/webhook-endpoints", { key: ws.key });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((e: { id: string }) => e.id === created.id);
    expect(listed).toMatchObject({ url: "https://hooks.example.com/aftercare", format: "standard" });
    expect(list.text).not.toContain(created.secret);
    const del = await call("DELETE", `/v1/webhook-endpoints/${created.id}`, { key: ws.key });
    expect(del.status).toBe(204);
    expect((await call("DELETE", `/v1/webhook-endpoints/${created.id}`, { key: ws.key })).status).toBe(404);
  });

  it.each([
    "http://hooks.example.com/x",
    "http://127.0.0.1:9000/x",
    "http://localhost/x",
    "https://127.0.0.1/x",
    "https://10.0.0.8/x",
    "https://[::1]/x",
    "https://169.254.169.254/latest/meta-data",
    "https://user:pass@hooks.example.com/x",
    "https://hooks.example.com:8443/x",
    "https://intranet/x",
    "https://db.internal/x",
    "ftp://hooks.example.com/x",
    "not a url",
  ])("refuses %s with 422 and stores nothing", async (url) => {
    const other = await createWorkspace();
    const res = await call("POST", "/v1/webhook-endpoints", { key: other.key, body: { url } });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toBe("url");
    expect((await call("GET", "/v1/webhook-endpoints", { key: other.key })).body.items).toEqual([]);
  });

  it("refuses unknown event names and formats, and keys without the admin scope", async () => {
    const bad = await call("POST", "/v1/webhook-endpoints", {
      key: ws.key,
      body: { url: "https://hooks.example.com/x", events: ["response.deleted"] },
    });
    expect(bad.status).toBe(422);
    const format = await call("POST", "/v1/webhook-endpoints", {
      key: ws.key,
      body: { url: "https://hooks.example.com/x", format: "teams" },
    });
    expect(format.status).toBe(422);
    const key = await call("POST", "/v1/api-keys", {
      key: ws.key,
      body: { name: "reader", scopes: ["read", "write"] },
    });
    const res = await call("POST", "/v1/webhook-endpoints", {
      key: key.body.api_key,
      body: { url: "https://hooks.example.com/x" },
    });
    expect(res.status).toBe(403);
  });

  it("keeps another workspace's endpoint and deliveries out of reach", async () => {
    const other = await createWorkspace();
    const theirs = await createEndpoint(other, { url: "https://hooks.example.com/theirs" });
    expect((await call("GET", `/v1/webhook-endpoints/${theirs.id}/deliveries`, { key: ws.key })).status).toBe(404);
    expect((await call("DELETE", `/v1/webhook-endpoints/${theirs.id}`, { key: ws.key })).status).toBe(404);
  });
});

describe("delivery through the Queue", () => {
  it("signs a response.created delivery that standardwebhooks verifies, with data as GET /v1/responses lists it", async () => {
    const shop = await createWorkspace();
    const ep = await createEndpoint(shop, { url: "https://hooks.example.com/a", events: ["response.created"] });
    const inv = await invite(shop, { ticket_id: "T-sign", agent: "Léa", channel: "email" });
    expect((await answer(inv.token, { csat: 5 }, { comment: "Très bien" })).status).toBe(201);
    const rows = await pendingDeliveries(shop.id);
    expect(rows.map((r) => r.type)).toEqual(["response.created"]);
    const rx = receiver(200);
    restore = rx.restore;
    const result = await runConsumer(rows.map((r) => r.id));
    expect(result.explicitAcks).toHaveLength(1);
    expect(rx.received).toHaveLength(1);
    const got = rx.received[0] as Received;
    expect(got.url).toBe("https://hooks.example.com/a");
    expect(got.init.redirect).toBe("manual");
    expect(got.init.signal).toBeInstanceOf(AbortSignal);
    const verified = new Webhook(ep.secret as string).verify(got.body, got.headers) as Record<string, unknown>;
    expect(got.headers["webhook-id"]).toBe(rows[0]?.id);
    const listed = await call("GET", "/v1/responses", { key: shop.key });
    expect(verified).toEqual({ type: "response.created", timestamp: expect.any(String), data: listed.body.items[0] });
    // A wrong secret or an altered body does not verify.
    expect(() => new Webhook(`whsec_${btoa("x".repeat(32))}`).verify(got.body, got.headers)).toThrow();
    expect(() => new Webhook(ep.secret as string).verify(got.body.replace("Très", "Tres"), got.headers)).toThrow();
    const log = await call("GET", `/v1/webhook-endpoints/${ep.id}/deliveries`, { key: shop.key });
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: rows[0]?.id,
        type: "response.created",
        status: "delivered",
        attempts: 1,
        last_status: 200,
      }),
    ]);
  });

  it("sends response.updated when the same ticket answers again", async () => {
    const shop = await createWorkspace();
    await createEndpoint(shop, { url: "https://hooks.example.com/u", events: ["response.updated"] });
    const inv = await invite(shop, { ticket_id: "T-upd" });
    await answer(inv.token, { csat: 4 });
    expect(await pendingDeliveries(shop.id)).toEqual([]);
    expect((await answer(inv.token, { csat: 3 })).status).toBe(200);
    expect((await pendingDeliveries(shop.id)).map((r) => r.type)).toEqual(["response.updated"]);
  });

  it("retries a 500 with the same webhook-id and body, first within 30 s then spread over hours, then dead-letters", async () => {
    const shop = await createWorkspace();
    const ep = await createEndpoint(shop, { url: "https://hooks.example.com/down", events: ["response.created"] });
    const inv = await invite(shop, { ticket_id: "T-down" });
    await answer(inv.token, { csat: 4 });
    const [row] = await pendingDeliveries(shop.id);
    const rx = receiver(500);
    restore = rx.restore;
    const delays: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const result = await runConsumer([row?.id as string]);
      if (i < MAX_ATTEMPTS - 1) {
        expect(result.retryMessages).toHaveLength(1);
        delays.push(result.retryDelays[0] as number);
      } else {
        expect(result.retryMessages).toEqual([]);
        expect(result.explicitAcks).toHaveLength(1);
      }
    }
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(5);
    expect(delays[0]).toBeLessThanOrEqual(30);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3 * 3600);
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([row?.id]));
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);
    for (const r of rx.received) expect(() => new Webhook(ep.secret as string).verify(r.body, r.headers)).not.toThrow();
    const log = await call("GET", `/v1/webhook-endpoints/${ep.id}/deliveries`, { key: shop.key });
    expect(log.body.items[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_status: 500 });
    // A failed delivery is not tried again when its message comes back.
    await runConsumer([row?.id as string]);
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("counts a redirect, a timeout and a network error as failures to retry", async () => {
    const shop = await createWorkspace();
    const ep = await createEndpoint(shop, { url: "https://hooks.example.com/odd", events: ["response.created"] });
    const inv = await invite(shop, { ticket_id: "T-odd" });
    await answer(inv.token, { csat: 4 });
    const [row] = await pendingDeliveries(shop.id);
    const answers: (() => Response)[] = [
      () => new Response(null, { status: 302, headers: { location: "https://10.0.0.1/" } }),
      () => {
        throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      },
      () => {
        throw new TypeError("Network connection lost");
      },
      () => new Response(null, { status: 204 }),
    ];
    let n = 0;
    const rx = receiver(() => (answers[n++] as () => Response)());
    restore = rx.restore;
    const errors: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await runConsumer([row?.id as string]);
      expect(result.retryMessages).toHaveLength(1);
      const log = await call("GET", `/v1/webhook-endpoints/${ep.id}/deliveries`, { key: shop.key });
      errors.push(log.body.items[0].last_error);
    }
    expect(errors).toEqual(["redirect", "timeout", "network"]);
    expect((await runConsumer([row?.id as string])).explicitAcks).toHaveLength(1);
    const log = await call("GET", `/v1/webhook-endpoints/${ep.id}/deliveries`, { key: shop.key });
    expect(log.body.items[0]).toMatchObject({ status: "delivered", attempts: 4, last_status: 204 });
    expect(rx.received.every((r) => r.init.redirect === "manual")).toBe(true);
  });

  it("builds Slack bodies in the workspace's language with score, comment, ticket, agent and a dashboard link", async () => {
    const paris = await createWorkspace("Boutique", "Europe/Paris");
    await createEndpoint(paris, { url: "https://hooks.slack.com/services/T0/B0/x", format: "slack" });
    const inv = await invite(paris, { ticket_id: "T-slack", agent: "Léa" });
    await answer(inv.token, { csat: 1 }, { comment: "Colis <jamais> arrivé & rien" });
    const rows = await pendingDeliveries(paris.id);
    expect(rows.map((r) => r.type).sort()).toEqual(["follow_up.opened", "response.created"]);
    const rx = receiver(200);
    restore = rx.restore;
    await runConsumer(rows.map((r) => r.id));
    expect(rx.received).toHaveLength(2);
    for (const r of rx.received) {
      expect(r.headers["webhook-signature"]).toBeUndefined();
      const body = JSON.parse(r.body);
      expect(Object.keys(body).sort()).toEqual(["blocks", "text"]);
      const all = JSON.stringify(body);
      expect(body.text).toContain("CSAT 1/5");
      expect(body.text).toContain("#T-slack");
      expect(body.text).toContain("Léa");
      expect(all).toContain("Colis &lt;jamais&gt; arrivé &amp; rien");
      expect(all).toContain("https://aftercare.test/dashboard#follow-ups");
    }
    const texts = rx.received.map((r) => JSON.parse(r.body).text).sort();
    expect(texts[0]).toMatch(/^Nouvelle réponse/);
    expect(texts[1]).toMatch(/^Suivi ouvert/);
    const en = await createWorkspace("Shop", "America/New_York");
    const ep = await createEndpoint(en, { url: "https://hooks.slack.com/services/T0/B0/y", format: "slack" });
    expect(ep.secret).toBeUndefined();
    const inv2 = await invite(en, { ticket_id: "T-en" });
    await answer(inv2.token, { csat: 2 });
    await runConsumer((await pendingDeliveries(en.id)).map((r) => r.id));
    const english = rx.received
      .slice(2)
      .map((r) => JSON.parse(r.body).text)
      .sort();
    expect(english[0]).toMatch(/^Follow-up opened: CSAT 2\/5 \(Ticket #T-en, no agent/);
    expect(english[1]).toMatch(/^New answer/);
  });

  it("never fails the answer when the Queue is down, and the cron re-sends what was left", async () => {
    const shop = await createWorkspace();
    await createEndpoint(shop, { url: "https://hooks.example.com/q", events: ["response.created"] });
    const inv = await invite(shop, { ticket_id: "T-queue" });
    const { createApp } = await import("../../worker/app");
    const broken = {
      ...env,
      EVENTS: {
        send: () => Promise.reject(new Error("queue down")),
        sendBatch: () => Promise.reject(new Error("queue down")),
      },
    };
    const res = await createApp().fetch(
      new Request("https://aftercare.test/v1/responses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: inv.token, answers: { csat: 4 } }),
      }),
      broken,
    );
    expect(res.status).toBe(201);
    const [row] = await pendingDeliveries(shop.id);
    expect(row?.type).toBe("response.created");
    const { redrivePending, REDRIVE_AFTER_MS } = await import("../../worker/events/deliver");
    const sent: unknown[] = [];
    const recording = { ...env, EVENTS: { sendBatch: async (b: unknown[]) => void sent.push(...b) } } as never;
    expect(await redrivePending(recording, Date.now())).toBe(0);
    await redrivePending(recording, Date.now() + REDRIVE_AFTER_MS + 1000);
    expect(sent).toContainEqual({ body: { delivery_id: row?.id, shard: await shardNameOf(shop.id) } });
  });
});

describe("checkEndpointUrl", () => {
  it("accepts local receivers only when the Worker runs locally", async () => {
    const { checkEndpointUrl } = await import("../../worker/events/endpoint-url");
    for (const url of ["http://127.0.0.1:9000/hook", "http://localhost:3000/x", "https://localhost/x"]) {
      expect(checkEndpointUrl(url, true)).toBeNull();
      expect(checkEndpointUrl(url, false)).not.toBeNull();
    }
    // Locally still no other private address, no credentials, no other scheme.
    for (const url of ["http://10.0.0.2/x", "http://192.168.1.1/x", "http://u:p@127.0.0.1/x", "ftp://localhost/x"]) {
      expect(checkEndpointUrl(url, true)).not.toBeNull();
    }
    expect(checkEndpointUrl("https://hooks.slack.com/services/T/B/x", false)).toBeNull();
    // WHATWG parsing turns numeric hosts into dotted quads, which are refused.
    expect(checkEndpointUrl("https://2130706433/x", false)).not.toBeNull();
    expect(checkEndpointUrl("https://0x7f.1/x", false)).not.toBeNull();
  });
});
