import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { database } from "../../worker/db";
import { rankVerbatims } from "../../worker/metrics/weekly";
import { weeklyReport } from "../../worker/services/weekly-report";
import { createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { type SeedResponse, seedResponses } from "../support/worker/scores-seed";
import { databaseOf } from "../support/worker/shards";

// ISO week 2026-W20: Monday 2026-05-11 to Sunday 05-17.
const WEEK = "2026-W20";
const DAYS = ["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14", "2026-05-15", "2026-05-16", "2026-05-17"];

interface Row {
  id: string;
  survey_id: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  submitted_at: number;
  ces_scale: "agree7" | "effort5";
}

/** The ranking as the report made it before: every commented row of the week loaded, ranked in JS. */
async function rankedInJs(ws: TestWorkspace) {
  const { results } = await (await databaseOf(ws.id))
    .prepare(
      `SELECT r.id, r.survey_id, r.nps, r.csat, r.ces, r.submitted_at, s.ces_scale FROM responses r
     JOIN surveys s ON s.id = r.survey_id
     WHERE r.workspace_id = ? AND r.comment IS NOT NULL AND r.submitted_day >= ? AND r.submitted_day <= ?`,
    )
    .bind(ws.id, DAYS[0], DAYS[6])
    .all<Row>();
  const ranked = rankVerbatims(results.map((r) => ({ ...r, submittedAt: r.submitted_at, cesScale: r.ces_scale })));
  return { positive: ranked.positive.map((v) => v.id), negative: ranked.negative.map((v) => v.id) };
}

/** The report, run against a D1 that counts the rows each batched statement hands back. */
async function countedReport(ws: TestWorkspace) {
  const verbatimRows: number[] = [];
  const DB = new Proxy(await databaseOf(ws.id), {
    get(target, key) {
      if (key === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          for (const r of results) {
            const rows = (r.results ?? []) as Record<string, unknown>[];
            if (rows.length && "comment" in rows[0]!) verbatimRows.push(rows.length);
          }
          return results;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const report = await weeklyReport(database(DB), ws.id, WEEK);
  return { report, verbatimRowsLoaded: verbatimRows.reduce((a, b) => a + b, 0) };
}

async function workspaceWithSurveys() {
  const ws = await createWorkspace();
  const mixed = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }], comment: true });
  const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7", comment: true });
  const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5", comment: true });
  return { ws, surveys: [mixed, agree, effort] as const };
}

describe("weekly report verbatims are ranked in SQL with a LIMIT (issue 11 #11)", () => {
  it("a week of 3,000 comments: the same verbatims as ranking them all, and at most 10 rows loaded", async () => {
    const { ws, surveys } = await workspaceWithSurveys();
    const [mixed, agree, effort] = surveys;
    const rows: SeedResponse[] = Array.from({ length: 3000 }, (_, i) => {
      const day = DAYS[i % 7]!;
      // Few distinct scores and clustered instants, so ties on score and on time are common.
      const submittedAt = Date.parse(`${day}T08:00:00Z`) + (i % 13) * 1000;
      const kind = i % 4;
      if (kind === 0) return { surveyId: mixed, day, nps: i % 11, comment: `c${i}`, submittedAt };
      if (kind === 1) return { surveyId: mixed, day, nps: i % 11, csat: 1 + (i % 5), comment: `c${i}`, submittedAt };
      if (kind === 2) return { surveyId: agree, day, ces: 1 + (i % 7), comment: `c${i}`, submittedAt };
      return { surveyId: effort, day, ces: 1 + (i % 5), comment: `c${i}`, submittedAt };
    });
    // Outside the week, and without a comment: never verbatims.
    rows.push({ surveyId: mixed, day: "2026-05-18", nps: 10, comment: "next week" });
    rows.push({ surveyId: mixed, day: "2026-05-12", nps: 10 });
    await seedResponses(ws.id, rows);

    const expected = await rankedInJs(ws);
    const { report, verbatimRowsLoaded } = await countedReport(ws);
    expect(report.verbatims.positive.map((v) => v.id)).toEqual(expected.positive);
    expect(report.verbatims.negative.map((v) => v.id)).toEqual(expected.negative);
    expect(expected.positive).toHaveLength(5);
    expect(verbatimRowsLoaded).toBeLessThanOrEqual(10);
  });

  it("small weeks split exactly as before, whatever the answers (property)", async () => {
    const answer = fc.record({
      survey: fc.nat(2),
      nps: fc.option(fc.integer({ min: 0, max: 10 })),
      csat: fc.option(fc.integer({ min: 1, max: 5 })),
      ces: fc.integer({ min: 1, max: 7 }),
      day: fc.nat(6),
      second: fc.nat(3),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { maxLength: 14 }), async (answers) => {
        const { ws, surveys } = await workspaceWithSurveys();
        await seedResponses(
          ws.id,
          answers.map((a, i) => {
            const day = DAYS[a.day]!;
            const base = { day, comment: `c${i}`, submittedAt: Date.parse(`${day}T09:00:00Z`) + a.second * 1000 };
            if (a.survey === 0)
              return { ...base, surveyId: surveys[0], nps: a.nps ?? undefined, csat: a.csat ?? undefined };
            return { ...base, surveyId: surveys[a.survey]!, ces: a.survey === 2 ? Math.min(a.ces, 5) : a.ces };
          }),
        );
        const expected = await rankedInJs(ws);
        const { report, verbatimRowsLoaded } = await countedReport(ws);
        expect(report.verbatims.positive.map((v) => v.id)).toEqual(expected.positive);
        expect(report.verbatims.negative.map((v) => v.id)).toEqual(expected.negative);
        expect(verbatimRowsLoaded).toBeLessThanOrEqual(10);
      }),
      { numRuns: 25 },
    );
  });
});
