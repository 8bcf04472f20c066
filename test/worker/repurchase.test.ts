import { beforeAll, describe, expect, it } from "vitest";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, repurchase, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

// 2026-05-04 is a Monday; Paris is UTC+2 in May.
const T = Date.parse("2026-05-04T10:00:00Z");
let ws: TestWorkspace;

const closed = (ticket: string, email: string, at: number, extra: Record<string, string> = {}) =>
  sendStandard(ws, {
    type: "interaction.closed",
    data: { ticket_id: ticket, customer: { email }, closed_at: iso(at), ...extra },
  });
const placed = (id: string, email: string, at: number, total: string, currency = "EUR") =>
  sendStandard(ws, {
    type: "order.created",
    data: { order_id: id, customer: { email }, placed_at: iso(at), total, currency },
  });

beforeAll(async () => {
  ws = await createWorkspace("Repurchase Co", "Europe/Paris");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  // ana: email ticket, buys twice (EUR and USD); bob: chat ticket, buys nothing;
  // cleo: email ticket late on Sunday night (Monday in Paris), buys after 10 days;
  // dan: chat ticket closed just now-ish relative to as_of (window still open).
  await closed("T-ana", "ana@x.io", T, { channel: "email", request_type: "refund", agent: "Léa", team: "FR" });
  await closed("T-bob", "bob@x.io", T + DAY, { channel: "chat", request_type: "delivery", agent: "Max", team: "FR" });
  await closed("T-cleo", "cleo@x.io", Date.parse("2026-05-10T22:30:00Z"), { channel: "email", request_type: "refund" });
  await closed("T-dan", "dan@x.io", T + 40 * DAY, { channel: "chat" });
  await placed("O-ana-1", "ana@x.io", T + 2 * DAY, "100.00");
  await placed("O-ana-2", "ana@x.io", T + 3 * DAY, "19.99", "USD");
  await placed("O-cleo", "cleo@x.io", Date.parse("2026-05-20T22:30:00Z"), "0.01");
  await placed("O-dan", "dan@x.io", T + 41 * DAY, "7.00");
});

const AS_OF = iso(T + 45 * DAY);

describe("GET /v1/repurchase", () => {
  it("splits eligible from pending at as_of and formats money per currency", async () => {
    const r = await repurchase(ws, { as_of: AS_OF });
    expect(r).toEqual({
      window_days: 30,
      as_of: AS_OF,
      eligible: 3,
      repurchased: 2,
      rate: 2 / 3,
      pending: 1,
      pending_repurchased: 1,
      revenue: { EUR: "100.01", USD: "19.99" },
      revenue_per_interaction: { EUR: "33.34", USD: "6.66" },
      groups: [],
    });
  });

  it("judges windows at as_of: open ones are pending, never misses", async () => {
    const early = await repurchase(ws, { as_of: iso(T + 2 * DAY + 1) });
    expect(early).toMatchObject({ eligible: 0, rate: null, pending: 2, pending_repurchased: 1, revenue: {} });
    expect(early.revenue_per_interaction).toEqual({});
  });

  it("honours window_days", async () => {
    const week = await repurchase(ws, { as_of: AS_OF, window_days: 7 });
    expect(week).toMatchObject({
      window_days: 7,
      eligible: 3,
      repurchased: 1,
      revenue: { EUR: "100.00", USD: "19.99" },
    });
    const year = await repurchase(ws, { as_of: iso(T + 500 * DAY), window_days: 365 });
    expect(year).toMatchObject({ eligible: 4, repurchased: 3, pending: 0 });
  });

  it("filters by local day of closed_at, from inclusive and to exclusive", async () => {
    // Cleo's ticket closed on Sunday 10 May at 22:30 UTC, which is Monday 11 May in Paris.
    const monday = await repurchase(ws, { as_of: AS_OF, from: "2026-05-11", to: "2026-05-12" });
    expect(monday).toMatchObject({ eligible: 1, repurchased: 1, revenue: { EUR: "0.01" } });
    const firstWeek = await repurchase(ws, { as_of: AS_OF, from: "2026-05-04", to: "2026-05-11" });
    expect(firstWeek).toMatchObject({ eligible: 2, repurchased: 1 });
  });

  it("filters by channel, request type, agent and team", async () => {
    expect(await repurchase(ws, { as_of: AS_OF, channel: "chat" })).toMatchObject({ eligible: 1, pending: 1 });
    expect(await repurchase(ws, { as_of: AS_OF, request_type: "refund" })).toMatchObject({
      eligible: 2,
      repurchased: 2,
    });
    expect(await repurchase(ws, { as_of: AS_OF, agent: "Max" })).toMatchObject({ eligible: 1, repurchased: 0 });
    expect(await repurchase(ws, { as_of: AS_OF, team: "FR" })).toMatchObject({ eligible: 2, repurchased: 1 });
  });

  it("groups by segment, with unset segments under a null key", async () => {
    const r = await repurchase(ws, { as_of: AS_OF, group_by: "request_type" });
    expect(r.eligible).toBe(3);
    expect(r.groups).toEqual([
      expect.objectContaining({ key: null, eligible: 0, pending: 1, rate: null }),
      expect.objectContaining({ key: "delivery", eligible: 1, repurchased: 0, rate: 0, revenue: {} }),
      expect.objectContaining({
        key: "refund",
        eligible: 2,
        repurchased: 2,
        rate: 1,
        revenue: { EUR: "100.01", USD: "19.99" },
      }),
    ]);
  });

  it("groups by day, ISO week and month of the local closing day", async () => {
    const days = await repurchase(ws, { as_of: AS_OF, group_by: "day" });
    expect(days.groups.map((g: { key: string }) => g.key)).toEqual([
      "2026-05-04",
      "2026-05-05",
      "2026-05-11",
      "2026-06-13",
    ]);
    const weeks = await repurchase(ws, { as_of: AS_OF, group_by: "week" });
    expect(weeks.groups.map((g: { key: string; eligible: number }) => [g.key, g.eligible])).toEqual([
      ["2026-W19", 2],
      ["2026-W20", 1],
      ["2026-W24", 0],
    ]);
    const months = await repurchase(ws, { as_of: AS_OF, group_by: "month" });
    expect(months.groups.map((g: { key: string }) => g.key)).toEqual(["2026-05", "2026-06"]);
  });

  it("counts an order once overall even when it counts in two groups", async () => {
    const local = await createWorkspace("Two groups");
    await setIntegration(local, "standard", STANDARD_SECRET);
    const send = (e: object) => sendStandard(local, e);
    await send({
      type: "interaction.closed",
      data: { ticket_id: "A", customer: { email: "z@x.io" }, channel: "email", closed_at: iso(T) },
    });
    await send({
      type: "interaction.closed",
      data: { ticket_id: "B", customer: { email: "z@x.io" }, channel: "chat", closed_at: iso(T + 1000) },
    });
    await send({
      type: "order.created",
      data: { order_id: "O", customer: { email: "z@x.io" }, placed_at: iso(T + DAY), total: "50.00", currency: "EUR" },
    });
    const r = await repurchase(local, { as_of: AS_OF, group_by: "channel" });
    expect(r).toMatchObject({
      eligible: 2,
      repurchased: 2,
      revenue: { EUR: "50.00" },
      revenue_per_interaction: { EUR: "25.00" },
    });
    expect(r.groups.map((g: { revenue: object }) => g.revenue)).toEqual([{ EUR: "50.00" }, { EUR: "50.00" }]);
  });

  it("reads a closed month from the daily rollup: an order counted once across days, weeks and groups", async () => {
    const local = await createWorkspace("Rollup month");
    await setIntegration(local, "standard", STANDARD_SECRET);
    const send = (e: object) => sendStandard(local, e);
    const ticket = (id: string, channel: string, at: number) =>
      send({
        type: "interaction.closed",
        data: { ticket_id: id, customer: { email: "r@x.io" }, channel, closed_at: iso(at) },
      });
    // Three tickets of one customer on three days (two weeks, two channels), one order after all of them.
    await ticket("A", "email", T); // Monday 2026-05-04
    await ticket("B", "email", T + 2 * DAY); // Wednesday
    await ticket("C", "chat", T + 7 * DAY); // the next Monday
    await send({
      type: "order.created",
      data: {
        order_id: "O",
        customer: { email: "r@x.io" },
        placed_at: iso(T + 8 * DAY),
        total: "30.00",
        currency: "EUR",
      },
    });
    const read = async (query: Record<string, string>) => {
      const res = await call("GET", `/v1/repurchase?${new URLSearchParams({ as_of: AS_OF, ...query })}`, {
        key: local.key,
      });
      expect(res.status).toBe(200);
      return { body: res.body, path: res.headers.get("aftercare-read-path") };
    };
    const month = { from: "2026-05-01", to: "2026-06-01" };
    const whole = await read(month);
    expect(whole.path).toBe("rollup:all");
    expect(whole.body).toMatchObject({ eligible: 3, repurchased: 3, pending: 0, revenue: { EUR: "30.00" } });
    const weeks = await read({ ...month, group_by: "week" });
    expect(weeks.path).toBe("rollup:all");
    expect(weeks.body.groups.map((g: { key: string; revenue: object }) => [g.key, g.revenue])).toEqual([
      ["2026-W19", { EUR: "30.00" }],
      ["2026-W20", { EUR: "30.00" }],
    ]);
    const channels = await read({ ...month, group_by: "channel" });
    expect(channels.path).toBe("rollup:channel");
    expect(channels.body.revenue).toEqual({ EUR: "30.00" });
    expect(channels.body.groups.map((g: { key: string; eligible: number }) => [g.key, g.eligible])).toEqual([
      ["chat", 1],
      ["email", 2],
    ]);
    // A range ending between the tickets: the order counts for the days inside it.
    expect((await read({ from: "2026-05-03", to: "2026-05-05" })).body.revenue).toEqual({ EUR: "30.00" });
    // A day between two of its tickets: the order spans it but counts for nothing there.
    const between = (await read({ from: "2026-05-05", to: "2026-05-06" })).body;
    expect([between.eligible, between.revenue]).toEqual([0, {}]);
    // Two dimensions at once, or another window: the bounded query, same rules.
    expect((await read({ ...month, channel: "email", group_by: "agent" })).path).toBe("query");
    expect((await read({ ...month, window_days: "29" })).path).toBe("query");
    // Cancelled late: the rollup forgets the order's revenue and the repurchases.
    await send({ type: "order.cancelled", data: { order_id: "O" } });
    const cancelled = (await read(month)).body;
    expect([cancelled.eligible, cancelled.repurchased, cancelled.revenue]).toEqual([3, 0, {}]);
  });

  it("groups by NPS and CSAT category from the ticket's latest answer of any survey", async () => {
    const local = await createWorkspace("Categories");
    const npsA = await createSurvey(local, { questions: [{ type: "nps" }] });
    const npsB = await createSurvey(local, { questions: [{ type: "nps" }, { type: "csat" }] });
    const at = iso(T);
    const a1 = await invite(local, { survey_id: npsA, ticket_id: "P", closed_at: at });
    const b1 = await invite(local, { survey_id: npsB, ticket_id: "P", closed_at: at });
    await answer(a1.token, { nps: 3 });
    await new Promise((r) => setTimeout(r, 5));
    await answer(b1.token, { nps: 10, csat: 2 }); // the latest NPS answer makes P a promoter
    const q = await invite(local, { survey_id: npsA, ticket_id: "Q", closed_at: at });
    await answer(q.token, { nps: 7 });
    await invite(local, { ticket_id: "R", closed_at: at }); // default CSAT survey, never answered
    const s = await invite(local, { ticket_id: "S", closed_at: at });
    await answer(s.token, { csat: 4 });
    const nps = await repurchase(local, { as_of: AS_OF, group_by: "nps_category" });
    expect(nps.groups.map((g: { key: string; eligible: number }) => [g.key, g.eligible])).toEqual([
      ["passive", 1],
      ["promoter", 1],
      ["unanswered", 2],
    ]);
    const csat = await repurchase(local, { as_of: AS_OF, group_by: "csat_category" });
    expect(csat.groups.map((g: { key: string; eligible: number }) => [g.key, g.eligible])).toEqual([
      ["satisfied", 1],
      ["unanswered", 2],
      ["unsatisfied", 1],
    ]);
  });

  it("answers 422 naming the field for bad parameters", async () => {
    for (const [query, field] of [
      ["window_days=0", "window_days"],
      ["window_days=366", "window_days"],
      ["window_days=7.5", "window_days"],
      ["window_days=abc", "window_days"],
      ["as_of=yesterday", "as_of"],
      ["from=2026-02-30", "from"],
      ["from=2026-05-10&to=2026-05-01", "to"],
      ["group_by=survey", "group_by"],
    ]) {
      const res = await call("GET", `/v1/repurchase?${query}`, { key: ws.key });
      expect(res.status, query).toBe(422);
      expect(res.body.error.details[0].path, query).toBe(field);
    }
  });

  it("needs a key with the read scope and sees only its workspace", async () => {
    expect((await call("GET", "/v1/repurchase")).status).toBe(401);
    const writer = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "w", scopes: ["write"] } });
    expect((await call("GET", "/v1/repurchase", { key: writer.body.api_key })).status).toBe(403);
    const stranger = await createWorkspace("Stranger");
    expect(await repurchase(stranger, { as_of: AS_OF })).toMatchObject({
      eligible: 0,
      pending: 0,
      rate: null,
      revenue: {},
    });
  });

  it("reports its cost in rows read", async () => {
    const res = await call("GET", `/v1/repurchase?as_of=${AS_OF}`, { key: ws.key });
    expect(res.headers.get("server-timing")).toMatch(/^d1;dur=\d+(\.\d)?;desc="rows_read=\d+"$/);
  });
});
