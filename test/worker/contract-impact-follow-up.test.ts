/**
 * The API reference lists `by=follow_up` for the impact read ("contacted vs
 * not_contacted"), and follow-ups are recorded: the read must answer it, with
 * the same eligible interactions as `GET /v1/repurchase?group_by=follow_up`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, call, createSurvey, createWorkspace, type TestWorkspace } from "./helpers";
import { DAY, iso, STANDARD_SECRET, sendStandard, setIntegration } from "./hooks-signing";

const T = Date.parse("2026-03-02T10:00:00Z");
const AS_OF = iso(T + 60 * DAY);
let ws: TestWorkspace;
let survey: string;

/** A detractor's ticket closed at T; its follow-up opens on the answer. */
async function detractor(id: string): Promise<string> {
  const inv = await call("POST", "/v1/invitations", {
    key: ws.key,
    body: { survey_id: survey, ticket_id: id, customer: { email: `${id.toLowerCase()}@shop.test` }, closed_at: iso(T) },
  });
  expect(inv.status).toBe(201);
  const res = await answer(inv.body.token, { nps: 2 });
  expect(res.status).toBe(201);
  const list = await call("GET", "/v1/follow-ups?status=open", { key: ws.key });
  const followUp = list.body.items.find((f: { ticket_id: string }) => f.ticket_id === id);
  expect(followUp).toBeDefined();
  return followUp.id;
}

beforeAll(async () => {
  ws = await createWorkspace("Impact by follow-up");
  survey = await createSurvey(ws, { questions: [{ type: "nps" }] });
  await setIntegration(ws, "standard", STANDARD_SECRET);
  const contacted = await detractor("C1");
  await detractor("N1");
  await detractor("N2");
  const patched = await call("PATCH", `/v1/follow-ups/${contacted}`, { key: ws.key, body: { status: "contacted" } });
  expect(patched.status).toBe(200);
  const order = await sendStandard(ws, {
    type: "order.created",
    data: {
      order_id: "O-C1",
      customer: { email: "c1@shop.test" },
      placed_at: iso(T + 3 * DAY),
      total: "80.00",
      currency: "EUR",
    },
  });
  expect(order.status).toBe(200);
});

describe("GET /v1/impact?by=follow_up", () => {
  it("compares contacted with not_contacted follow-ups", async () => {
    const res = await call("GET", `/v1/impact?by=follow_up&as_of=${AS_OF}`, { key: ws.key });
    expect(res.status).toBe(200);
    expect(res.body.by).toBe("follow_up");
    const byKey = Object.fromEntries(res.body.categories.map((c: { key: string }) => [c.key, c]));
    expect(byKey.contacted).toMatchObject({ eligible: 1, repurchased: 1, rate: 1 });
    expect(byKey.not_contacted).toMatchObject({ eligible: 2, repurchased: 0, rate: 0 });
    expect(res.body.uplift).toMatchObject({ key: "contacted", vs: "not_contacted", difference: 1 });
    // 2 not contacted × 1 × 80.00 EUR per repurchasing contacted interaction
    expect(res.body.at_stake.EUR.value).toBe("160.00");
  });

  it("counts the same interactions as the repurchase read grouped by follow_up", async () => {
    const rep = await call("GET", `/v1/repurchase?group_by=follow_up&as_of=${AS_OF}`, { key: ws.key });
    const imp = await call("GET", `/v1/impact?by=follow_up&as_of=${AS_OF}`, { key: ws.key });
    for (const key of ["contacted", "not_contacted"]) {
      const g = rep.body.groups.find((x: { key: string }) => x.key === key);
      const c = imp.body.categories.find((x: { key: string }) => x.key === key);
      expect({ eligible: c.eligible, repurchased: c.repurchased }).toEqual({
        eligible: g.eligible,
        repurchased: g.repurchased,
      });
    }
  });
});
