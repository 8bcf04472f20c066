import { describe, expect, it } from "vitest";
import { lastCompleteWeek } from "../../worker/services/weekly-report";
import { call, createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { type SeedResponse, seedResponses } from "../support/worker/scores-seed";

const report = (ws: TestWorkspace, query = "") => call("GET", `/v1/reports/weekly${query}`, { key: ws.key });

// ISO week 2026-W10 runs Monday 2026-03-02 to Sunday 03-08; the week before, W09, from 02-23.
const WEEK = "2026-W10";
const at = (iso: string) => Date.parse(iso);

async function seeded() {
  const ws = await createWorkspace("Weekly", "Pacific/Kiritimati");
  const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }], comment: true });
  const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7" });
  const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
  const times = (n: number, row: (i: number) => SeedResponse) => Array.from({ length: n }, (_, i) => row(i));
  await seedResponses(ws.id, [
    // Previous week: email all promoters, chat all detractors → NPS 0 over 10.
    ...times(5, () => ({ surveyId: survey, day: "2026-02-24", nps: 10, channel: "email" })),
    ...times(5, () => ({ surveyId: survey, day: "2026-02-25", nps: 0, channel: "chat" })),
    // Previous week's comment: must not be a verbatim of this week.
    { surveyId: survey, day: "2026-03-01", nps: 0, comment: "last week's complaint" },
    // This week: the channels swap, and two promoters without a channel.
    ...times(5, (i) => ({
      surveyId: survey,
      day: "2026-03-03",
      nps: 0,
      channel: "email",
      comment: `email was slow ${i}`,
      submittedAt: at("2026-03-03T01:00:00Z") + i,
    })),
    ...times(5, (i) => ({
      surveyId: survey,
      day: "2026-03-04",
      nps: 10,
      channel: "chat",
      comment: `chat was great ${i}`,
      submittedAt: at("2026-03-04T01:00:00Z") + i,
    })),
    // Local Monday 01:00 at UTC+14 is Sunday 11:00 UTC: in this week by its local day.
    {
      surveyId: survey,
      day: "2026-03-02",
      nps: 9,
      comment: "good, early monday",
      submittedAt: at("2026-03-01T11:00:00Z"),
    },
    // Local next Monday, still Sunday in UTC: not in this week.
    { surveyId: survey, day: "2026-03-09", nps: 9, comment: "next week", submittedAt: at("2026-03-08T11:00:00Z") },
    { surveyId: survey, day: "2026-03-05", nps: 9 },
    // CSAT only this week; CES on two scales, one per week.
    { surveyId: survey, day: "2026-03-06", csat: 3, comment: "csat so-so" },
    { surveyId: agree, day: "2026-03-06", ces: 6 },
    { surveyId: effort, day: "2026-02-26", ces: 1 },
  ]);
  return { ws, survey, agree, effort };
}

describe("GET /v1/reports/weekly", () => {
  it("gives each metric with its change from the previous week", async () => {
    const { ws } = await seeded();
    const res = await report(ws, `?week=${WEEK}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      week: WEEK,
      from: "2026-03-02",
      to: "2026-03-09",
      previous_week: { week: "2026-W09", from: "2026-02-23", to: "2026-03-02" },
    });
    const [nps, csat, ...ces] = res.body.metrics;
    // This week: P = 5 + 2 = 7, D = 5, n = 12 → 100·2/12 = 16.67 (the "next week" 9 is not in it).
    // Previous: P = 5, D = 5 + 1 = 6 (Sunday 03-01 detractor), n = 11 → 100·(−1)/11 = −9.09.
    expect(nps).toMatchObject({ metric: "nps", scale: null, headline: "nps" });
    expect(nps.current).toMatchObject({ n: 12, nps: expect.closeTo(200 / 12, 12), benchmark: "healthy" });
    expect(nps.previous).toMatchObject({ n: 11, nps: expect.closeTo(-100 / 11, 12), benchmark: "poor" });
    expect(nps.change).toBeCloseTo(200 / 12 + 100 / 11, 12);
    // CSAT has no answer the week before: no change to report, and nulls, not zeros.
    expect(csat).toMatchObject({ metric: "csat", headline: "csat", change: null });
    expect(csat.current).toMatchObject({ n: 1, csat: 0 });
    expect(csat.previous).toMatchObject({ n: 0, csat: null });
    // CES on two scales: one entry per scale, never averaged together.
    expect(ces.map((c: any) => [c.scale, c.headline, c.current.n, c.previous.n, c.change])).toEqual([
      ["agree7", "easy_pct", 1, 0, null],
      ["effort5", "easy_pct", 0, 1, null],
    ]);
  });

  it("lists the five most positive and five most negative verbatims of the week", async () => {
    const { ws } = await seeded();
    const { positive, negative } = (await report(ws, `?week=${WEEK}`)).body.verbatims;
    // 12 comments this week: 5 chat 10s (score 1), "early monday" 9 (.9), "csat so-so" 3 (.5), 5 email 0s (0).
    expect(positive.map((v: any) => v.comment)).toEqual([
      "chat was great 4",
      "chat was great 3",
      "chat was great 2",
      "chat was great 1",
      "chat was great 0",
    ]);
    expect(positive[0]).toMatchObject({ answers: { nps: 10 }, score: 1, channel: "chat", agent: null });
    expect(negative.map((v: any) => v.comment)).toEqual([
      "email was slow 4",
      "email was slow 3",
      "email was slow 2",
      "email was slow 1",
      "email was slow 0",
    ]);
    expect(negative[0]).toMatchObject({ score: 0, submitted_at: "2026-03-03T01:00:00.004Z" });
    const all = [...positive, ...negative].map((v: any) => v.comment);
    expect(all).not.toContain("last week's complaint");
    expect(all).not.toContain("next week");
  });

  it("names the segments that moved most, with their sample sizes", async () => {
    const { ws } = await seeded();
    const movers = (await report(ws, `?week=${WEEK}`)).body.movers;
    // email: 100 → −100; chat: −100 → 100 (5 answers each week).
    expect(movers.slice(0, 2)).toEqual(
      expect.arrayContaining([
        {
          metric: "nps",
          scale: null,
          dimension: "channel",
          key: "email",
          headline: "nps",
          current: -100,
          previous: 100,
          change: -200,
          n: 5,
          previous_n: 5,
        },
        expect.objectContaining({ dimension: "channel", key: "chat", change: 200 }),
      ]),
    );
    // Answers without a channel (2 this week, 1 before) are too few to call a move.
    expect(movers.find((m: any) => m.dimension === "channel" && m.key === null)).toBeUndefined();
    for (const m of movers) expect(Math.min(m.n, m.previous_n)).toBeGreaterThanOrEqual(5);
    const sizes = movers.map((m: any) => Math.abs(m.change));
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
  });

  it("is empty but well-formed for a quiet week, and defaults to the last complete week", async () => {
    const ws = await createWorkspace("Quiet", "Europe/Paris");
    const res = await report(ws);
    expect(res.status).toBe(200);
    expect(res.body.week).toBe(lastCompleteWeek(Date.now(), "Europe/Paris"));
    expect(res.body.metrics.map((m: any) => [m.metric, m.current.n, m.change])).toEqual([
      ["nps", 0, null],
      ["csat", 0, null],
      ["ces", 0, null],
    ]);
    expect(res.body.verbatims).toEqual({ positive: [], negative: [] });
    expect(res.body.movers).toEqual([]);
  });

  it("refuses bad weeks with a 422 naming week, and needs the read scope", async () => {
    const ws = await createWorkspace();
    for (const bad of ["2026-47", "2026-W00", "2025-W53", "W10", "2026-W10x"]) {
      const res = await report(ws, `?week=${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.body.error.details[0].path).toBe("week");
    }
    expect((await call("GET", "/v1/reports/weekly")).status).toBe(401);
  });

  it("is documented in /openapi.json", async () => {
    const doc = await call("GET", "/openapi.json");
    const op = doc.body.paths["/v1/reports/weekly"].get;
    expect(op.parameters.map((p: any) => p.name)).toEqual(["week"]);
    expect(doc.body.components.schemas.WeeklyReport.properties).toHaveProperty("movers");
    expect(doc.body.components.schemas.Verbatim.properties).toHaveProperty("score");
  });
});
