import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { newcombeHybridInterval } from "../../worker/metrics/newcombe";
import { answer, call, createSurvey, createWorkspace, type TestWorkspace } from "./helpers";
import {
  DAY,
  iso,
  PLAIN_SECRET,
  post,
  repurchase,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  zendeskHeaders,
} from "./hooks-signing";

const T = Date.parse("2026-03-02T10:00:00Z");
const AS_OF = iso(T + 60 * DAY);
let ws: TestWorkspace;
let survey: string;

async function ticket(
  id: string,
  opts: { nps?: number; csat?: number; minutes?: number; compensation?: { amount: string; currency: string } },
  closedAt = T,
) {
  const res = await call("POST", "/v1/invitations", {
    key: ws.key,
    body: {
      survey_id: survey,
      ticket_id: id,
      customer: { email: `${id.toLowerCase()}@shop.test` },
      closed_at: iso(closedAt),
      ...(opts.minutes !== undefined ? { handling_minutes: opts.minutes } : {}),
      ...(opts.compensation ? { compensation: opts.compensation } : {}),
    },
  });
  expect(res.status).toBe(201);
  const answers = { ...(opts.nps !== undefined ? { nps: opts.nps } : {}), ...(opts.csat ? { csat: opts.csat } : {}) };
  if (Object.keys(answers).length) expect((await answer(res.body.token, answers)).status).toBe(201);
}

const order = (id: string, customer: string, total: string, currency = "EUR", at = T + 3 * DAY) =>
  sendStandard(ws, {
    type: "order.created",
    data: {
      order_id: id,
      customer: { email: `${customer.toLowerCase()}@shop.test` },
      placed_at: iso(at),
      total,
      currency,
    },
  });

async function impact(query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries({ as_of: AS_OF, ...query }).map(([k, v]) => [k, String(v)]));
  const res = await call("GET", `/v1/impact?${qs}`, { key: ws.key });
  if (res.status !== 200) throw new Error(`impact: ${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  ws = await createWorkspace("Impact Co", "Europe/Paris");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }] });
  const patched = await call("PATCH", "/v1/workspace", {
    key: ws.key,
    body: { cost_per_hour: { amount: "30.00", currency: "EUR" } },
  });
  expect(patched.status).toBe(200);

  // Promoters: 4 eligible, 2 buy (100 + 50 EUR); 3 report 10 + 20 + 30 minutes; one 5 EUR gesture.
  await ticket("P1", { nps: 10, csat: 5, minutes: 10 });
  await ticket("P2", { nps: 9, csat: 5, minutes: 20, compensation: { amount: "5.00", currency: "EUR" } });
  await ticket("P3", { nps: 9, csat: 4 });
  await ticket("P4", { nps: 10, csat: 5, minutes: 30 });
  // Detractors: 5 eligible, 1 buys (80 EUR); an hour each; 12.50 EUR and 10 USD of compensation.
  await ticket("D1", { nps: 2, csat: 1, minutes: 60 });
  await ticket("D2", { nps: 3, csat: 2, minutes: 60, compensation: { amount: "12.50", currency: "EUR" } });
  await ticket("D3", { nps: 6, csat: 2, minutes: 60, compensation: { amount: "10", currency: "usd" } });
  await ticket("D4", { nps: 0, csat: 1, minutes: 60 });
  await ticket("D5", { nps: 5, csat: 3, minutes: 60 });
  // Unanswered: 15 minutes, no purchase.
  await ticket("U1", { minutes: 15 });
  // A promoter whose window is still open at as_of: never counted, whatever it cost or bought.
  await ticket("P-late", { nps: 10, minutes: 600, compensation: { amount: "999.00", currency: "EUR" } }, T + 50 * DAY);

  await order("O-P1", "P1", "100.00");
  await order("O-P2", "P2", "50.00");
  await order("O-D1", "D1", "80.00");
  await order("O-late", "P-late", "40.00", "EUR", T + 51 * DAY);
  // Compensation, recorded earlier, is kept when a later event omits it.
  const reopened = await sendStandard(ws, {
    type: "interaction.closed",
    data: { ticket_id: "P2", customer: { email: "p2@shop.test" }, closed_at: iso(T) },
  });
  expect(reopened.status).toBe(200);
});

describe("GET /v1/impact", () => {
  it("matches the hand computation by NPS category", async () => {
    const body = await impact();
    const [low, high] = newcombeHybridInterval(2, 4, 1, 5) as [number, number];
    expect(body).toMatchObject({ by: "nps_category", window_days: 30, as_of: AS_OF });
    const byKey = Object.fromEntries(body.categories.map((c: { key: string }) => [c.key, c]));
    expect(body.categories.map((c: { key: string }) => c.key)).toEqual([
      "promoter",
      "passive",
      "detractor",
      "unanswered",
    ]);
    // Promoters: handling 3600 s × 30 EUR/h over 3 timed = 10.00; + 5.00 / 4 = 1.25 → 11.25.
    // Revenue 150.00 / 4 = 37.50; net 26.25.
    expect(byKey.promoter).toMatchObject({
      eligible: 4,
      repurchased: 2,
      rate: 0.5,
      revenue_per_interaction: { EUR: "37.50" },
      cost_per_interaction: { EUR: "11.25" },
      net_per_interaction: { EUR: "26.25" },
    });
    // Detractors: 30.00 of time each + 12.50 / 5 = 32.50 EUR; 10 USD / 5 = 2.00 USD.
    // Revenue 80.00 / 5 = 16.00 EUR; net −16.50 EUR and −2.00 USD (never converted).
    expect(byKey.detractor).toMatchObject({
      eligible: 5,
      repurchased: 1,
      rate: 0.2,
      revenue_per_interaction: { EUR: "16.00" },
      cost_per_interaction: { EUR: "32.50", USD: "2.00" },
      net_per_interaction: { EUR: "-16.50", USD: "-2.00" },
    });
    expect(byKey.detractor.ci95[0]).toBeCloseTo(0.0362, 4); // Wilson 1/5
    expect(byKey.detractor.ci95[1]).toBeCloseTo(0.6245, 4);
    // No passive: nulls, not zeros or NaN.
    expect(byKey.passive).toEqual({
      key: "passive",
      eligible: 0,
      repurchased: 0,
      rate: null,
      ci95: null,
      revenue_per_interaction: null,
      cost_per_interaction: null,
      net_per_interaction: null,
    });
    expect(byKey.unanswered).toMatchObject({
      eligible: 1,
      repurchased: 0,
      rate: 0,
      cost_per_interaction: { EUR: "7.50" },
    });

    expect(body.uplift.key).toBe("promoter");
    expect(body.uplift.vs).toBe("detractor");
    expect(body.uplift.difference).toBeCloseTo(0.3, 12);
    expect(body.uplift.ci95[0]).toBeCloseTo(low, 12);
    expect(body.uplift.ci95[1]).toBeCloseTo(high, 12);
    // at_stake = 5 detractors × 0.3 × (150.00 / 2 repurchasing promoters) = 112.50 EUR;
    // low/high = 5 × ci × 75.00, clipped at 0 (the lower end of this small sample is below 0).
    const eur = (share: number) => Math.max(0, Math.round(5 * share * 7500)) / 100;
    expect(body.at_stake).toEqual({
      EUR: { value: "112.50", low: eur(low).toFixed(2), high: eur(high).toFixed(2) },
    });
    expect(low).toBeLessThan(0);
    expect(body.at_stake.EUR.low).toBe("0.00");
    // Whole selection: 22 500 s × 30 EUR/h over 9 timed = 20.8333; + 17.50 / 10 = 1.75 → 22.58 EUR;
    // 1.00 USD. Revenue 230.00 / 10 = 23.00 → net 0.42 EUR, −1.00 USD.
    expect(body.cost_per_interaction).toEqual({ EUR: "22.58", USD: "1.00" });
    expect(body.net_per_interaction).toEqual({ EUR: "0.42", USD: "-1.00" });
  });

  it("takes its counts from the repurchase read, grouped the same way", async () => {
    const [body, same] = await Promise.all([impact(), repurchase(ws, { as_of: AS_OF, group_by: "nps_category" })]);
    for (const g of same.groups) {
      const c = body.categories.find((x: { key: string }) => x.key === g.key);
      expect(c).toMatchObject({ eligible: g.eligible, repurchased: g.repurchased, rate: g.rate });
      expect(c.revenue_per_interaction).toEqual(g.revenue_per_interaction);
    }
  });

  it("compares satisfied with unsatisfied by CSAT category", async () => {
    const body = await impact({ by: "csat_category" });
    expect(body.categories.map((c: { key: string; eligible: number }) => [c.key, c.eligible])).toEqual([
      ["satisfied", 4],
      ["unsatisfied", 5],
      ["unanswered", 1],
    ]);
    expect(body.uplift).toMatchObject({ key: "satisfied", vs: "unsatisfied" });
    expect(body.at_stake.EUR.value).toBe("112.50");
  });

  it("leaves at_stake out and the uplift null when a side has no eligible interaction", async () => {
    // Before any window has closed nothing is eligible.
    const early = await impact({ as_of: iso(T + DAY) });
    expect(early.at_stake).toBeUndefined();
    expect(early.uplift).toEqual({ key: "promoter", vs: "detractor", difference: null, ci95: null });
    expect(early.cost_per_interaction).toBeNull();
    expect(early.net_per_interaction).toBeNull();
    for (const c of early.categories) expect(c.rate).toBeNull();
  });

  it("refuses bad parameters", async () => {
    for (const q of ["by=agent", "window_days=0", "as_of=yesterday", "from=2026-03-05&to=2026-03-01"]) {
      const res = await call("GET", `/v1/impact?${q}`, { key: ws.key });
      expect(res.status, q).toBe(422);
      expect(res.body.error.code).toBe("invalid_fields");
    }
  });
});

describe("cost fields", () => {
  it("reads back the workspace's cost_per_hour and clears it with null", async () => {
    const other = await createWorkspace();
    const before = await call("GET", "/v1/workspace", { key: other.key });
    expect(before.body).toMatchObject({ id: other.id, cost_per_hour: null });
    await call("PATCH", "/v1/workspace", {
      key: other.key,
      body: { cost_per_hour: { amount: "1000", currency: "JPY" } },
    });
    expect((await call("GET", "/v1/workspace", { key: other.key })).body.cost_per_hour).toEqual({
      amount: "1000",
      currency: "JPY",
    });
    await call("PATCH", "/v1/workspace", { key: other.key, body: { cost_per_hour: null } });
    expect((await call("GET", "/v1/workspace", { key: other.key })).body.cost_per_hour).toBeNull();
  });

  it("refuses a malformed cost_per_hour with a 422 naming it, and keeps the old one", async () => {
    const bad = [
      { amount: "32.001", currency: "EUR" },
      { amount: "-3", currency: "EUR" },
      { amount: "32" },
      { amount: "32", currency: "EURO" },
      { amount: "1000000", currency: "EUR" },
      "32.00",
    ];
    for (const cost_per_hour of bad) {
      const res = await call("PATCH", "/v1/workspace", { key: ws.key, body: { cost_per_hour } });
      expect(res.status, JSON.stringify(cost_per_hour)).toBe(422);
      expect(res.body.error.details[0].path).toMatch(/^cost_per_hour/);
    }
    const unknown = await call("PATCH", "/v1/workspace", { key: ws.key, body: { timezone: "UTC" } });
    expect(unknown.status).toBe(422);
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.cost_per_hour).toEqual({
      amount: "30.00",
      currency: "EUR",
    });
  });

  it("needs the admin scope to change the workspace", async () => {
    const key = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "reader", scopes: ["read"] } });
    const res = await call("PATCH", "/v1/workspace", {
      key: key.body.api_key,
      body: { cost_per_hour: { amount: "1.00", currency: "EUR" } },
    });
    expect(res.status).toBe(403);
  });

  it("refuses bad handling_minutes or compensation on invitations and events with a 422, writing nothing", async () => {
    const before = await impact();
    const badMinutes = fc.oneof(
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.double({ min: 10_080.000001, noNaN: true }),
      fc.constantFrom("12 min", "", "1e3", "-5", "NaN", "Infinity"),
      fc.constant(null),
      fc.boolean(),
    );
    const badCompensation = fc.oneof(
      fc.record({ amount: fc.constantFrom("12.5.0", "abc", "-1", "12.345", "", "1e3"), currency: fc.constant("EUR") }),
      fc.record({ amount: fc.constant("12.50") }),
      fc.record({ amount: fc.constant("12.50"), currency: fc.constantFrom("EURO", "€", "", "12") }),
      fc.constant("12.50 EUR"),
    );
    const cases = fc.oneof(
      badMinutes.map((v) => ({ field: "handling_minutes", extra: { handling_minutes: v } })),
      badCompensation.map((v) => ({ field: "compensation", extra: { compensation: v } })),
    );
    await fc.assert(
      fc.asyncProperty(cases, fc.boolean(), async ({ field, extra }, viaEvent) => {
        const data = { ticket_id: "P3", customer: { email: "p3@shop.test" }, closed_at: iso(T), ...extra };
        const res = viaEvent
          ? await sendStandard(ws, { type: "interaction.closed", data })
          : await call("POST", "/v1/invitations", { key: ws.key, body: { survey_id: survey, ...data } });
        expect(res.status).toBe(422);
        const paths = res.body.error.details.map((d: { path: string }) => d.path);
        expect(paths.some((p: string) => p.includes(field))).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(await impact()).toEqual(before);
  });

  it("accepts the numeric strings a support tool's template renders", async () => {
    const sent = await sendStandard(ws, {
      type: "interaction.closed",
      data: {
        ticket_id: "S1",
        customer: { email: "s1@shop.test" },
        closed_at: iso(T + 70 * DAY),
        handling_minutes: "7.5",
        compensation: { amount: 3, currency: "EUR" },
      },
    });
    expect(sent.status).toBe(200);
    const later = await impact({ as_of: iso(T + 101 * DAY), from: "2026-05-01" });
    // 450 s at 30 EUR/h = 3.75, plus 3.00 of compensation.
    expect(later.cost_per_interaction).toEqual({ EUR: "6.75" });
  });

  it("takes handling_minutes and compensation from a Zendesk trigger template, blanks ignored", async () => {
    await setIntegration(ws, "zendesk", PLAIN_SECRET);
    const send = async (fields: Record<string, unknown>) => {
      const body = JSON.stringify({
        ticket_id: "ZD-9",
        customer: { email: "zd9@shop.test" },
        closed_at: iso(T + 80 * DAY),
        ...fields,
      });
      return post(ws, "zendesk", body, await zendeskHeaders(body));
    };
    expect((await send({ handling_minutes: "12", compensation: { amount: "4.50", currency: "EUR" } })).status).toBe(
      200,
    );
    // A later firing whose placeholders rendered empty keeps what was recorded.
    expect((await send({ handling_minutes: "", compensation: { amount: "", currency: "" } })).status).toBe(200);
    expect((await send({ handling_minutes: "-3" })).status).toBe(422);
    const later = await impact({ as_of: iso(T + 111 * DAY), from: "2026-05-21" });
    // 12 min at 30 EUR/h = 6.00, plus 4.50.
    expect(later.cost_per_interaction).toEqual({ EUR: "10.50" });
  });

  it("documents the cost fields and the impact read in /openapi.json", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    expect(doc.paths["/v1/impact"].get).toBeDefined();
    expect(doc.paths["/v1/workspace"].patch).toBeDefined();
    const invitation = doc.components.schemas.CreateInvitation.properties;
    expect(invitation.handling_minutes).toBeDefined();
    expect(invitation.compensation).toBeDefined();
  });
});
