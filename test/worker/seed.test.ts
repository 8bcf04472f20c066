import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SURVEYS, DEMO_WORKSPACE_ID, generateDemoSql } from "../../scripts/demo-data.mjs";
import { localDay } from "../../worker/domain/local-day";
import { emailHash } from "../../worker/store/identity";
import { call } from "../support/worker/helpers";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";

/**
 * Applies the very SQL `npm start` seeds to this file's D1 database and checks
 * that the demo workspace works with the API and tells its story.
 */
const NOW = Date.parse("2026-11-23T09:00:00Z");
const KEY = "ak_demo-test-key-0123456789abcdefghijklmnopqrstu";
const DAY = 86_400_000;

let stats: Record<string, number>;

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<T>()
  ).results;
}

/** A route from another module may not be merged yet on every branch; its checks wait for it. */
async function routeExists(path: string): Promise<boolean> {
  const res = await call("GET", path, { key: KEY });
  return !(res.status === 404 && String(res.body?.error?.message).startsWith("No route"));
}

beforeAll(async () => {
  const demo = await generateDemoSql({ now: NOW, apiKey: KEY });
  stats = demo.stats;
  for (const chunk of demo.chunks) await env.DB.batch(chunk.statements.map((s) => env.DB.prepare(s)));
});

describe("demo seed", () => {
  it("is deterministic for a given seed and time", async () => {
    const a = await generateDemoSql({ now: NOW, apiKey: KEY });
    const b = await generateDemoSql({ now: NOW, apiKey: KEY });
    expect(a.chunks.map((c) => c.sql)).toEqual(b.chunks.map((c) => c.sql));
    const other = await generateDemoSql({ now: NOW, apiKey: KEY, seed: 7 });
    expect(other.chunks[2]?.sql).not.toEqual(a.chunks[2]?.sql);
  });

  it("keeps every statement small enough for D1", async () => {
    const demo = await generateDemoSql({ now: NOW, apiKey: KEY });
    for (const chunk of demo.chunks) for (const s of chunk.statements) expect(s.length).toBeLessThan(100_000);
  });

  it("creates ws_demo in Europe/Paris with its default CSAT survey, an NPS and a CES survey", async () => {
    const [ws] = await rows<{ id: string; timezone: string }>("SELECT id, timezone FROM workspaces");
    expect(ws).toEqual({ id: DEMO_WORKSPACE_ID, timezone: "Europe/Paris" });
    const surveys = await rows<{ id: string; questions: string; comment: number; is_default: number }>(
      "SELECT id, questions, comment, is_default FROM surveys WHERE workspace_id = ? ORDER BY id",
      DEMO_WORKSPACE_ID,
    );
    expect(surveys).toHaveLength(3);
    const byId = Object.fromEntries(surveys.map((s) => [s.id, s]));
    expect(byId[DEMO_SURVEYS.csat]).toMatchObject({ questions: '[{"type":"csat"}]', comment: 1, is_default: 1 });
    expect(byId[DEMO_SURVEYS.nps]).toMatchObject({ questions: '[{"type":"nps"}]', is_default: 0 });
    expect(byId[DEMO_SURVEYS.ces]).toMatchObject({ questions: '[{"type":"ces"}]', is_default: 0 });
  });

  it("invited every solved ticket, so the response rate on the dashboard is the demo's real one", async () => {
    const rate = await call("GET", "/v1/response-rate", { key: KEY });
    expect(rate.status).toBe(200);
    // Each of the 640 tickets was invited to one survey when it closed; the answers are its responses.
    const { interactions = Number.NaN, responses = Number.NaN } = stats;
    expect(rate.body.invited).toBe(interactions);
    expect(rate.body.answered).toBe(responses);
    expect(rate.body.rate).toBeCloseTo(responses / interactions, 9);
  });

  it("has a working API key with every scope", async () => {
    const list = await call("GET", "/v1/responses?limit=5", { key: KEY });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(5);
    // (This writes one interaction of its own; the checks below look at the seeded, zendesk-sourced ones.)
    const invitation = await call("POST", "/v1/invitations", {
      key: KEY,
      body: { survey_id: DEMO_SURVEYS.csat, ticket_id: "ZD-TEST-1", customer: { email: "jeanne@example.fr" } },
    });
    expect(invitation.status).toBe(201);
    const keys = await call("POST", "/v1/api-keys", { key: KEY, body: { name: "read only", scopes: ["read"] } });
    expect(keys.status).toBe(201);
  });

  it("spreads a few hundred interactions, responses and orders over the last 90 days", async () => {
    expect(stats.interactions).toBeGreaterThanOrEqual(300);
    expect(stats.responses).toBeGreaterThanOrEqual(200);
    expect(stats.orders).toBeGreaterThanOrEqual(100);
    const [span] = await rows<{ first: number; last: number; days: number }>(
      "SELECT min(closed_at) AS first, max(closed_at) AS last, count(DISTINCT closed_day) AS days FROM interactions WHERE source = 'zendesk'",
    );
    expect(span?.first).toBeGreaterThanOrEqual(NOW - 91 * DAY);
    expect(span?.last).toBeLessThanOrEqual(NOW);
    expect(span?.days).toBeGreaterThan(60);
    const [late] = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM responses WHERE submitted_at > ? OR updated_at > ?",
      NOW,
      NOW,
    );
    expect(late?.n).toBe(0);
    const segments = await rows<{ channels: number; types: number; agents: number; teams: number }>(
      "SELECT count(DISTINCT channel) AS channels, count(DISTINCT request_type) AS types, count(DISTINCT agent) AS agents, count(DISTINCT team) AS teams FROM interactions WHERE source = 'zendesk'",
    );
    expect(segments[0]).toEqual({ channels: 4, types: 6, agents: 8, teams: 3 });
  });

  it("stamps local days in Europe/Paris, as the Worker does", async () => {
    const responses = await rows<{ submitted_at: number; submitted_day: string }>(
      "SELECT submitted_at, submitted_day FROM responses",
    );
    for (const r of responses) expect(r.submitted_day).toBe(localDay(r.submitted_at, "Europe/Paris"));
    const interactions = await rows<{ closed_at: number; closed_day: string }>(
      "SELECT closed_at, closed_day FROM interactions",
    );
    for (const i of interactions) expect(i.closed_day).toBe(localDay(i.closed_at, "Europe/Paris"));
  });

  it("fills the score rollups through the triggers", async () => {
    const [answers] = await rows<{ nps: number; csat: number; ces: number }>(
      "SELECT count(nps) AS nps, count(csat) AS csat, count(ces) AS ces FROM responses",
    );
    const rolled = await rows<{ metric: string; n: number }>(
      `SELECT metric, sum(count) AS n FROM ${ROLLUP_BARS} WHERE grain = 'all' GROUP BY metric`,
    );
    expect(Object.fromEntries(rolled.map((r) => [r.metric, r.n]))).toEqual(answers);
  });

  it("links customers the way the Worker's identity resolution does", async () => {
    const sample = await rows<{ value: string; customer_key: string }>(
      "SELECT value, customer_key FROM customer_links WHERE kind = 'email' LIMIT 50",
    );
    for (const link of sample) expect(link.customer_key).toBe(`e:${link.value.slice(0, 32)}`);
    // An invitation naming a demo customer's e-mail lands on that same customer.
    const [one] = await rows<{ email_hash: string; customer_key: string }>(
      "SELECT email_hash, customer_key FROM interactions LIMIT 1",
    );
    expect(one?.customer_key).toBe(`e:${one?.email_hash.slice(0, 32)}`);
    expect(await emailHash(DEMO_WORKSPACE_ID, " Someone@Example.FR ")).toBe(
      await emailHash(DEMO_WORKSPACE_ID, "someone@example.fr"),
    );
  });

  it("has French and English comments", async () => {
    const byLocale = await rows<{ locale: string; n: number }>(
      "SELECT locale, count(*) AS n FROM responses WHERE comment IS NOT NULL GROUP BY locale ORDER BY locale",
    );
    expect(byLocale.map((r) => r.locale)).toEqual(["en", "fr"]);
    for (const r of byLocale) expect(r.n).toBeGreaterThan(20);
  });
});

describe("the story the demo tells", () => {
  it("logistics tickets rate lower than the rest (in the data)", async () => {
    const csat = await rows<{ logistics: number; n: number; satisfied: number }>(
      "SELECT request_type = 'logistics' AS logistics, count(*) AS n, sum(csat >= 4) AS satisfied FROM responses WHERE csat IS NOT NULL GROUP BY 1",
    );
    const share = (l: number) => {
      const row = csat.find((r) => r.logistics === l) as { n: number; satisfied: number };
      return row.satisfied / row.n;
    };
    expect(share(1)).toBeLessThan(share(0) - 0.15);
  });

  it("loyal customers rate higher than first-time buyers, and value tiers are filled", async () => {
    const res = await call("GET", "/v1/scores?metric=nps&group_by=customer_tenure", { key: KEY });
    expect(res.status).toBe(200);
    const groups = new Map((res.body.groups as { key: string; n: number; nps: number }[]).map((g) => [g.key, g]));
    expect([...groups.keys()].sort()).toEqual(["first_order", "loyal", "returning"]);
    for (const g of groups.values()) expect(g.n).toBeGreaterThan(10);
    expect(groups.get("loyal")!.nps).toBeGreaterThan(groups.get("first_order")!.nps + 10);
    const tiers = await call("GET", "/v1/scores?metric=csat&group_by=value_tier", { key: KEY });
    expect(tiers.body.groups.map((g: { key: string }) => g.key).sort()).toEqual(["high", "low", "mid", "unknown"]);
  });

  it("logistics tickets rate lower than the rest (as /v1/scores reports it)", async (ctx) => {
    if (!(await routeExists("/v1/scores?metric=csat"))) ctx.skip();
    for (const metric of ["csat", "nps"] as const) {
      const res = await call("GET", `/v1/scores?metric=${metric}&group_by=request_type`, { key: KEY });
      expect(res.status).toBe(200);
      const groups = res.body.groups as { key: string; n: number; csat?: number; nps?: number }[];
      const logistics = groups.find((g) => g.key === "logistics");
      const others = groups.filter((g) => g.key !== "logistics");
      expect(logistics?.n).toBeGreaterThan(10);
      for (const other of others) expect(logistics?.[metric]).toBeLessThan(other[metric] as number);
    }
  });

  it("detractors buy again less often than promoters (in the data)", async () => {
    const window = 30 * DAY;
    const rates = await rows<{ category: string; eligible: number; repurchased: number }>(
      `SELECT CASE WHEN r.nps >= 9 THEN 'promoter' WHEN r.nps >= 7 THEN 'passive' ELSE 'detractor' END AS category,
              count(*) AS eligible,
              sum(EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = i.workspace_id AND o.customer_key = i.customer_key
                  AND o.placed_at > i.closed_at AND o.placed_at <= i.closed_at + ?1 AND o.cancelled = 0)) AS repurchased
       FROM interactions i JOIN responses r ON r.interaction_id = i.id AND r.nps IS NOT NULL
       WHERE i.closed_at + ?1 <= ?2 GROUP BY 1`,
      window,
      NOW,
    );
    const rate = (c: string) => {
      const row = rates.find((r) => r.category === c) as { eligible: number; repurchased: number };
      return row.repurchased / row.eligible;
    };
    expect(rate("detractor")).toBeLessThan(rate("promoter") - 0.2);
  });

  it("detractors buy again less often than promoters (as /v1/repurchase reports it)", async (ctx) => {
    if (!(await routeExists("/v1/repurchase"))) ctx.skip();
    const asOf = new Date(NOW).toISOString();
    const res = await call("GET", `/v1/repurchase?group_by=nps_category&as_of=${asOf}`, { key: KEY });
    expect(res.status).toBe(200);
    const groups = res.body.groups as { key: string; rate: number | null; eligible: number }[];
    const promoter = groups.find((g) => g.key === "promoter");
    const detractor = groups.find((g) => g.key === "detractor");
    expect(promoter?.eligible).toBeGreaterThan(10);
    expect(detractor?.eligible).toBeGreaterThan(10);
    expect(detractor?.rate as number).toBeLessThan((promoter?.rate as number) - 0.2);
    expect(res.body.revenue.EUR).toMatch(/^\d+\.\d{2}$/);
  });

  it("has open and resolved follow-ups, and contacted detractors buy again more than the others", async () => {
    const inbox = await call("GET", "/v1/follow-ups?status=open&limit=500", { key: KEY });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThanOrEqual(3);
    const opened = inbox.body.items.map((f: { opened_at: string }) => f.opened_at);
    expect(opened).toEqual([...opened].sort());
    const resolved = await call("GET", "/v1/follow-ups?status=resolved&limit=500", { key: KEY });
    expect(resolved.body.items.length).toBeGreaterThanOrEqual(3);
    // Every follow-up is a bad answer under the default rules, on a response of its own ticket.
    const mismatched = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM follow_ups f JOIN responses r ON r.id = f.response_id
       WHERE r.ticket_id != f.ticket_id OR r.survey_id != f.survey_id OR r.interaction_id != f.interaction_id
          OR NOT (r.nps <= 6 OR r.csat <= 2 OR r.ces <= 3)`,
    );
    expect(mismatched[0]?.n).toBe(0);
    const summary = await call("GET", "/v1/follow-ups/summary", { key: KEY });
    expect(summary.body.median_hours_to_contact).toBeGreaterThan(0);
    const asOf = new Date(NOW).toISOString();
    const res = await call("GET", `/v1/repurchase?group_by=follow_up&as_of=${asOf}`, { key: KEY });
    const groups = res.body.groups as { key: string; rate: number | null; eligible: number }[];
    const contacted = groups.find((g) => g.key === "contacted");
    const notContacted = groups.find((g) => g.key === "not_contacted");
    expect(contacted?.eligible).toBeGreaterThan(10);
    expect(notContacted?.eligible).toBeGreaterThan(10);
    expect(contacted?.rate as number).toBeGreaterThan((notContacted?.rate as number) + 0.1);
  });

  it("tells what support is worth: a clear uplift, money at stake, unhappy tickets cost more", async () => {
    const asOf = new Date(NOW).toISOString();
    const workspace = await call("GET", "/v1/workspace", { key: KEY });
    expect(workspace.body.cost_per_hour).toEqual({ amount: "32.00", currency: "EUR" });
    const res = await call("GET", `/v1/impact?by=nps_category&as_of=${asOf}`, { key: KEY });
    expect(res.status).toBe(200);
    const { uplift, at_stake, categories, cost_per_interaction, net_per_interaction } = res.body;
    expect(uplift).toMatchObject({ key: "promoter", vs: "detractor" });
    expect(uplift.difference).toBeGreaterThan(0.2);
    // The interval excludes no difference: the story holds beyond noise.
    expect(uplift.ci95[0]).toBeGreaterThan(0);
    expect(Number(at_stake.EUR.value)).toBeGreaterThan(0);
    expect(Number(at_stake.EUR.low)).toBeLessThan(Number(at_stake.EUR.value));
    expect(Number(at_stake.EUR.high)).toBeGreaterThan(Number(at_stake.EUR.value));
    const cost = (key: string) =>
      Number(categories.find((c: { key: string }) => c.key === key).cost_per_interaction.EUR);
    expect(cost("detractor")).toBeGreaterThan(cost("promoter"));
    expect(Number(cost_per_interaction.EUR)).toBeGreaterThan(3);
    // British customers' gestures are in pounds, and stay in pounds.
    expect(cost_per_interaction.GBP).toMatch(/^\d+\.\d{2}$/);
    expect(net_per_interaction.EUR).toMatch(/^-?\d+\.\d{2}$/);
    const costly = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM interactions WHERE handling_seconds > 0 AND compensation_minor > 0",
    );
    expect(costly[0]?.n).toBeGreaterThan(10);
  });
});
