import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { answer, call, createWorkspace, invite } from "../support/worker/helpers";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";

const rollupTotal = async (workspaceId: string) =>
  (
    await env.DB.prepare(
      `SELECT COALESCE(SUM(count), 0) AS n FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND grain = 'all'`,
    )
      .bind(workspaceId)
      .first<{ n: number }>()
  )?.n;

const rows = async (table: string, workspaceId: string) =>
  (
    await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`)
      .bind(workspaceId)
      .first<{ n: number }>()
  )?.n;

describe("DELETE /v1/customers", () => {
  it("erases a customer's tickets, answers, orders and links, and the rollups forget them", async () => {
    const ws = await createWorkspace();
    const jeanne = await invite(ws, { ticket_id: "J-1", customer: { email: "jeanne@example.fr", id: "cus_42" } });
    const jeanne2 = await invite(ws, { ticket_id: "J-2", customer: { id: "cus_42" } });
    const paul = await invite(ws, { ticket_id: "P-1", customer: { email: "paul@example.fr" } });
    await answer(jeanne.token, { csat: 1 });
    await answer(jeanne2.token, { csat: 2 });
    await answer(paul.token, { csat: 5 });
    await env.DB.prepare(
      "INSERT INTO orders (workspace_id, order_id, customer_key, placed_at, total_minor, currency, source, created_at, updated_at) SELECT ?, 'O-1', customer_key, 1, 4990, 'EUR', 'standard', 1, 1 FROM interactions WHERE ticket_id = 'J-1'",
    )
      .bind(ws.id)
      .run();
    expect(await rollupTotal(ws.id)).toBe(3);

    const res = await call("DELETE", "/v1/customers?email=JEANNE@example.fr", { key: ws.key });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual({ interactions: 2, responses: 2, orders: 1 });
    expect(await rollupTotal(ws.id)).toBe(1);
    expect(await rows("interactions", ws.id)).toBe(1);
    expect(await rows("orders", ws.id)).toBe(0);
    expect(await rows("customer_links", ws.id)).toBe(1);
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items.map((r: { ticket_id: string }) => r.ticket_id)).toEqual(["P-1"]);

    const again = await call("DELETE", "/v1/customers?email=jeanne@example.fr", { key: ws.key });
    expect(again.body.deleted).toEqual({ interactions: 0, responses: 0, orders: 0 });
  });

  it("erases by customer id", async () => {
    const ws = await createWorkspace();
    await invite(ws, { ticket_id: "I-1", customer: { id: "cus_7" } });
    const res = await call("DELETE", "/v1/customers?id=cus_7", { key: ws.key });
    expect(res.body.deleted.interactions).toBe(1);
  });

  it("touches only the key's workspace, needs admin and names a customer", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    await invite(a, { ticket_id: "A-1", customer: { email: "same@example.fr" } });
    const res = await call("DELETE", "/v1/customers?email=same@example.fr", { key: b.key });
    expect(res.body.deleted.interactions).toBe(0);
    expect(await rows("interactions", a.id)).toBe(1);

    const read = await call("POST", "/v1/api-keys", { key: a.key, body: { name: "r", scopes: ["read", "write"] } });
    expect((await call("DELETE", "/v1/customers?email=same@example.fr", { key: read.body.api_key })).status).toBe(403);
    expect((await call("DELETE", "/v1/customers", { key: a.key })).status).toBe(422);
    expect(await rows("interactions", a.id)).toBe(1);
  });
});

describe("score rollups", () => {
  it("move a changed answer instead of counting it twice", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "R-1", channel: "email" });
    await answer(inv.token, { csat: 1 });
    await answer(inv.token, { csat: 5 });
    const { results } = await env.DB.prepare(
      `SELECT grain, value, count FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND metric = 'csat' ORDER BY grain`,
    )
      .bind(ws.id)
      .all();
    expect(results).toEqual(
      ROLLUP_GRAINS.map((grain) => ({ grain, value: 5, count: 1 })).sort((a, b) => (a.grain < b.grain ? -1 : 1)),
    );
  });
});
