import { describe, expect, it } from "vitest";
import { parseCsv } from "../support/csv";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

/**
 * The read side of the contract driven end to end, for promises no other worker
 * test drove through the API: benchmark bands on their edges, the day a changed
 * answer stays on, the same figures in JSON, CSV and the dashboard summary, a met
 * target's n_needed, and bad filters refused with a 422 (or 404) naming them.
 */

const importItems = async (ws: TestWorkspace, items: unknown[]) => {
  const res = await call("POST", "/v1/responses/import", { key: ws.key, body: { items } });
  expect(res.status).toBe(200);
  expect(res.body.errors).toEqual([]);
};

let seq = 0;
/** One survey holding `values` of `metric`, imported as answers given on 2026-03-02. */
async function surveyOf(ws: TestWorkspace, metric: "nps" | "csat" | "ces", values: number[], cesScale?: string) {
  const survey = await createSurvey(ws, {
    questions: [{ type: metric }],
    ...(cesScale ? { ces_scale: cesScale } : {}),
  });
  await importItems(
    ws,
    values.map((v) => ({
      survey_id: survey,
      ticket_id: `B-${++seq}`,
      answers: { [metric]: v },
      submitted_at: "2026-03-02T12:00:00Z",
    })),
  );
  const res = await call("GET", `/v1/scores?metric=${metric}&survey_id=${survey}`, { key: ws.key });
  expect(res.status).toBe(200);
  return res.body;
}

const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

describe("Scores: benchmark bands through the API, each lower edge exclusive", () => {
  it("puts an NPS on an edge in the band below: 0 poor, 20 healthy, 50 good, 70 excellent", async () => {
    const ws = await createWorkspace();
    // P = 1, D = 1 of 2 → 100·0/2 = 0.
    expect(await surveyOf(ws, "nps", [10, 0])).toMatchObject({ n: 2, nps: 0, benchmark: "poor" });
    // P = 2, D = 1 of 5 → 100·1/5 = 20.
    expect(await surveyOf(ws, "nps", [10, 9, 8, 7, 6])).toMatchObject({ n: 5, nps: 20, benchmark: "healthy" });
    // P = 1, D = 0 of 2 → 50.
    expect(await surveyOf(ws, "nps", [10, 8])).toMatchObject({ n: 2, nps: 50, benchmark: "good" });
    // P = 7, passives 3 of 10 → 70.
    expect(await surveyOf(ws, "nps", [...repeat(9, 7), ...repeat(7, 3)])).toMatchObject({
      n: 10,
      nps: 70,
      benchmark: "excellent",
    });
    // P = 8, passives 2 of 10 → 80, above 70.
    expect(await surveyOf(ws, "nps", [...repeat(10, 8), ...repeat(8, 2)])).toMatchObject({
      nps: 80,
      benchmark: "world-class",
    });
  });

  it("bands CSAT as < 60 critical, [60, 75) fair, [75, 85] good, > 85 excellent", async () => {
    const ws = await createWorkspace();
    // 3 satisfied of 5 → 60.
    expect(await surveyOf(ws, "csat", [5, 4, 4, 3, 1])).toMatchObject({ n: 5, csat: 60, benchmark: "fair" });
    // 3 of 4 → 75.
    expect(await surveyOf(ws, "csat", [5, 5, 4, 2])).toMatchObject({ n: 4, csat: 75, benchmark: "good" });
    // 17 of 20 → 85.
    expect(await surveyOf(ws, "csat", [...repeat(4, 17), ...repeat(3, 3)])).toMatchObject({
      n: 20,
      csat: 85,
      benchmark: "good",
    });
    // 6 of 7 → 85.71…
    expect(await surveyOf(ws, "csat", [...repeat(5, 6), 1])).toMatchObject({ benchmark: "excellent" });
  });

  it("calls an effort5 mean of exactly 2 good, and 2.5 not", async () => {
    const ws = await createWorkspace();
    expect(await surveyOf(ws, "ces", [1, 3], "effort5")).toMatchObject({
      n: 2,
      scale: "effort5",
      mean: 2,
      easy_pct: 50,
      benchmark: "good",
    });
    expect(await surveyOf(ws, "ces", [2, 3], "effort5")).toMatchObject({ mean: 2.5, benchmark: "high-effort" });
  });

  it("ends an interval exactly at its figure for 0 of n and n of n", async () => {
    const ws = await createWorkspace();
    const allPromoters = await surveyOf(ws, "nps", [10, 9, 10]);
    expect(allPromoters).toMatchObject({ nps: 100, benchmark: "world-class" });
    expect(allPromoters.ci95[1]).toBe(100);
    const allDetractors = await surveyOf(ws, "nps", [0, 6, 3]);
    expect(allDetractors).toMatchObject({ nps: -100, benchmark: "poor" });
    expect(allDetractors.ci95[0]).toBe(-100);
    const allSatisfied = await surveyOf(ws, "csat", [5, 4, 5, 4]);
    expect(allSatisfied).toMatchObject({ csat: 100, benchmark: "excellent" });
    expect(allSatisfied.ci95[1]).toBe(100);
    const noneSatisfied = await surveyOf(ws, "csat", [1, 3, 2, 3]);
    expect(noneSatisfied).toMatchObject({ csat: 0, benchmark: "critical" });
    expect(noneSatisfied.ci95[0]).toBe(0);
  });
});

describe("Scores, responses, CSV and the dashboard summary agree on one selection", () => {
  it("keeps a changed answer on the local day it was first submitted, in every read", async () => {
    const ws = await createWorkspace("Paris shop", "Europe/Paris");
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }], comment: true });
    await importItems(ws, [
      // 23:30 UTC on the 9th is 00:30 on the 10th in Paris (UTC+1 in March before the switch).
      { survey_id: survey, ticket_id: "D-A", answers: { nps: 10, csat: 5 }, submitted_at: "2026-03-09T23:30:00Z" },
      // 22:30 UTC is still the 9th in Paris.
      { survey_id: survey, ticket_id: "D-B", answers: { nps: 3, csat: 1 }, submitted_at: "2026-03-09T22:30:00Z" },
      { survey_id: survey, ticket_id: "D-C", answers: { nps: 8 }, submitted_at: "2026-03-11T10:00:00Z" },
    ]);
    // D-A's customer changes their mind today: the answer changes, its day does not.
    const again = await invite(ws, { survey_id: survey, ticket_id: "D-A" });
    expect((await answer(again.token, { nps: 2 })).status).toBe(200);

    const read = async (query: string) => {
      const scores = await call("GET", `/v1/scores?metric=nps&${query}`, { key: ws.key });
      const list = await call("GET", `/v1/responses?${query}`, { key: ws.key });
      const csv = await call("GET", `/v1/responses.csv?${query}`, { key: ws.key });
      const summary = await call("GET", `/v1/dashboard/summary?${query}`, { key: ws.key });
      for (const r of [scores, list, csv, summary]) expect(r.status).toBe(200);
      const [header = [], ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ""), ",");
      const column = (name: string) => header.indexOf(name);
      return {
        scores: scores.body,
        summaryNps: summary.body.nps,
        listed: list.body.items.map((i: { ticket_id: string; answers: { nps?: number } }) => [
          i.ticket_id,
          i.answers.nps,
        ]),
        csv: rows.map((r) => [r[column("ticket_id")], Number(r[column("nps")])]),
      };
    };

    // The 10th in Paris: D-A alone, with its changed answer (a detractor).
    const tenth = await read("from=2026-03-10&to=2026-03-11");
    expect(tenth.scores).toMatchObject({ n: 1, nps: -100, detractors: { count: 1, pct: 100 } });
    expect(tenth.summaryNps).toEqual(tenth.scores);
    expect(tenth.listed).toEqual([["D-A", 2]]);
    expect(tenth.csv).toEqual(tenth.listed);

    // The 9th: D-B alone.
    const ninth = await read("from=2026-03-09&to=2026-03-10");
    expect(ninth.scores).toMatchObject({ n: 1, nps: -100 });
    expect(ninth.summaryNps).toEqual(ninth.scores);
    expect(ninth.listed).toEqual([["D-B", 3]]);
    expect(ninth.csv).toEqual(ninth.listed);

    // From the 10th on: D-A (2) and D-C (8): P = 0, passives 1, D = 1 → −50; newest first in the lists.
    const since = await read("from=2026-03-10");
    expect(since.scores).toMatchObject({ n: 2, nps: -50, passives: { count: 1 }, detractors: { count: 1 } });
    expect(since.summaryNps).toEqual(since.scores);
    expect(since.listed).toEqual([
      ["D-C", 8],
      ["D-A", 2],
    ]);
    expect(since.csv).toEqual(since.listed);
    // Grouped by day, the same days.
    const byDay = await call("GET", "/v1/scores?metric=nps&group_by=day", { key: ws.key });
    expect(byDay.body.groups.map((g: { key: string; n: number; nps: number }) => [g.key, g.n, g.nps])).toEqual([
      ["2026-03-09", 1, -100],
      ["2026-03-10", 1, -100],
      ["2026-03-11", 1, 0],
    ]);
  });
});

/** Wilson score interval of k/n, written out again so the test does not trust the code under test. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

describe("Targets: a met target that the interval does not yet make certain", () => {
  it("gives met, certain false and the n_needed an independent Wilson search finds, for min and for max", async () => {
    const ws = await createWorkspace();
    // 9 satisfied of 10 → CSAT 90 %.
    for (let i = 0; i < 10; i++) {
      const { token } = await invite(ws, { ticket_id: `M-${i}` });
      expect((await answer(token, { csat: i < 9 ? 5 : 2 })).status).toBe(201);
    }
    const put = await call("PUT", "/v1/targets", {
      key: ws.key,
      body: {
        targets: [
          { metric: "csat", min: 80, period: "month" },
          { metric: "csat", max: 95, period: "month" },
        ],
      },
    });
    expect(put.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const res = await call("GET", `/v1/targets/report?period=${month}`, { key: ws.key });
    expect(res.status).toBe(200);
    const [atLeast, atMost] = res.body.items;
    const [low, high] = wilson(9, 10);
    for (const item of [atLeast, atMost]) {
      expect(item).toMatchObject({ value: 90, n: 10, status: "met", certain: false });
      expect(item.ci95[0]).toBeCloseTo(100 * low, 9);
      expect(item.ci95[1]).toBeCloseTo(100 * high, 9);
    }
    // The first n at which 90 % of n answers has its whole interval at or above 80 %…
    let n = 10;
    while (wilson(0.9 * n, n)[0] < 0.8) n++;
    expect(atLeast.n_needed).toBe(n);
    // …and at or under 95 %.
    let m = 10;
    while (wilson(0.9 * m, m)[1] > 0.95) m++;
    expect(atMost.n_needed).toBe(m);
    expect([n, m]).toEqual([62, 73]);
  });
});

/** Adjusted-Wald NPS interval (Rocks 2016) in points, written out again from the contract's formula. */
function adjustedWald(promoters: number, detractors: number, n: number): [number, number] {
  const z = 1.96;
  const m = n + 3;
  const p = (promoters + 0.75) / m;
  const d = (detractors + 0.75) / m;
  const half = z * Math.sqrt((p + d - (p - d) ** 2) / m);
  return [Math.max(-100, 100 * (p - d - half)), Math.min(100, 100 * (p - d + half))];
}

describe("Targets on NPS and repurchase, measured in a closed month", () => {
  it("gives an NPS target its adjusted-Wald interval and the n_needed at the same shares", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }] });
    // September 2026: P = 6, passives 2, D = 2 of 10 → NPS 40.
    await importItems(
      ws,
      [10, 10, 9, 9, 10, 9, 8, 7, 6, 0].map((nps, i) => ({
        survey_id: survey,
        ticket_id: `N-${i}`,
        answers: { nps },
        submitted_at: `2026-09-${String(10 + i).padStart(2, "0")}T12:00:00Z`,
      })),
    );
    // An answer of October is not September's.
    await importItems(ws, [
      { survey_id: survey, ticket_id: "N-oct", answers: { nps: 0 }, submitted_at: "2026-10-01T12:00:00Z" },
    ]);
    expect(
      (
        await call("PUT", "/v1/targets", {
          key: ws.key,
          body: { targets: [{ metric: "nps", min: 30, period: "month" }] },
        })
      ).status,
    ).toBe(200);
    const res = await call("GET", "/v1/targets/report?period=2026-09", { key: ws.key });
    expect(res.status).toBe(200);
    const [item] = res.body.items;
    expect(item).toMatchObject({ period: "2026-09", value: 40, n: 10, status: "met", certain: false });
    const [low, high] = adjustedWald(6, 2, 10);
    expect(item.ci95[0]).toBeCloseTo(low, 9);
    expect(item.ci95[1]).toBeCloseTo(high, 9);
    let n = 10;
    while (adjustedWald(0.6 * n, 0.2 * n, n)[0] < 30) n++;
    expect(item.n_needed).toBe(n);
  });

  it("measures a repurchase target as the repurchased share of the month's eligible interactions, in percent", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    const closed = (ticket: string, email: string, at: string) =>
      sendStandard(ws, { type: "interaction.closed", data: { ticket_id: ticket, customer: { email }, closed_at: at } });
    const order = (id: string, email: string, at: string) =>
      sendStandard(ws, {
        type: "order.created",
        data: { order_id: id, customer: { email }, placed_at: at, total: "20.00", currency: "EUR" },
      });
    for (const who of ["a", "b", "c", "d"]) {
      expect((await closed(`R-${who}`, `${who}@x.io`, "2026-09-10T09:00:00Z")).status).toBe(200);
    }
    expect((await closed("R-e", "e@x.io", "2026-10-01T09:00:00Z")).status).toBe(200); // October's
    await order("O-a", "a@x.io", "2026-09-15T09:00:00Z"); // 5 days after: counts
    await order("O-b", "b@x.io", "2026-10-10T09:00:00Z"); // 30 days after to the minute: counts
    await order("O-d", "d@x.io", "2026-10-10T09:00:01Z"); // one second past the window: does not
    await order("O-e", "e@x.io", "2026-10-02T09:00:00Z"); // October's interaction
    const put = await call("PUT", "/v1/targets", {
      key: ws.key,
      body: { targets: [{ metric: "repurchase", min: 60, period: "month" }] },
    });
    expect(put.status).toBe(200);
    const res = await call("GET", "/v1/targets/report?period=2026-09", { key: ws.key });
    const [item] = res.body.items;
    // 2 of 4 eligible → 50 %, under 60: missed.
    expect(item).toMatchObject({ value: 50, n: 4, status: "missed", certain: false });
    const [low, high] = wilson(2, 4);
    expect(item.ci95[0]).toBeCloseTo(100 * low, 9);
    expect(item.ci95[1]).toBeCloseTo(100 * high, 9);
    let n = 4;
    while (wilson(0.5 * n, n)[1] >= 0.6) n++;
    expect(item.n_needed).toBe(n);
    // The same month through the repurchase read: the same counts.
    const read = await call("GET", "/v1/repurchase?from=2026-09-01&to=2026-10-01", { key: ws.key });
    expect(read.body).toMatchObject({ eligible: 4, repurchased: 2, rate: 0.5, revenue: { EUR: "40.00" } });
  });
});

describe("Bad filters on the read routes", () => {
  it("refuses reversed or equal days on the response list and the CSV with a 422 naming `to`", async () => {
    const ws = await createWorkspace();
    const { token } = await invite(ws, { ticket_id: "R-1" });
    await answer(token, { csat: 5 });
    for (const path of ["/v1/responses", "/v1/responses.csv"]) {
      for (const q of ["from=2026-03-11&to=2026-03-10", "from=2026-03-10&to=2026-03-10"]) {
        const res = await call("GET", `${path}?${q}`, { key: ws.key });
        expect(res.status, `${path}?${q}`).toBe(422);
        expect(res.body.error.code).toBe("invalid_fields");
        expect(res.body.error.details).toEqual([expect.objectContaining({ path: "to" })]);
      }
    }
  });

  it("refuses a customer_tenure or value_tier that is not one of its values, on every read the contract lets filter by them", async () => {
    const ws = await createWorkspace();
    const routes = ["/v1/scores?metric=nps&", "/v1/response-rate?", "/v1/repurchase?", "/v1/dashboard/summary?"];
    for (const route of routes) {
      for (const [field, value] of [
        ["customer_tenure", "new"],
        ["value_tier", "vip"],
      ] as const) {
        const res = await call("GET", `${route}${field}=${value}`, { key: ws.key });
        expect(res.status, `${route}${field}=${value}`).toBe(422);
        expect(res.body.error.details).toEqual([expect.objectContaining({ path: field })]);
      }
      // Every value the contract names is accepted.
      for (const q of [
        "customer_tenure=first_order",
        "customer_tenure=loyal",
        "value_tier=unknown",
        "value_tier=high",
      ]) {
        expect((await call("GET", `${route}${q}`, { key: ws.key })).status, `${route}${q}`).toBe(200);
      }
    }
  });

  it("answers 404 for a response rate of another workspace's survey, as the score read does", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    await invite(theirs, { ticket_id: "X-1" });
    for (const path of ["/v1/response-rate", "/v1/scores?metric=csat"]) {
      const sep = path.includes("?") ? "&" : "?";
      const res = await call("GET", `${path}${sep}survey_id=${theirs.defaultSurveyId}`, { key: mine.key });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const own = await call("GET", `/v1/response-rate?survey_id=${theirs.defaultSurveyId}`, { key: theirs.key });
    expect(own.body).toMatchObject({ invited: 1, answered: 0, rate: 0 });
  });
});

describe("Follow-up rules that no answer can match", () => {
  it("are a 422 naming the bound at fault, and the rules in force stay", async () => {
    const ws = await createWorkspace();
    const put = (rules: unknown) => call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules } });
    const mine = [{ metric: "csat", max: 3, channel: "email" }];
    expect((await put(mine)).status).toBe(200);
    const cases: [unknown, string][] = [
      [{ metric: "nps", min: 11 }, "rules.0.min"],
      [{ metric: "csat", max: 0 }, "rules.0.max"],
      [{ metric: "nps", min: 8, max: 3 }, "rules.0.min"],
      [{ metric: "ces", ces_scale: "effort5", min: 6 }, "rules.0.min"],
      [{ metric: "csat", min: 2, max: -1 }, "rules.0.max"],
    ];
    for (const [rule, path] of cases) {
      const res = await put([rule]);
      expect(res.status, JSON.stringify(rule)).toBe(422);
      expect(res.body.error.code).toBe("invalid_fields");
      expect(res.body.error.details).toEqual([expect.objectContaining({ path })]);
    }
    expect((await call("GET", "/v1/follow-up-rules", { key: ws.key })).body.rules).toEqual(mine);
  });
});

describe("An imported answer answered again live", () => {
  it("keeps the segments the import recorded when the new invitation omits them, and moves when it names others", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }] });
    await importItems(ws, [
      {
        survey_id: survey,
        ticket_id: "I-1",
        answers: { csat: 2 },
        submitted_at: "2026-03-02T12:00:00Z",
        channel: "email",
        agent: "Léa",
      },
    ]);
    const segmentsNow = async () => {
      const listed = await call("GET", "/v1/responses", { key: ws.key });
      const [item] = listed.body.items;
      const byChannel = await call("GET", "/v1/scores?metric=csat&group_by=channel", { key: ws.key });
      return {
        listed: [item.channel, item.agent, item.answers.csat],
        groups: byChannel.body.groups.map((g: { key: string | null; n: number }) => [g.key, g.n]),
      };
    };
    // Invited again without segments: the invitation "keeps the recorded values", so the answer stays on e-mail.
    const again = await invite(ws, { survey_id: survey, ticket_id: "I-1" });
    expect((await answer(again.token, { csat: 5 })).status).toBe(200);
    expect(await segmentsNow()).toEqual({ listed: ["email", "Léa", 5], groups: [["email", 1]] });
    // Invited on chat: the answer moves with the ticket.
    const moved = await invite(ws, { survey_id: survey, ticket_id: "I-1", channel: "chat" });
    expect((await answer(moved.token, { csat: 4 })).status).toBe(200);
    expect(await segmentsNow()).toEqual({ listed: ["chat", "Léa", 4], groups: [["chat", 1]] });
  });
});
