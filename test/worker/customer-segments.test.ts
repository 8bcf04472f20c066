import { describe, expect, it } from "vitest";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, repurchase, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { databaseOf } from "../support/worker/shards";

/**
 * Customer tenure from the shop's own orders: `first_order` (no counting order
 * placed before the interaction closed), `returning` (1–2), `loyal` (3+). Orders
 * count by when they were placed, whenever their webhook arrives, and the score
 * rollups follow a re-segmented answer.
 */

const T = Date.parse("2026-05-04T10:00:00Z");

const placed = (ws: TestWorkspace, id: string, email: string, at: number, total = "10.00", currency = "EUR") =>
  sendStandard(ws, {
    type: "order.created",
    data: { order_id: id, customer: { email }, placed_at: iso(at), total, currency },
  });

const patchTiers = (ws: TestWorkspace, value_tiers: unknown) =>
  call("PATCH", "/v1/workspace", { key: ws.key, body: { value_tiers } });

async function setup() {
  const ws = await createWorkspace("Tenure Co", "Europe/Paris");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  const survey = await createSurvey(ws, { questions: [{ type: "nps" }] });
  const ticket = async (id: string, email: string, nps: number) => {
    const inv = await invite(ws, {
      survey_id: survey,
      ticket_id: id,
      channel: "email",
      closed_at: iso(T),
      customer: { email },
    });
    expect((await answer(inv.token, { nps })).status).toBe(201);
  };
  return { ws, ticket };
}

const scoresBy = async (ws: TestWorkspace, query: string) => {
  const res = await call("GET", `/v1/scores?metric=nps&${query}`, { key: ws.key });
  expect(res.status).toBe(200);
  return res.body;
};

const tenureGroups = async (ws: TestWorkspace, filter = "") =>
  ((await scoresBy(ws, `${filter}group_by=customer_tenure`)).groups as { key: string | null; n: number }[]).map((g) => [
    g.key,
    g.n,
  ]);

describe("customer_tenure", () => {
  it("counts the orders placed before the interaction closed: first_order, returning, loyal", async () => {
    const { ws, ticket } = await setup();
    await placed(ws, "O-b1", "bea@x.io", T - 10 * DAY);
    for (const [i, at] of [T - 30 * DAY, T - 20 * DAY, T - 5 * DAY].entries())
      await placed(ws, `O-c${i}`, "cy@x.io", at);
    // An order after the close does not count for the tenure.
    await placed(ws, "O-a-after", "ana@x.io", T + DAY);
    await ticket("A", "ana@x.io", 3);
    await ticket("B", "bea@x.io", 8);
    await ticket("C", "cy@x.io", 10);
    const anonymous = await invite(ws, { ticket_id: "D", closed_at: iso(T) });
    await answer(anonymous.token, { csat: 5 });

    expect(await tenureGroups(ws)).toEqual([
      ["first_order", 1],
      ["loyal", 1],
      ["returning", 1],
    ]);
    expect((await scoresBy(ws, "customer_tenure=loyal")).n).toBe(1);
    expect((await scoresBy(ws, "customer_tenure=loyal")).nps).toBe(100);
    // One dimension: its own rollup grain.
    const res = await call("GET", "/v1/scores?metric=nps&group_by=customer_tenure", { key: ws.key });
    expect(res.status).toBe(200);
  });

  it("a late order moves an interaction from first_order to returning in scores and repurchase", async () => {
    const { ws, ticket } = await setup();
    await ticket("A", "ana@x.io", 10);
    await placed(ws, "O-a-next", "ana@x.io", T + 3 * DAY); // a repurchase, after the close
    const asOf = iso(T + 40 * DAY);
    expect(await tenureGroups(ws)).toEqual([["first_order", 1]]);
    // E-mail only, by tenure: the channel+customer_tenure grain.
    expect(await tenureGroups(ws, "channel=email&")).toEqual([["first_order", 1]]);
    expect(await repurchase(ws, { as_of: asOf, group_by: "customer_tenure" })).toMatchObject({
      eligible: 1,
      groups: [expect.objectContaining({ key: "first_order", eligible: 1, repurchased: 1 })],
    });

    // An order placed before the close, whose webhook arrives only now.
    await placed(ws, "O-a-before", "ana@x.io", T - 60 * DAY);
    expect(await tenureGroups(ws)).toEqual([["returning", 1]]);
    expect(await tenureGroups(ws, "channel=email&")).toEqual([["returning", 1]]);
    expect((await scoresBy(ws, "customer_tenure=first_order")).n).toBe(0);
    expect((await scoresBy(ws, "customer_tenure=first_order&group_by=channel")).n).toBe(0);
    expect((await scoresBy(ws, "customer_tenure=returning&channel=email")).n).toBe(1);
    expect(await scoresBy(ws, "customer_tenure=returning")).toMatchObject({ n: 1, nps: 100 });
    const after = await repurchase(ws, { as_of: asOf, group_by: "customer_tenure" });
    expect(after.groups).toEqual([expect.objectContaining({ key: "returning", eligible: 1, repurchased: 1 })]);
    expect((await repurchase(ws, { as_of: asOf, customer_tenure: "first_order" })).eligible).toBe(0);

    // The rollups moved the count, never doubled it: every grain sums to the one answer.
    const grains = await (await databaseOf(ws.id))
      .prepare(`SELECT grain, SUM(count) AS c FROM ${ROLLUP_BARS} WHERE workspace_id = ? GROUP BY grain`)
      .bind(ws.id)
      .all<{ grain: string; c: number }>();
    expect(grains.results.map((g) => g.grain).sort()).toEqual([...ROLLUP_GRAINS].sort());
    for (const g of grains.results) expect(g.c, g.grain).toBe(1);
    const tenureRows = await (await databaseOf(ws.id))
      .prepare(
        `SELECT customer_tenure AS t, count FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND grain = 'customer_tenure'`,
      )
      .bind(ws.id)
      .all<{ t: string; count: number }>();
    expect(tenureRows.results).toEqual([{ t: "returning", count: 1 }]);
    const pairRows = await (await databaseOf(ws.id))
      .prepare(
        `SELECT channel AS c, customer_tenure AS t, count FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND grain = 'channel+customer_tenure'`,
      )
      .bind(ws.id)
      .all<{ c: string; t: string; count: number }>();
    expect(pairRows.results).toEqual([{ c: "email", t: "returning", count: 1 }]);

    // Deleting that order's counting (a cancellation) moves it back.
    await sendStandard(ws, {
      type: "order.cancelled",
      data: { order_id: "O-a-before", cancelled_at: iso(T + 5 * DAY) },
    });
    expect(await tenureGroups(ws)).toEqual([["first_order", 1]]);
  });

  it("rejects an empty customer_tenure filter", async () => {
    const { ws } = await setup();
    const res = await call("GET", "/v1/scores?metric=nps&customer_tenure=", { key: ws.key });
    expect(res.status).toBe(422);
  });
});

describe("value_tier", () => {
  const tiersOf = async (ws: TestWorkspace, filter = "") =>
    ((await scoresBy(ws, `${filter}group_by=value_tier`)).groups as { key: string | null; n: number }[]).map((g) => [
      g.key,
      g.n,
    ]);

  it("tiers customers by their orders in the 365 days before, in the workspace's currency and bounds", async () => {
    const { ws, ticket } = await setup();
    await placed(ws, "O-a", "ana@x.io", T - 10 * DAY, "99.99"); // low: below 100
    await placed(ws, "O-b1", "bea@x.io", T - 100 * DAY, "60.00");
    await placed(ws, "O-b2", "bea@x.io", T - 200 * DAY, "40.00"); // mid: exactly 100
    await placed(ws, "O-c", "cy@x.io", T - 5 * DAY, "500.00"); // high: exactly 500
    await placed(ws, "O-d-old", "dan@x.io", T - 366 * DAY, "900.00"); // more than 365 days before: not counted
    await placed(ws, "O-d", "dan@x.io", T - DAY, "20.00", "USD"); // another currency: unknown
    await placed(ws, "O-e-after", "eve@x.io", T + DAY, "900.00"); // after the close: not counted
    for (const [t, email] of [
      ["A", "ana@x.io"],
      ["B", "bea@x.io"],
      ["C", "cy@x.io"],
      ["D", "dan@x.io"],
      ["E", "eve@x.io"],
    ] as const)
      await ticket(t, email, 9);

    // No tiers yet: every answer is unknown.
    expect(await tiersOf(ws)).toEqual([["unknown", 5]]);
    const set = await patchTiers(ws, { currency: "eur", bounds: [100, 500] });
    expect(set.status).toBe(200);
    expect(set.body.value_tiers).toEqual({ currency: "EUR", bounds: [100, 500] });
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.value_tiers).toEqual({
      currency: "EUR",
      bounds: [100, 500],
    });
    expect(await tiersOf(ws)).toEqual([
      ["high", 1],
      ["low", 1],
      ["mid", 1],
      ["unknown", 2],
    ]);
    expect(await repurchase(ws, { as_of: iso(T + 40 * DAY), value_tier: "high" })).toMatchObject({ eligible: 1 });

    // Changing the bounds re-tiers every interaction, and the scores follow.
    expect((await patchTiers(ws, { currency: "EUR", bounds: [50, 99.99] })).status).toBe(200);
    expect(await tiersOf(ws)).toEqual([
      ["high", 3],
      ["unknown", 2],
    ]);
    expect(await tiersOf(ws, "channel=email&")).toEqual(await tiersOf(ws));
    // A late order re-tiers too: dan's year now holds 30 EUR.
    await placed(ws, "O-d-eur", "dan@x.io", T - 30 * DAY, "30.00");
    const afterLate = [
      ["high", 3],
      ["low", 1],
      ["unknown", 1],
    ];
    expect(await tiersOf(ws)).toEqual(afterLate);
    // The same on the channel+value_tier grain (e-mail only, by tier).
    expect(await tiersOf(ws, "channel=email&")).toEqual(afterLate);
    expect((await scoresBy(ws, "value_tier=low&group_by=channel")).groups).toEqual([
      expect.objectContaining({ key: "email", n: 1 }),
    ]);
    // Clearing them: unknown again.
    expect((await patchTiers(ws, null)).body.value_tiers).toBeNull();
    expect(await tiersOf(ws)).toEqual([["unknown", 5]]);
  });

  it("refuses bounds that are not positive and increasing, and writes nothing", async () => {
    const { ws } = await setup();
    for (const [tiers, path] of [
      [{ currency: "EUR", bounds: [500, 100] }, "value_tiers.bounds.1"],
      [{ currency: "EUR", bounds: [100, 100] }, "value_tiers.bounds.1"],
      [{ currency: "EUR", bounds: [0, 100] }, "value_tiers.bounds.0"],
      [{ currency: "EUR", bounds: [-5, 100] }, "value_tiers.bounds.0"],
      [{ currency: "EUR", bounds: [1.234, 100] }, "value_tiers.bounds.0"],
      [{ currency: "EUR", bounds: [100] }, "value_tiers.bounds"],
      [{ currency: "euro", bounds: [100, 500] }, "value_tiers.currency"],
    ] as const) {
      const res = await call("PATCH", "/v1/workspace", { key: ws.key, body: { value_tiers: tiers } });
      expect(res.status, JSON.stringify(tiers)).toBe(422);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        JSON.stringify(tiers),
      ).toContain(path);
    }
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.value_tiers).toBeNull();
  });
});
