import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { signInvitation } from "../../worker/auth/invitation-token";
import { database } from "../../worker/db";
import { INVITATION_TTL_DAYS } from "../../worker/domain/invitation";
import { openInvitation, recordOpenedResponse } from "../../worker/services/record-answer";
import { ticketHash } from "../../worker/store/erased-tickets";
import { emailHash } from "../../worker/store/identity";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  PLAIN_SECRET,
  post,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { d1Bindings, databaseOf } from "../support/worker/shards";

/**
 * Erasure (issue 11, findings 3 and 4): a customer id is qualified by its
 * source, and an erased ticket keeps only a tombstone without personal data,
 * whose links answer 410 and record nothing.
 */

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace();
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  await setIntegration(ws, "standard", STANDARD_SECRET);
});

const zendeskTicket = async (ticketId: string, customer: Record<string, string>) => {
  const body = JSON.stringify({ ticket_id: ticketId, customer, agent: "Léa", closed_at: "2026-02-01T10:00:00Z" });
  const res = await post(ws, "zendesk", body, await zendeskHeaders(body));
  expect(res.status).toBe(200);
  return res.body as { token: string; links: Record<string, string> };
};

const ticketCount = async (ticketId: string, source: string) =>
  (await (
    await databaseOf(ws.id)
  )
    .prepare("SELECT count(*) AS n FROM interactions WHERE workspace_id = ? AND ticket_id = ? AND source = ?")
    .bind(ws.id, ticketId, source)
    .first<number>("n")) ?? 0;

const rollupTotal = async () =>
  (await (
    await databaseOf(ws.id)
  )
    .prepare(`SELECT COALESCE(SUM(count), 0) AS n FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND grain = 'all'`)
    .bind(ws.id)
    .first<number>("n")) ?? 0;

/** Every table of a database, from sqlite_master, whatever later migrations add. */
async function everyTable(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

/** The tables (and rows) in which any of `needles` still appears. */
async function whereFound(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  // Every database: the directory and each shard.
  for (const [, db] of d1Bindings())
    for (const table of await everyTable(db)) {
      const { results } = await db.prepare(`SELECT * FROM "${table}"`).all();
      for (const row of results) {
        const text = JSON.stringify(row).toLowerCase();
        for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push(`${table}: ${needle}`);
      }
    }
  return found;
}

describe("erasure by (id, source)", () => {
  it("?id=…&source=own leaves another tool's customer with the same raw id untouched, and the reverse", async () => {
    await invite(ws, { ticket_id: "OWN-T1", customer: { id: "123" } });
    await zendeskTicket("ZD-T1", { id: "123" });
    await zendeskTicket("ZD-T2", { id: "123", email: "zoe.zendesk@example.com" });

    const own = await call("DELETE", "/v1/customers?id=123", { key: ws.key });
    expect(own.status).toBe(200);
    expect(own.body.deleted.interactions).toBe(1);
    expect(await ticketCount("OWN-T1", "own")).toBe(0);
    expect(await ticketCount("ZD-T1", "zendesk")).toBe(1);
    expect(await ticketCount("ZD-T2", "zendesk")).toBe(1);

    await invite(ws, { ticket_id: "OWN-T2", customer: { id: "123" } });
    const zendesk = await call("DELETE", "/v1/customers?id=123&source=zendesk", { key: ws.key });
    expect(zendesk.body.deleted.interactions).toBe(2);
    expect(await ticketCount("ZD-T1", "zendesk")).toBe(0);
    expect(await ticketCount("ZD-T2", "zendesk")).toBe(0);
    expect(await ticketCount("OWN-T2", "own")).toBe(1);
  });

  it("refuses an unknown source and writes nothing", async () => {
    await invite(ws, { ticket_id: "OWN-T3", customer: { id: "456" } });
    for (const source of ["shopify", "api", "ZENDESK", ""]) {
      const res = await call("DELETE", `/v1/customers?id=456&source=${source}`, { key: ws.key });
      expect(res.status).toBe(422);
    }
    expect(await ticketCount("OWN-T3", "own")).toBe(1);
  });
});

describe("an erased ticket's links are gone", () => {
  const email = "Jeanne.Erasable@Example.FR";
  const customerId = "CUST-ERASE-7Q";
  const zendeskUser = "ZUSER-88Q";
  const tickets = ["TKT-ERASE-OWN-1", "TKT-ERASE-OWN-2", "TKT-ERASE-ZD-3"];
  const comments = ["Colis arrivé cassé, livreur impoli", "Second ticket, still waiting"];
  let links: { token: string; links: Record<string, string> }[] = [];

  it("leaves nothing of the person in any table, and the rollups forget the answers", async () => {
    const own1 = await invite(ws, { ticket_id: tickets[0], customer: { email, id: customerId } });
    const own2 = await invite(ws, { ticket_id: tickets[1], customer: { id: customerId } });
    const zd = await zendeskTicket(tickets[2] as string, { id: zendeskUser, email });
    links = [own1, own2, zd];
    const paul = await invite(ws, { ticket_id: "TKT-PAUL", customer: { email: "paul@example.fr" } });
    expect((await answer(own1.token, { csat: 1 }, { comment: comments[0] })).status).toBe(201);
    expect((await answer(own2.token, { csat: 2 }, { comment: comments[1] })).status).toBe(201);
    expect((await answer(zd.token, { csat: 3 })).status).toBe(201);
    expect((await answer(paul.token, { csat: 5 })).status).toBe(201);
    const order = await sendStandard(ws, {
      type: "order.created",
      data: {
        order_id: "ORD-ERASE-1",
        customer: { email },
        placed_at: "2026-02-03T10:00:00Z",
        total: "10",
        currency: "EUR",
      },
    });
    expect(order.status).toBe(200);
    const before = await rollupTotal();
    const hash = await emailHash(ws.id, email);
    const needles = [hash, hash.slice(0, 32), email, customerId, zendeskUser, "ORD-ERASE-1", ...tickets, ...comments];
    expect((await whereFound(needles)).length).toBeGreaterThan(0);

    const res = await call("DELETE", `/v1/customers?email=${encodeURIComponent(email)}`, { key: ws.key });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual({ interactions: 3, responses: 3, orders: 1 });

    expect(await whereFound(needles)).toEqual([]);
    expect(await rollupTotal()).toBe(before - 3);
    // The tombstones are there, one per ticket, and hold no ticket id.
    const stones = await (await databaseOf(ws.id))
      .prepare("SELECT source, ticket_hash FROM erased_tickets WHERE workspace_id = ?")
      .bind(ws.id)
      .all<{ source: string; ticket_hash: string }>();
    expect(stones.results.every((s) => /^[0-9a-f]{64}$/.test(s.ticket_hash))).toBe(true);
    const sources = ["own", "own", "zendesk"];
    for (const [i, ticket] of tickets.entries()) {
      const stone = { source: sources[i], ticket_hash: await ticketHash(ws.id, ticket) };
      expect(stones.results).toContainEqual(stone);
    }
    // Paul is untouched.
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items.map((r: { ticket_id: string }) => r.ticket_id)).toContain("TKT-PAUL");
  });

  it("old links answer 410 gone on every route, in JSON and in the page's language, and record nothing", async () => {
    expect(links).toHaveLength(3);
    const responsesBefore = await (await databaseOf(ws.id))
      .prepare("SELECT count(*) AS n FROM responses")
      .first<number>("n");
    for (const { token, links: oneClick } of links) {
      const api = await answer(token, { csat: 5 }, { comment: "after the erasure" });
      expect(api.status).toBe(410);
      expect(api.body.error.code).toBe("gone");
      const json = await call("GET", `/s/${token}/survey.json`);
      expect(json.status).toBe(410);
      expect(json.body.error.code).toBe("gone");

      const page = await call("GET", `/s/${token}`, { headers: { "accept-language": "fr-FR" } });
      expect(page.status).toBe(410);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.text).toContain("Ce lien de questionnaire ne fonctionne plus");
      const form = await call("POST", `/s/${token}?lang=en`, {
        raw: "csat=5&comment=after",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(form.status).toBe(410);
      expect(form.text).toContain("This survey link no longer works");

      const link = new URL(oneClick["5"] as string).pathname;
      expect((await call("GET", link)).status).toBe(410);
      expect(
        (await call("POST", link, { raw: "", headers: { "content-type": "application/x-www-form-urlencoded" } }))
          .status,
      ).toBe(410);
    }
    expect(await (await databaseOf(ws.id)).prepare("SELECT count(*) AS n FROM responses").first<number>("n")).toBe(
      responsesBefore,
    );
    expect(await whereFound(["after the erasure", ...tickets])).toEqual([]);
  });

  it("the ticket may be invited again: a new interaction and token, while the old tokens stay gone", async () => {
    await new Promise((r) => setTimeout(r, 5));
    const again = await invite(ws, { ticket_id: tickets[0] });
    expect(await ticketCount(tickets[0] as string, "own")).toBe(1);
    expect((await answer(again.token, { csat: 4 })).status).toBe(201);
    expect((await answer(links[0]?.token as string, { csat: 1 })).status).toBe(410);
    // Another source's ticket with the same id was never erased.
    const other = await invite(ws, { ticket_id: tickets[2], source: "own" });
    expect((await answer(other.token, { csat: 4 })).status).toBe(201);
  });

  it("an answer racing the erasure (token opened before, written after) records nothing", async () => {
    const racing = await invite(ws, { ticket_id: "TKT-RACE-1", customer: { email: "race@example.fr" } });
    const opened = await openInvitation(database(await databaseOf(ws.id)), env.SIGNING_KEYS, racing.token);
    expect((await call("DELETE", "/v1/customers?email=race@example.fr", { key: ws.key })).status).toBe(200);
    await expect(
      recordOpenedResponse(database(await databaseOf(ws.id)), env, opened, { answers: { csat: 5 }, comment: "raced" }),
    ).rejects.toMatchObject({
      kind: "gone", // answered as 410 by the app's error handler
      code: "gone",
    });
    expect(await whereFound(["TKT-RACE-1", "raced"])).toEqual([]);
  });

  it("a token minted before tickets had a source is gone too once its ticket is erased", async () => {
    await zendeskTicket("TKT-LEGACY-ZD", { email: "legacy@example.fr" });
    // The old spelling names the ticket id only.
    const legacy = await signInvitation(
      {
        workspaceId: ws.id,
        surveyId: ws.defaultSurveyId,
        ticketId: "TKT-LEGACY-ZD",
        expiresAt: Math.floor(Date.now() / 1000) + INVITATION_TTL_DAYS * 86_400,
      },
      env.SIGNING_KEYS,
    );
    expect((await call("GET", `/s/${legacy}/survey.json`)).status).toBe(200);
    expect((await call("DELETE", "/v1/customers?email=legacy@example.fr", { key: ws.key })).status).toBe(200);
    const res = await answer(legacy, { csat: 5 }, { comment: "legacy after erasure" });
    expect(res.status).toBe(410);
    expect(await whereFound(["TKT-LEGACY-ZD", "legacy after erasure"])).toEqual([]);
  });
});
