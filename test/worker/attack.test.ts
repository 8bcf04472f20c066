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
        // A changed answer whose events are still on the Queue when the erasure lands.
        const changed = `Toujours en colère ${shard}`;
        expect((await answer(inv.token, { csat: 2 }, { comment: changed })).status).toBe(200);
        const queued = (await pendingDeliveries(ws.id)).map((p) => p.id);
        expect(queued.length).toBeGreaterThan(0);
        const sentBefore = received.length;

        const erased = await call("DELETE", `/v1/customers?email=loop-${shard}@example.fr`, { key: ws.key });
        expect(erased.status).toBe(200);
        // The Queue then hands over ids whose rows are gone: acknowledged, nothing sent.
        const drained = await runConsumer(queued);
        expect(drained.explicitAcks.length + drained.retryMessages.length).toBe(queued.length);
        expect(drained.retryMessages).toEqual([]);
        expect(received.length).toBe(sentBefore);
        expect(await whereFound([changed])).toEqual([]);
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
    // Not "throttled": no cooldown refused it; there is no ticket to invite.
    expect(ticketAgain.body).toEqual({ ok: true, duplicate: true });
    expect(await whereFound(["ORD-REPLAY", "ZD-REPLAY"])).toEqual([]);
    // The link minted before the erasure stays gone.
    expect((await answer(solved.body.token, { csat: 5 })).status).toBe(410);
  });
});

describe("one workspace's credentials and ids against another's data, on the same shard and across shards", () => {
  const placedOn = async (shard: string): Promise<TestWorkspace> => {
    const made = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: `Placed ${shard}`, shard } });
    expect(made.status).toBe(201);
    return {
      id: made.body.workspace.id,
      key: made.body.api_key,
      defaultSurveyId: made.body.workspace.default_survey_id,
    };
  };

  it("reads and writes nothing of the victim through its survey, follow-up, endpoint, key, ticket ids or cursors", async () => {
    const attacker = await placedOn("DB");
    await setIntegration(attacker, "standard", STANDARD_SECRET);
    const attackerInv = await invite(attacker, { ticket_id: "MINE-1" });
    await answer(attackerInv.token, { csat: 2 });
    for (const shard of ["DB", "SHARD_2"]) {
      const victim = await placedOn(shard);
      await setIntegration(victim, "standard", "whsec_dmljdGltLXNlY3JldC1vZi10aGUtdmljdGltLTAx");
      const secret = `victim verbatim ${shard}`;
      const ticket = `VICTIM-${shard}`;
      const inv = await invite(victim, { ticket_id: ticket, agent: `victim-agent-${shard}` });
      expect((await answer(inv.token, { csat: 1 }, { comment: secret })).status).toBe(201);
      const endpoint = await createEndpoint(victim, { url: "https://hooks.example.com/victim" });
      const followUp = (await call("GET", "/v1/follow-ups", { key: victim.key })).body.items[0];
      const victimKeys = (await call("GET", "/v1/api-keys", { key: victim.key })).body.items;
      const cursorOf = async (path: string) => {
        await invite(victim, { ticket_id: `${ticket}-2` }).then((i) => answer(i.token, { csat: 1 }));
        return (await call("GET", `${path}?limit=1`, { key: victim.key })).body.next_cursor as string;
      };
      const responsesCursor = await cursorOf("/v1/responses");
      const followUpsCursor = (await call("GET", "/v1/follow-ups?limit=1", { key: victim.key })).body.next_cursor;
      const s = victim.defaultSurveyId;

      const reads = [
        `/v1/surveys/${s}`,
        `/v1/responses?survey_id=${s}`,
        `/v1/responses.csv?survey_id=${s}`,
        `/v1/scores?metric=csat&survey_id=${s}`,
        `/v1/scores?metric=csat&group_by=agent`,
        `/v1/response-rate?survey_id=${s}`,
        `/v1/dashboard/summary`,
        `/v1/reports/weekly`,
        `/v1/follow-ups`,
        `/v1/responses?cursor=${responsesCursor}`,
        `/v1/follow-ups?cursor=${followUpsCursor}`,
        `/v1/webhook-endpoints/${endpoint.id}/deliveries`,
        `/v1/webhook-endpoints`,
        `/v1/api-keys`,
      ];
      for (const path of reads) {
        const res = await call("GET", path, { key: attacker.key });
        expect(res.status, path).toBeLessThan(500);
        for (const needle of [secret, ticket, victim.id, `victim-agent-${shard}`, endpoint.id, followUp.id]) {
          expect(res.text, `${path} shows ${needle}`).not.toContain(needle);
        }
      }
      // Writes aimed at the victim's objects are 404 and change nothing.
      const writes: [string, string, unknown][] = [
        ["PATCH", `/v1/follow-ups/${followUp.id}`, { status: "resolved", note: "pwned" }],
        ["DELETE", `/v1/webhook-endpoints/${endpoint.id}`, undefined],
        ["DELETE", `/v1/api-keys/${victimKeys[0].id}`, undefined],
        ["POST", `/v1/responses/import?survey_id=${s}`, { items: [] }],
        ["POST", "/v1/invitations", { survey_id: s, ticket_id: ticket }],
      ];
      for (const [method, path, body] of writes) {
        const res = await call(method, path, { key: attacker.key, ...(body ? { body } : {}) });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      const imported = await call("POST", "/v1/responses/import", {
        key: attacker.key,
        body: {
          items: [{ survey_id: s, ticket_id: ticket, answers: { csat: 5 }, submitted_at: iso(Date.now() - DAY) }],
        },
      });
      expect(imported.body).toMatchObject({ imported: 0, updated: 0 });
      // The victim's hook URL with the attacker's own, valid, signature.
      const body = JSON.stringify({ type: "interaction.closed", data: { ticket_id: ticket, agent: "forged" } });
      expect((await post(victim, "standard", body, standardHeaders(body))).status).toBe(401);
      // The victim's token sent with the attacker's key: the answer goes to the token's workspace or nowhere.
      const crossed = await call("POST", "/v1/responses", {
        key: attacker.key,
        body: { token: inv.token, answers: { csat: 1 } },
      });
      expect(crossed.status).toBeLessThan(500);
      const mine = await call("GET", "/v1/responses", { key: attacker.key });
      expect(mine.body.items.map((r: { ticket_id: string }) => r.ticket_id)).toEqual(["MINE-1"]);

      // The victim's data is as it was.
      const theirs = await call("GET", `/v1/follow-ups/summary`, { key: victim.key });
      expect(theirs.body.resolved).toBe(0);
      const after = await call("GET", "/v1/responses", { key: victim.key });
      const row = after.body.items.find((r: { ticket_id: string }) => r.ticket_id === ticket);
      expect(row).toMatchObject({ comment: secret, agent: `victim-agent-${shard}` });
      expect((await call("GET", "/v1/webhook-endpoints", { key: victim.key })).body.items).toHaveLength(1);
      expect((await call("GET", "/v1/api-keys", { key: victim.key })).body.items[0].revoked_at).toBeNull();
    }
  });
});

describe("public routes resolve by the credential they use", () => {
  it("an answer carrying an unrelated API key still reaches its token's workspace, wherever either lives", async () => {
    const other = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Key holder", shard: "DB" } });
    for (const shard of ["DB", "SHARD_2"]) {
      const made = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Answered", shard } });
      const ws: TestWorkspace = {
        id: made.body.workspace.id,
        key: made.body.api_key,
        defaultSurveyId: made.body.workspace.default_survey_id,
      };
      await setIntegration(ws, "standard", STANDARD_SECRET);
      const inv = await invite(ws, { ticket_id: `KEYED-${shard}` });
      // A shared HTTP client that sends its Aftercare key on every request.
      const headers = { authorization: `Bearer ${other.body.api_key}` };
      const res = await call("POST", "/v1/responses", { headers, body: { token: inv.token, answers: { csat: 4 } } });
      expect(res.status, shard).toBe(201);
      expect((await call("GET", `/s/${inv.token}/survey.json`, { headers })).status, shard).toBe(200);
      const body = JSON.stringify({
        type: "interaction.closed",
        data: { ticket_id: `HOOKED-${shard}`, closed_at: iso(Date.now()) },
      });
      const hooked = await call("POST", `/v1/hooks/${ws.id}/standard`, {
        raw: body,
        headers: { ...headers, "content-type": "application/json", ...standardHeaders(body) },
      });
      expect(hooked.status, shard).toBe(200);
      const list = await call("GET", "/v1/responses", { key: ws.key });
      expect(list.body.items.map((r: { ticket_id: string }) => r.ticket_id)).toEqual([`KEYED-${shard}`]);
    }
  });
});

describe("erasure requests that would silently erase nothing", () => {
  it("an e-mail whose + was sent unencoded (read as a space) is a 422, not a 200 that erased no one", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "PLUS-1", customer: { email: "jeanne+promo@example.fr" } });
    expect((await answer(inv.token, { csat: 2 }, { comment: "plus address" })).status).toBe(201);

    const unencoded = await call("DELETE", "/v1/customers?email=jeanne+promo@example.fr", { key: ws.key });
    expect(unencoded.status).toBe(422);
    expect(unencoded.body.error.details[0].path).toBe("email");
    for (const email of ["not-an-address", "jeanne promo@example.fr", "@example.fr"]) {
      const res = await call("DELETE", `/v1/customers?email=${encodeURIComponent(email)}`, { key: ws.key });
      expect(res.status, email).toBe(422);
    }
    expect((await call("GET", "/v1/responses", { key: ws.key })).body.items).toHaveLength(1);

    const encoded = await call("DELETE", `/v1/customers?email=${encodeURIComponent("Jeanne+Promo@Example.fr")}`, {
      key: ws.key,
    });
    expect(encoded.body.deleted).toEqual({ interactions: 1, responses: 1, orders: 0 });
  });
});

describe("keys with too few scopes", () => {
  /** Every keyed route and the scopes that may use it (docs/api.md); ids need not exist: scope comes first. */
  const ROUTES: [method: string, path: string, scopes: string[]][] = [
    ["POST", "/v1/api-keys", ["admin"]],
    ["GET", "/v1/api-keys", ["admin"]],
    ["DELETE", "/v1/api-keys/key_x", ["admin"]],
    ["DELETE", "/v1/customers?email=x@example.com", ["admin"]],
    ["GET", "/v1/dashboard/summary", ["read"]],
    ["GET", "/v1/follow-up-rules", ["read", "admin"]],
    ["PUT", "/v1/follow-up-rules", ["admin"]],
    ["GET", "/v1/follow-ups", ["read"]],
    ["GET", "/v1/follow-ups/summary", ["read"]],
    ["PATCH", "/v1/follow-ups/fup_x", ["write"]],
    ["GET", "/v1/impact", ["read"]],
    ["GET", "/v1/integrations", ["admin"]],
    ["PUT", "/v1/integrations/zendesk", ["admin"]],
    ["DELETE", "/v1/integrations/zendesk", ["admin"]],
    ["POST", "/v1/invitations", ["write"]],
    ["GET", "/v1/reports/weekly", ["read"]],
    ["GET", "/v1/repurchase", ["read"]],
    ["GET", "/v1/response-rate", ["read"]],
    ["POST", "/v1/responses/import", ["write"]],
    ["GET", "/v1/responses", ["read"]],
    ["GET", "/v1/responses.csv", ["read"]],
    ["GET", "/v1/scores?metric=csat", ["read"]],
    ["POST", "/v1/surveys", ["write"]],
    ["GET", "/v1/surveys", ["read", "write"]],
    ["GET", "/v1/surveys/srv_x", ["read", "write"]],
    ["PUT", "/v1/targets", ["admin"]],
    ["GET", "/v1/targets", ["read"]],
    ["GET", "/v1/targets/report", ["read"]],
    ["POST", "/v1/webhook-endpoints", ["admin"]],
    ["GET", "/v1/webhook-endpoints", ["admin"]],
    ["DELETE", "/v1/webhook-endpoints/whe_x", ["admin"]],
    ["GET", "/v1/webhook-endpoints/whe_x/deliveries", ["admin"]],
    ["GET", "/v1/workspace", ["read"]],
    ["PATCH", "/v1/workspace", ["admin"]],
  ];

  it("every keyed route answers 403 to a key without its scope, and nothing else does", async () => {
    const ws = await createWorkspace();
    const keys: Record<string, string> = {};
    for (const scope of ["read", "write", "admin"]) {
      const made = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: scope, scopes: [scope] } });
      keys[scope] = made.body.api_key;
    }
    const documented = await call("GET", "/openapi.json");
    const keyed = Object.entries(documented.body.paths as Record<string, Record<string, { security?: unknown[] }>>)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => JSON.stringify(op.security ?? []).includes("apiKey"))
          .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "x")}`),
      )
      .sort();
    // The table names every keyed route of the API reference.
    const listed = ROUTES.map(
      ([m, p]) =>
        `${m} ${p
          .split("?")[0]!
          .replace(/\/(key_x|fup_x|srv_x|whe_x|zendesk)$/, "/x")
          .replace(/\/whe_x\//, "/x/")}`,
    ).sort();
    expect(listed).toEqual(keyed);
    for (const [method, path, scopes] of ROUTES) {
      for (const [scope, key] of Object.entries(keys)) {
        const res = await call(method, path, { key, ...(method === "GET" ? {} : { body: {} }) });
        if (scopes.includes(scope)) expect(res.status, `${scope} ${method} ${path}`).not.toBe(403);
        else {
          expect(res.status, `${scope} ${method} ${path}`).toBe(403);
          expect(res.body.error.code).toBe("forbidden");
        }
      }
    }
  });
});
