import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { localDay } from "../../worker/domain/local-day";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { seedResponses } from "../support/worker/scores-seed";

const scores = (ws: TestWorkspace, query: string) => call("GET", `/v1/scores?${query}`, { key: ws.key });

async function npsSurvey(ws: TestWorkspace) {
  return createSurvey(ws, { questions: [{ type: "nps" }], comment: true });
}

describe("GET /v1/scores: access", () => {
  it("needs a key with the read scope", async () => {
    const ws = await createWorkspace();
    expect((await call("GET", "/v1/scores?metric=nps")).status).toBe(401);
    const writeOnly = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "w", scopes: ["write"] } });
    expect(writeOnly.status).toBe(201);
    const res = await call("GET", "/v1/scores?metric=nps", { key: writeOnly.body.api_key });
    expect(res.status).toBe(403);
  });

  it("answers 404 for another workspace's survey and shows none of its answers", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const inv = await invite(theirs, { ticket_id: "X-1" });
    await answer(inv.token, { csat: 5 });
    const res = await scores(mine, `metric=csat&survey_id=${theirs.defaultSurveyId}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect((await scores(mine, "metric=csat")).body.n).toBe(0);
  });
});

describe("GET /v1/scores: figures", () => {
  it("returns the contract's NPS fields and units, from answers posted through the API", async () => {
    const ws = await createWorkspace();
    const survey = await npsSurvey(ws);
    for (const [i, value] of [10, 9, 7, 3].entries()) {
      const inv = await invite(ws, { survey_id: survey, ticket_id: `N-${i}` });
      expect((await answer(inv.token, { nps: value })).status).toBe(201);
    }
    const res = await scores(ws, "metric=nps");
    expect(res.status).toBe(200);
    // P = 2, passives = 1, D = 1, n = 4: nps = 100·(2−1)/4 = 25; pct 50/25/25.
    // Wald: p = .5, d = .25: .75 − .0625 = .6875; /4 = .171875; sqrt = .4145781; ·196 = 81.2573074.
    // Adjusted: n' = 7, p' = 2.75/7, d' = 1.75/7, centre 1/7; p'+d' − (1/7)² = 4.5/7 − 1/49 = .6224490;
    //   /7 = .0889213; sqrt = .2981968; ·1.96 = .5844657 → 100·(.1428571 ∓ .5844657) = [−44.1608, 72.7323].
    expect(res.body).toEqual({
      n: 4,
      nps: 25,
      promoters: { count: 2, pct: 50 },
      passives: { count: 1, pct: 25 },
      detractors: { count: 1, pct: 25 },
      margin_of_error: expect.closeTo(81.2573073637073, 9),
      ci95: [expect.closeTo(-44.16084249909554, 9), expect.closeTo(72.7322710705241, 9)],
      benchmark: "good",
    });
    expect(res.body.groups).toBeUndefined();
    // One Server-Timing name for D1 reads across the API: `d1`.
    expect(res.headers.get("server-timing")).toMatch(/^d1;dur=\d+(\.\d)?;desc="rows_read=\d+"$/);
  });

  it("returns CSAT with mean, distribution and a Wilson interval in percent", async () => {
    const ws = await createWorkspace();
    for (const [i, value] of [5, 4, 3, 1].entries()) {
      const inv = await invite(ws, { ticket_id: `C-${i}` });
      await answer(inv.token, { csat: value });
    }
    const res = await scores(ws, "metric=csat");
    // 2 satisfied of 4 → 50%; mean 13/4 = 3.25.
    // Wilson p = .5, n = 4: denominator 1.9604, centre (.5 + .4802)/1.9604 = .5;
    //   half 1.96/1.9604 · sqrt(.0625 + .060025) = .9997960 · .3500357 = .3499643 → [15.00357, 84.99643].
    expect(res.body).toEqual({
      n: 4,
      csat: 50,
      mean: 3.25,
      distribution: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 },
      ci95: [expect.closeTo(15.00357, 5), expect.closeTo(84.99643, 5)],
      benchmark: "critical",
    });
  });

  it("gives nulls, never zeros or NaN, for an empty selection of each metric", async () => {
    const ws = await createWorkspace();
    const nps = await scores(ws, "metric=nps");
    expect(nps.status).toBe(200);
    expect(nps.body).toMatchObject({ n: 0, nps: null, margin_of_error: null, ci95: null, benchmark: null });
    expect(nps.body.promoters).toEqual({ count: 0, pct: null });
    expect((await scores(ws, "metric=csat")).body).toMatchObject({ n: 0, csat: null, mean: null, ci95: null });
    expect((await scores(ws, "metric=ces")).body).toMatchObject({ n: 0, mean: null, easy_pct: null, benchmark: null });
    expect(nps.text).not.toContain("NaN");
  });

  it("keeps the scores exact while answers change, and a ticket counted once per survey", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }] });
    const inv = await invite(ws, { survey_id: survey, ticket_id: "CH-1", channel: "email" });
    await answer(inv.token, { nps: 10, csat: 5 });
    expect((await scores(ws, "metric=nps")).body).toMatchObject({ n: 1, nps: 100 });

    // The customer changes their mind: the promoter becomes a detractor, not a second answer.
    expect((await answer(inv.token, { nps: 3 })).status).toBe(200);
    const after = await scores(ws, "metric=nps");
    expect(after.body).toMatchObject({ n: 1, nps: -100, promoters: { count: 0 }, detractors: { count: 1 } });
    // The CSAT answer it did not repeat stays.
    expect((await scores(ws, "metric=csat")).body).toMatchObject({ n: 1, csat: 100 });

    // The ticket moves to another channel; answering again moves its count with it.
    const moved = await invite(ws, { survey_id: survey, ticket_id: "CH-1", channel: "chat" });
    await answer(moved.token, { nps: 8 });
    const byChannel = await scores(ws, "metric=nps&group_by=channel");
    expect(byChannel.body.n).toBe(1);
    expect(byChannel.body.groups).toEqual([expect.objectContaining({ key: "chat", n: 1, nps: 0 })]);
    // Same answer again: nothing moves.
    await answer(moved.token, { nps: 8 });
    expect((await scores(ws, "metric=nps")).body).toMatchObject({ n: 1, passives: { count: 1 } });
    // With the agent grain too.
    expect((await scores(ws, "metric=nps&group_by=agent")).body.groups).toEqual([
      expect.objectContaining({ key: null, n: 1 }),
    ]);

    // Rollups agree with the responses table in every grain.
    const check = await env.DB.prepare(
      `SELECT grain, SUM(count) AS c FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND metric = 'nps' GROUP BY grain`,
    )
      .bind(ws.id)
      .all<{ grain: string; c: number }>();
    expect(Object.fromEntries(check.results.map((r) => [r.grain, r.c]))).toEqual(
      Object.fromEntries(ROLLUP_GRAINS.map((g) => [g, 1])),
    );

    // Erasing the response takes it out of every grain.
    await env.DB.prepare("DELETE FROM responses WHERE workspace_id = ?").bind(ws.id).run();
    const left = await env.DB.prepare("SELECT COUNT(*) AS c FROM score_histograms WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{ c: number }>();
    expect(left?.c).toBe(0);
    expect((await scores(ws, "metric=nps")).body).toMatchObject({ n: 0, nps: null });
  });

  it("checks many changes against a recount of the answers", async () => {
    const ws = await createWorkspace();
    const survey = await npsSurvey(ws);
    const tokens = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => (await invite(ws, { survey_id: survey, ticket_id: `M-${i}` })).token),
    );
    const latest = new Map<number, number>();
    // A fixed pseudo-random walk of (ticket, answer) pairs.
    for (let step = 0; step < 30; step++) {
      const t = (step * 7) % 6;
      const v = (step * 5 + 3) % 11;
      await answer(tokens[t]!, { nps: v });
      latest.set(t, v);
    }
    const values = [...latest.values()];
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    const res = await scores(ws, "metric=nps");
    expect(res.body.n).toBe(6);
    expect(res.body.promoters.count).toBe(promoters);
    expect(res.body.detractors.count).toBe(detractors);
    expect(res.body.nps).toBeCloseTo((100 * (promoters - detractors)) / 6, 12);
  });
});

describe("GET /v1/scores: CES scales", () => {
  it("uses the scale of the answers, and refuses to average two scales together", async () => {
    const ws = await createWorkspace();
    const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7" });
    const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
    // Before any answer, the workspace's surveys disagree: no scale to name.
    expect((await scores(ws, "metric=ces")).body).toMatchObject({ n: 0, scale: null });
    expect((await scores(ws, `metric=ces&survey_id=${effort}`)).body).toMatchObject({ n: 0, scale: "effort5" });

    await seedResponses(ws.id, [
      { surveyId: agree, day: "2026-03-02", ces: 6 },
      { surveyId: agree, day: "2026-03-02", ces: 3 },
      { surveyId: effort, day: "2026-03-09", ces: 1 },
      { surveyId: effort, day: "2026-03-09", ces: 2 },
      { surveyId: effort, day: "2026-03-09", ces: 4 },
    ]);
    const mixed = await scores(ws, "metric=ces");
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.code).toBe("mixed_ces_scales");
    expect(mixed.body.error.details[0].path).toBe("survey_id");
    expect(mixed.body.error.details[0].message).toContain(effort);

    // One survey: its scale. effort5 1,2,4: mean 7/3, easy 2/3 → 66.67%, mean > 2 → high-effort.
    const e = await scores(ws, `metric=ces&survey_id=${effort}`);
    expect(e.body).toEqual({
      n: 3,
      scale: "effort5",
      mean: expect.closeTo(7 / 3, 12),
      easy_pct: expect.closeTo(200 / 3, 12),
      distribution: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 0 },
      benchmark: "high-effort",
    });
    // A date range holding only agree7 answers is fine without survey_id. 6,3: mean 4.5, easy 50%.
    const a = await scores(ws, "metric=ces&from=2026-03-01&to=2026-03-08");
    expect(a.body).toMatchObject({ n: 2, scale: "agree7", mean: 4.5, easy_pct: 50, benchmark: "high-effort" });
    expect(Object.keys(a.body.distribution)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });
});

describe("GET /v1/scores: filters and groups", () => {
  async function seeded() {
    const ws = await createWorkspace();
    const survey = await npsSurvey(ws);
    await seedResponses(ws.id, [
      // Sunday of ISO week 2026-W09, and the last day of February.
      {
        surveyId: survey,
        day: "2026-03-01",
        nps: 10,
        channel: "email",
        agent: "ana",
        team: "fr",
        requestType: "refund",
      },
      // Monday of 2026-W10.
      { surveyId: survey, day: "2026-03-02", nps: 0, channel: "email", agent: "bob", team: "fr" },
      { surveyId: survey, day: "2026-03-02", nps: 9, channel: "chat", agent: "ana", team: "es" },
      { surveyId: survey, day: "2026-03-08", nps: 7, agent: "bob" },
      { surveyId: survey, day: "2026-04-01", nps: 10, channel: "chat", agent: "cy", team: "es", requestType: "refund" },
    ]);
    // A CSAT answer on the default survey must not leak into NPS.
    await seedResponses(ws.id, [{ surveyId: ws.defaultSurveyId, day: "2026-03-02", csat: 1 }]);
    return { ws, survey };
  }

  it("filters on days, from inclusive and to exclusive", async () => {
    const { ws } = await seeded();
    expect((await scores(ws, "metric=nps&from=2026-03-02&to=2026-03-08")).body.n).toBe(2);
    expect((await scores(ws, "metric=nps&from=2026-03-02&to=2026-03-09")).body.n).toBe(3);
    expect((await scores(ws, "metric=nps&from=2026-03-02")).body.n).toBe(4);
    expect((await scores(ws, "metric=nps&to=2026-03-02")).body.n).toBe(1);
  });

  it("filters on channel, request type, agent, team and survey", async () => {
    const { ws, survey } = await seeded();
    expect((await scores(ws, "metric=nps&channel=email")).body).toMatchObject({ n: 2, nps: 0 });
    expect((await scores(ws, "metric=nps&request_type=refund")).body).toMatchObject({ n: 2, nps: 100 });
    expect((await scores(ws, "metric=nps&agent=bob")).body).toMatchObject({ n: 2, nps: -50 });
    expect((await scores(ws, "metric=nps&team=es&agent=ana")).body).toMatchObject({ n: 1, nps: 100 });
    expect((await scores(ws, `metric=nps&survey_id=${survey}`)).body.n).toBe(5);
    expect((await scores(ws, `metric=nps&survey_id=${ws.defaultSurveyId}`)).body.n).toBe(0);
    expect((await scores(ws, "metric=nps&channel=phone")).body).toMatchObject({ n: 0, nps: null });
  });

  it("groups by segment with null for answers without one, the empty segment last", async () => {
    const { ws } = await seeded();
    const res = await scores(ws, "metric=nps&group_by=channel");
    expect(res.body.n).toBe(5);
    expect(res.body.groups.map((g: any) => [g.key, g.n, g.nps])).toEqual([
      ["chat", 2, 100],
      ["email", 2, 0],
      [null, 1, 0],
    ]);
    // Every group carries the full figures and its benchmark.
    expect(res.body.groups[0]).toMatchObject({ promoters: { count: 2, pct: 100 }, benchmark: "world-class" });
    expect(res.body.groups[0].ci95).toHaveLength(2);
    const agents = await scores(ws, "metric=nps&group_by=agent&channel=email");
    expect(agents.body.groups.map((g: any) => [g.key, g.n])).toEqual([
      ["ana", 1],
      ["bob", 1],
    ]);
    const teams = await scores(ws, "metric=nps&group_by=team");
    expect(teams.body.groups.map((g: any) => g.key)).toEqual(["es", "fr", null]);
    const types = await scores(ws, "metric=nps&group_by=request_type");
    expect(types.body.groups.map((g: any) => [g.key, g.n])).toEqual([
      ["refund", 2],
      [null, 3],
    ]);
  });

  it("groups by survey, day, ISO week and month", async () => {
    const { ws, survey } = await seeded();
    const bySurvey = await scores(ws, "metric=nps&group_by=survey");
    expect(bySurvey.body.groups.map((g: any) => [g.key, g.n])).toEqual([[survey, 5]]);
    const days = await scores(ws, "metric=nps&group_by=day");
    expect(days.body.groups.map((g: any) => [g.key, g.n])).toEqual([
      ["2026-03-01", 1],
      ["2026-03-02", 2],
      ["2026-03-08", 1],
      ["2026-04-01", 1],
    ]);
    // 2026-03-01 is a Sunday (W09); 03-02 and 03-08 are Monday and Sunday of W10; 04-01 is in W14.
    const weeks = await scores(ws, "metric=nps&group_by=week");
    expect(weeks.body.groups.map((g: any) => [g.key, g.n])).toEqual([
      ["2026-W09", 1],
      ["2026-W10", 3],
      ["2026-W14", 1],
    ]);
    const months = await scores(ws, "metric=nps&group_by=month&from=2026-02-01");
    expect(months.body.groups.map((g: any) => [g.key, g.n, g.nps])).toEqual([
      ["2026-03", 4, 25],
      ["2026-04", 1, 100],
    ]);
  });

  it("labels ISO weeks across a year end", async () => {
    const ws = await createWorkspace();
    const survey = await npsSurvey(ws);
    // 2027-01-01 is a Friday: it belongs to 2026-W53.
    await seedResponses(ws.id, [
      { surveyId: survey, day: "2027-01-01", nps: 9 },
      { surveyId: survey, day: "2027-01-04", nps: 9 },
    ]);
    const weeks = await scores(ws, "metric=nps&group_by=week");
    expect(weeks.body.groups.map((g: any) => g.key)).toEqual(["2026-W53", "2027-W01"]);
  });

  it("reads days in the workspace's timezone", async () => {
    // UTC+14: most of the time its day differs from UTC's.
    const ws = await createWorkspace("Kiritimati", "Pacific/Kiritimati");
    const inv = await invite(ws, { ticket_id: "TZ-1" });
    const before = Date.now();
    await answer(inv.token, { csat: 5 });
    const today = localDay(before, "Pacific/Kiritimati");
    const days = await scores(ws, "metric=csat&group_by=day");
    expect(days.body.groups.map((g: any) => g.key)).toEqual([today]);
    expect((await scores(ws, `metric=csat&from=${today}`)).body.n).toBe(1);
    expect((await scores(ws, `metric=csat&to=${today}`)).body.n).toBe(0);
  });
});

describe("GET /v1/scores: bad parameters", () => {
  it("answers 422 with details naming each bad parameter, and never a 500", async () => {
    const ws = await createWorkspace();
    const cases: [string, string[]][] = [
      ["", ["metric"]],
      ["metric=promoters", ["metric"]],
      ["metric=nps&group_by=quarter", ["group_by"]],
      ["metric=nps&from=2026-02-30", ["from"]],
      ["metric=nps&to=yesterday", ["to"]],
      ["metric=nps&from=2026-03-02&to=2026-03-02", ["to"]],
      ["metric=nps&channel=", ["channel"]],
      [`metric=nps&agent=${"x".repeat(300)}`, ["agent"]],
      ["metric=x&group_by=y&from=z", ["metric", "group_by", "from"]],
    ];
    for (const [query, paths] of cases) {
      const res = await scores(ws, query);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe("invalid_fields");
      const named = new Set<string>(res.body.error.details.map((d: any) => d.path));
      expect([...named].sort(), query).toEqual([...paths].sort());
    }
  });

  it("is documented in /openapi.json", async () => {
    const doc = await call("GET", "/openapi.json");
    const op = doc.body.paths["/v1/scores"].get;
    const params = op.parameters.map((p: any) => p.name).sort();
    expect(params).toEqual(
      [
        "agent",
        "channel",
        "customer_tenure",
        "from",
        "group_by",
        "metric",
        "request_type",
        "survey_id",
        "team",
        "to",
        "value_tier",
      ].sort(),
    );
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "422"]));
    expect(doc.body.components.schemas.NpsFigures.properties.ci95).toBeDefined();
  });
});
