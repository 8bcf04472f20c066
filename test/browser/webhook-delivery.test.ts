import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/**
 * End to end under `wrangler dev`: a real local receiver (a node http server on
 * 127.0.0.1) subscribed to a workspace's events gets a delivery through the
 * real local Queue, answers 500 once, and gets the same event again.
 */
const origin = inject("origin");
const adminToken = inject("adminToken");

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

let server: Server;
const hits: Hit[] = [];

async function api(method: string, route: string, key: string, body?: unknown) {
  const res = await fetch(`${origin}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      // The first delivery fails, as a receiver in the middle of a deploy would.
      const status = hits.length === 0 ? 500 : 204;
      hits.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("webhook delivery under wrangler dev", () => {
  it("delivers a signed event to a local receiver through the Queue, retrying after a 500 with the same webhook-id", async () => {
    const ws = await api("POST", "/v1/workspaces", adminToken, { name: "Receiver shop" });
    const key = ws.body.api_key as string;
    const port = (server.address() as AddressInfo).port;
    const endpoint = await api("POST", "/v1/webhook-endpoints", key, {
      url: `http://127.0.0.1:${port}/aftercare`,
      events: ["response.created"],
    });
    expect(endpoint.status).toBe(201);
    const invitation = await api("POST", "/v1/invitations", key, {
      survey_id: ws.body.workspace.default_survey_id,
      ticket_id: "E2E-1",
      agent: "Léa",
    });
    const started = Date.now();
    const answered = await fetch(`${origin}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: invitation.body.token, answers: { csat: 2 }, comment: "Trop long" }),
    });
    expect(answered.status).toBe(201);
    for (let i = 0; hits.length < 2 && i < 200; i++) await new Promise((r) => setTimeout(r, 250));
    expect(hits.map((h) => h.status)).toEqual([500, 204]);
    // The first retry comes within 30 s of the answer.
    expect(Date.now() - started).toBeLessThan(30_000);
    const wh = new Webhook(endpoint.body.secret);
    const listed = (await api("GET", "/v1/responses", key)).body.items[0];
    for (const hit of hits) {
      const event = wh.verify(hit.body, hit.headers as Record<string, string>) as any;
      expect(event).toEqual({ type: "response.created", timestamp: expect.any(String), data: listed });
    }
    expect(hits[1]?.headers["webhook-id"]).toBe(hits[0]?.headers["webhook-id"]);
    const log = await api("GET", `/v1/webhook-endpoints/${endpoint.body.id}/deliveries`, key);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: hits[0]?.headers["webhook-id"],
        status: "delivered",
        attempts: 2,
        last_status: 204,
      }),
    ]);
  });
});
