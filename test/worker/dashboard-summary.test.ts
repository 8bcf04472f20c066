import type { z } from "@hono/zod-openapi";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { DashboardSummary } from "../../widget/src/dashboard/api";
import type { DashboardSummarySchema } from "../../worker/routes/dashboard-summary-schema";
import { call, createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";
import { seedResponses } from "../support/worker/scores-seed";

/**
 * `GET /v1/dashboard/summary`: the dashboard's first paint in one call. Its
 * figures must be exactly those of `/v1/scores` and `/v1/repurchase`.
 */
let ws: TestWorkspace;
const T = Date.parse("2026-05-04T10:00:00Z");

const closed = (ticket: string, email: string, at: number, extra: Record<string, string> = {}) =>
  sendStandard(ws, {
    type: "interaction.closed",
    data: { ticket_id: ticket, customer: { email }, closed_at: iso(at), ...extra },
  });

beforeAll(async () => {
  ws = await createWorkspace("Summary Co");
  const s = ws.defaultSurveyId;
  await seedResponses(ws.id, [
    {
      surveyId: s,
      day: "2026-05-01",
      nps: 10,
      csat: 5,
      channel: "email",
      requestType: "refund",
      agent: "Léa",
      team: "FR",
    },
    {
      surveyId: s,
      day: "2026-05-02",
      nps: 3,
      csat: 2,
      channel: "chat",
      requestType: "logistics",
      agent: "Max",
      team: "FR",
    },
    {
      surveyId: s,
      day: "2026-05-03",
      nps: 8,
      csat: 4,
      channel: "chat",
      requestType: "refund",
      agent: "Zoé",
      team: "BE",
    },
    { surveyId: s, day: "2026-05-09", nps: 9, csat: 5, channel: "phone", agent: "Léa" },
    { surveyId: s, day: "2026-05-10", nps: 6 },
  ]);
  await setIntegration(ws, "standard", STANDARD_SECRET);
  await closed("T-a", "a@x.io", T, { channel: "email", request_type: "refund" });
  await closed("T-b", "b@x.io", T + DAY, { channel: "chat" });
  await sendStandard(ws, {
    type: "order.created",
    data: {
      order_id: "O-a",
      customer: { email: "a@x.io" },
      placed_at: iso(T + 2 * DAY),
      total: "10.00",
      currency: "EUR",
    },
  });
});

const withoutAsOf = ({ as_of: _, groups: __, ...rest }: Record<string, unknown>) => rest;

async function expectSameAsSingleRoutes(query: string) {
  const summary = await call("GET", `/v1/dashboard/summary${query ? `?${query}` : ""}`, { key: ws.key });
  expect(summary.status).toBe(200);
  const amp = query ? `&${query}` : "";
  for (const metric of ["nps", "csat", "ces"] as const) {
    const single = await call("GET", `/v1/scores?metric=${metric}${amp}`, { key: ws.key });
    expect(summary.body[metric], `${metric} ${query}`).toEqual(single.body);
  }
  const rep = await call("GET", `/v1/repurchase${query ? `?${query}` : ""}`, { key: ws.key });
  expect(withoutAsOf(summary.body.repurchase)).toEqual(withoutAsOf(rep.body));
  expect(Date.parse(summary.body.repurchase.as_of)).not.toBeNaN();
  const rate = await call("GET", `/v1/response-rate${query ? `?${query}` : ""}`, { key: ws.key });
  expect(summary.body.response_rate, `response rate ${query}`).toEqual(rate.body);
  return summary.body;
}

describe("GET /v1/dashboard/summary", () => {
  it("gives the same figures as /v1/scores and /v1/repurchase, whole and filtered", async () => {
    const whole = await expectSameAsSingleRoutes("");
    expect(whole.nps.n).toBe(5);
    expect(whole.repurchase.eligible).toBe(2);
    expect(whole.repurchase.repurchased).toBe(1);
    const filtered = await expectSameAsSingleRoutes("channel=chat&from=2026-05-01&to=2026-05-03");
    expect(filtered.nps.n).toBe(1);
    await expectSameAsSingleRoutes("agent=L%C3%A9a");
    await expectSameAsSingleRoutes("request_type=refund&team=FR");
  });

  it("carries the response rate and takes the shop-derived segments as filters, like the single routes", async () => {
    // Three invited tickets, one answered: 1 of 3.
    const rated = await createWorkspace("Summary rate");
    const tokens: string[] = [];
    for (const ticket of ["R-1", "R-2", "R-3"]) {
      const inv = await call("POST", "/v1/invitations", {
        key: rated.key,
        body: { survey_id: rated.defaultSurveyId, ticket_id: ticket },
      });
      expect(inv.status).toBe(201);
      tokens.push(inv.body.token);
    }
    expect((await call("POST", "/v1/responses", { body: { token: tokens[0], answers: { csat: 5 } } })).status).toBe(
      201,
    );
    const res = await call("GET", "/v1/dashboard/summary", { key: rated.key });
    expect(res.body.response_rate).toEqual({ invited: 3, answered: 1, rate: 1 / 3 });
    // The shop-derived segments filter every figure, as they do each single route.
    const first = await expectSameAsSingleRoutes("customer_tenure=first_order");
    expect(first.repurchase.eligible).toBe(2);
    const returning = await expectSameAsSingleRoutes("customer_tenure=returning");
    expect(returning.repurchase.eligible).toBe(0);
    await expectSameAsSingleRoutes("value_tier=unknown");
  });

  it("lists every segment value the answers carry, sorted, whatever the filters", async () => {
    const expected = {
      channel: ["chat", "email", "phone"],
      request_type: ["logistics", "refund"],
      agent: ["Léa", "Max", "Zoé"],
      team: ["BE", "FR"],
    };
    for (const q of ["", "?channel=chat", "?from=2026-05-09"]) {
      const res = await call("GET", `/v1/dashboard/summary${q}`, { key: ws.key });
      expect(res.body.filter_values, q).toEqual(expected);
    }
    const empty = await createWorkspace("Empty summary");
    const none = await call("GET", "/v1/dashboard/summary", { key: empty.key });
    expect(none.status).toBe(200);
    expect(none.body.filter_values).toEqual({ channel: [], request_type: [], agent: [], team: [] });
    expect(none.body.nps.n).toBe(0);
  });

  it("puts a CES mixing two scales in its place as an error and still gives the rest", async () => {
    const mixed = await createWorkspace("Mixed CES");
    const agree = await createSurvey(mixed, { questions: [{ type: "ces" }], ces_scale: "agree7" });
    const effort = await createSurvey(mixed, { questions: [{ type: "ces" }], ces_scale: "effort5" });
    await seedResponses(mixed.id, [
      { surveyId: agree, day: "2026-05-01", ces: 6, nps: 9 },
      { surveyId: effort, day: "2026-05-01", ces: 2 },
    ]);
    const single = await call("GET", "/v1/scores?metric=ces", { key: mixed.key });
    expect(single.status).toBe(422);
    const res = await call("GET", "/v1/dashboard/summary", { key: mixed.key });
    expect(res.status).toBe(200);
    expect(res.body.ces).toEqual({ error: { code: "mixed_ces_scales", message: single.body.error.message } });
    expect(res.body.nps.n).toBe(1);
  });

  it("refuses a missing key, and bad filters with a clear 422", async () => {
    expect((await call("GET", "/v1/dashboard/summary")).status).toBe(401);
    for (const q of ["from=2026-13-01", "from=2026-05-02&to=2026-05-01", `channel=${"x".repeat(201)}`]) {
      const res = await call("GET", `/v1/dashboard/summary?${q}`, { key: ws.key });
      expect(res.status, q).toBe(422);
      expect(res.body.error.code, q).toBeTruthy();
    }
  });

  it("is in the OpenAPI document", async () => {
    const doc = await call("GET", "/openapi.json");
    const op = doc.body.paths["/v1/dashboard/summary"]?.get;
    expect(op).toBeTruthy();
    expect(op.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/DashboardSummary");
    expect(Object.keys(doc.body.components.schemas.DashboardSummary.properties)).toEqual([
      "nps",
      "csat",
      "ces",
      "repurchase",
      "response_rate",
      "filter_values",
    ]);
  });

  it("the dashboard's DashboardSummary type is the route's schema, inferred (checked by tsc)", () => {
    type Served = z.infer<typeof DashboardSummarySchema>;
    expectTypeOf<DashboardSummary>().toEqualTypeOf<Served>();
    expectTypeOf<DashboardSummary["response_rate"]>().toEqualTypeOf<{
      invited: number;
      answered: number;
      rate: number | null;
    }>();
  });
});
