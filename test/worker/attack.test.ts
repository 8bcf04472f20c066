import { describe, expect, it } from "vitest";
import { createEndpoint, pendingDeliveries, receiver, runConsumer } from "../support/worker/events";
import { ADMIN_TOKEN, answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  DAY,
  iso,
  PLAIN_SECRET,
  post,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  standardHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { d1Bindings, databaseOf } from "../support/worker/shards";

/**
 * The integrity and privacy attacks of the attacker review: each `it` drives one
 * attack through the Worker and states what must hold afterwards.
 */

const T = Date.parse("2026-04-01T08:00:00Z");

async function withStandard(): Promise<TestWorkspace> {
  const ws = await createWorkspace();
  await setIntegration(ws, "standard", STANDARD_SECRET);
  return ws;
}

describe("reordered support webhooks", () => {
  it("a late delivery of an earlier closing does not rewrite the latest closing's agent, team, channel or cost", async () => {
    const ws = await withStandard();
    const closing = (at: number, who: { agent: string; team: string; channel: string; handling_minutes: number }) => ({
      type: "interaction.closed",
      data: { ticket_id: "T-REOPENED", customer: { email: "a@x.io" }, closed_at: iso(at), ...who },
    });
    const latest = { agent: "Bob", team: "L2", channel: "phone", handling_minutes: 30 };
    expect((await sendStandard(ws, closing(T + 3 * DAY, latest))).status).toBe(200);
    // The first closing's delivery arrives last (a retry, a slow queue).
    const first = { agent: "Alice", team: "L1", channel: "email", handling_minutes: 5 };
    expect((await sendStandard(ws, closing(T, first))).status).toBe(200);

    const row = await (await databaseOf(ws.id))
      .prepare("SELECT agent, team, channel, handling_seconds, closed_at FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row).toEqual({ agent: "Bob", team: "L2", channel: "phone", handling_seconds: 1800, closed_at: T + 3 * DAY });
    // The rollups agree: the interaction is Bob's, never Alice's.
    const byAgent = await call("GET", `/v1/repurchase?group_by=agent&as_of=${iso(T + 90 * DAY)}`, { key: ws.key });
    expect(byAgent.body.groups.map((g: { key: string }) => g.key)).toEqual(["Bob"]);
  });

  it("an earlier closing still fills in what the latest one did not say", async () => {
    const ws = await withStandard();
    const latest = { type: "interaction.closed", data: { ticket_id: "T-FILL", closed_at: iso(T + DAY) } };
    const earlier = {
      type: "interaction.closed",
      data: { ticket_id: "T-FILL", customer: { email: "b@x.io" }, closed_at: iso(T), agent: "Alice" },
    };
    await sendStandard(ws, latest);
    await sendStandard(ws, earlier);
    const row = await (await databaseOf(ws.id))
      .prepare("SELECT agent, customer_key IS NOT NULL AS has_customer FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row).toEqual({ agent: "Alice", has_customer: 1 });
  });
});

/** Every table of every database (the directory and each shard) in which one of `needles` appears. */
async function whereFound(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, db] of d1Bindings()) {
    const { results: tables } = await db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
      )
      .all<{ name: string }>();
    for (const { name: table } of tables) {
      const { results } = await db.prepare(`SELECT * FROM "${table}"`).all();
      for (const row of results) {
        const text = JSON.stringify(row).toLowerCase();
        for (const needle of needles)
          if (text.includes(needle.toLowerCase())) found.push(`${name}.${table}: ${needle}`);
      }
    }
  }
  return found;
}

describe("erasure reaches the loop: follow-ups, their notes, and event payloads already delivered", () => {
  it("leaves no comment, note, ticket or payload of the person anywhere, on either shard", async () => {
    for (const shard of ["DB", "SHARD_2"]) {
      const made = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Erased loop", shard } });
      const ws: TestWorkspace = {
        id: made.body.workspace.id,
        key: made.body.api_key,
        defaultSurveyId: made.body.workspace.default_survey_id,
      };
      const { received, restore } = receiver(200);
      try {
        await createEndpoint(ws, { url: "https://hooks.example.com/in" });
        const ticket = `TKT-LOOP-${shard}`;
        const comment = `Livreur impoli ${shard}`;
        const note = `Called Mme Loop-${shard} on 06 12 34 56 78`;
        const inv = await invite(ws, {
          ticket_id: ticket,
          customer: { email: `loop-${shard}@example.fr` },
          handling_minutes: 12,
        });
        expect((await answer(inv.token, { csat: 1 }, { comment })).status).toBe(201);
        const followUp = (await call("GET", "/v1/follow-ups", { key: ws.key })).body.items[0];
        expect(
          (await call("PATCH", `/v1/follow-ups/${followUp.id}`, { key: ws.key, body: { status: "contacted", note } }))
            .status,
        ).toBe(200);
        // Deliver every event, so their frozen payloads are stored.
        const pending = await pendingDeliveries(ws.id);
        expect(pending.length).toBeGreaterThanOrEqual(3);
        await runConsumer(pending.map((p) => p.id));
        expect(received.some((r) => r.body.includes(comment))).toBe(true);
        expect(await whereFound([comment, note, ticket])).not.toEqual([]);

        const erased = await call("DELETE", `/v1/customers?email=loop-${shard}@example.fr`, { key: ws.key });
        expect(erased.status).toBe(200);
        expect(await whereFound([comment, note, ticket, followUp.id, followUp.response_id])).toEqual([]);
        const log = await call("GET", `/v1/webhook-endpoints`, { key: ws.key });
        for (const endpoint of log.body.items) {
          const deliveries = await call("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`, { key: ws.key });
          expect(deliveries.body.items).toEqual([]);
        }
      } finally {
        restore();
      }
    }
  });
});

describe("floods of the public routes", () => {
  it("the demo shop, which writes a ticket and an invitation per visit, is limited per client like the survey routes", async () => {
    const ip = "203.0.113.201";
    let limitedAt = -1;
    // Spend the client's budget on a read that writes nothing, then visit the demo shop.
    for (let i = 0; i < 1300 && limitedAt < 0; i++) {
      const res = await call("GET", `/s/bogus-demo-${i}/survey.json`, { headers: { "cf-connecting-ip": ip } });
      if (res.status === 429) limitedAt = i;
    }
    expect(limitedAt).toBeGreaterThanOrEqual(600);
    const demo = await call("GET", "/demo", { headers: { "cf-connecting-ip": ip } });
    expect(demo.status).toBe(429);
    expect(demo.headers.get("retry-after")).toBe("60");
    // Another client still gets the shop (404 here: the tests seed no demo workspace).
    const other = await call("GET", "/demo", { headers: { "cf-connecting-ip": "198.51.100.201" } });
    expect(other.status).not.toBe(429);
  }, 60_000);
});

describe("webhook endpoint URLs (SSRF)", () => {
  it("refuses internal names written with a trailing dot, the fully qualified spelling of the same host", async () => {
    const ws = await createWorkspace();
    for (const url of [
      "https://localhost./hook",
      "https://api.localhost./hook",
      "https://metadata.google.internal./computeMetadata",
      "https://printer.local../x",
    ]) {
      const res = await call("POST", "/v1/webhook-endpoints", { key: ws.key, body: { url } });
      expect(res.status, url).toBe(422);
    }
    expect((await call("GET", "/v1/webhook-endpoints", { key: ws.key })).body.items).toEqual([]);
    // A public name keeps working, trailing dot or not.
    const fine = await call("POST", "/v1/webhook-endpoints", {
      key: ws.key,
      body: { url: "https://hooks.example.com./in" },
    });
    expect(fine.status).toBe(201);
  });
});

describe("CSV export and re-import", () => {
  it("keeps a comment that itself begins with ' before a formula starter: re-imported where it came from, nothing changes", async () => {
    const ws = await createWorkspace();
    const comments = ["'=already quoted", "ok;'+33 6 12 34 56 78", "''@twice", "=SUM(A1)\r\n-1;+2@x", "'"];
    for (const [i, comment] of comments.entries()) {
      const inv = await invite(ws, { ticket_id: `APOS-${i}` });
      expect((await answer(inv.token, { csat: 3 }, { comment })).status).toBe(201);
    }
    for (const delimiter of ["comma", "semicolon", "tab"]) {
      const csv = await call("GET", `/v1/responses.csv?delimiter=${delimiter}`, { key: ws.key });
      // Still neutralized for a spreadsheet: no cell or line starts a formula.
      for (const line of csv.text.split(/\r\n|[\r\n,;\t]/)) expect(line.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
      const again = await call("POST", "/v1/responses/import", {
        key: ws.key,
        raw: csv.text,
        headers: { "content-type": "text/csv" },
      });
      expect(again.body, delimiter).toEqual({ imported: 0, updated: 0, errors: [] });
    }
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items.map((r: { comment: string }) => r.comment).sort()).toEqual([...comments].sort());
  });
});

describe("deliveries replayed after an erasure", () => {
  it("a replayed order or solved-ticket delivery brings nothing of the person back and mints no link", async () => {
    const ws = await withStandard();
    await setIntegration(ws, "zendesk", PLAIN_SECRET);
    const email = "replayed@example.fr";
    const order = JSON.stringify({
      type: "order.created",
      data: { order_id: "ORD-REPLAY", customer: { email }, placed_at: iso(Date.now()), total: "20", currency: "EUR" },
    });
    const orderHeaders = standardHeaders(order);
    expect((await post(ws, "standard", order, orderHeaders)).status).toBe(200);
    const ticket = JSON.stringify({ ticket_id: "ZD-REPLAY", customer: { email }, agent: "Léa" });
    const ticketHeaders = await zendeskHeaders(ticket);
    const solved = await post(ws, "zendesk", ticket, ticketHeaders);
    expect(solved.body.token).toEqual(expect.any(String));

    expect((await call("DELETE", `/v1/customers?email=${email}`, { key: ws.key })).status).toBe(200);
    expect(await whereFound(["ORD-REPLAY", "ZD-REPLAY"])).toEqual([]);

    // The same deliveries again (a retry, or someone who kept them): processed already.
    const orderAgain = await post(ws, "standard", order, orderHeaders);
    expect(orderAgain).toMatchObject({ status: 200, body: { duplicate: true } });
    const ticketAgain = await post(ws, "zendesk", ticket, ticketHeaders);
    expect(ticketAgain.status).toBe(200);
    expect(ticketAgain.body.duplicate).toBe(true);
    expect(ticketAgain.body.token).toBeUndefined();
    expect(await whereFound(["ORD-REPLAY", "ZD-REPLAY"])).toEqual([]);
    // The link minted before the erasure stays gone.
    expect((await answer(solved.body.token, { csat: 5 })).status).toBe(410);
  });
});
