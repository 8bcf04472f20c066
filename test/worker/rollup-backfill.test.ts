import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import migration from "../../schema/migrations/0015_score_histogram_triggers.sql?raw";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { createSurvey, createWorkspace } from "../support/worker/helpers";
import { seedResponses } from "../support/worker/scores-seed";

/**
 * Migration 0015 on answers recorded before it: the histograms it fills from
 * `responses` (every grain, pair grains included) are exactly the rows its
 * triggers write answer by answer.
 */

/** The statements of 0015 after its triggers: one backfill per grain. */
const backfill = migration
  .split("--> statement-breakpoint")
  .map((s) => s.trim())
  .filter((s) => /^INSERT/.test(s));

const histogramRows = (workspaceId: string) =>
  env.DB.prepare(
    "SELECT * FROM score_histograms WHERE workspace_id = ? ORDER BY grain, day, survey_id, channel, request_type, agent, team, customer_tenure, value_tier",
  )
    .bind(workspaceId)
    .all()
    .then((r) => r.results);

describe("migration 0015 backfills the histogram rollups", () => {
  it("fills every grain with the rows the triggers write", async () => {
    expect(backfill.length).toBe(ROLLUP_GRAINS.length);
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }, { type: "ces" }] });
    const channels = ["email", "chat", ""];
    await seedResponses(
      ws.id,
      Array.from({ length: 120 }, (_, i) => ({
        surveyId: survey,
        day: `2026-05-0${1 + (i % 3)}`,
        nps: i % 6 === 0 ? undefined : i % 11,
        csat: i % 4 === 0 ? undefined : 1 + (i % 5),
        ces: i % 3 === 0 ? 1 + (i % 7) : undefined,
        channel: channels[i % 3],
        requestType: i % 2 ? "refund" : "",
        agent: `a${i % 7}`,
        team: i % 5 ? "fr" : "es",
      })),
    );
    // The shop-derived segments, as the customer segment triggers copy them.
    await env.DB.prepare(
      `UPDATE responses SET customer_tenure = CASE rowid % 3 WHEN 0 THEN 'first_order' WHEN 1 THEN 'loyal' ELSE '' END,
         value_tier = CASE rowid % 4 WHEN 0 THEN 'high' WHEN 1 THEN 'low' ELSE '' END WHERE workspace_id = ?`,
    )
      .bind(ws.id)
      .run();
    const expected = await histogramRows(ws.id);
    expect(new Set(expected.map((r) => r.grain))).toEqual(new Set(ROLLUP_GRAINS));

    // The state before 0015: no histogram rows. (Each test file has its own storage,
    // so the backfill, which reads every workspace's answers, sees only this one's.)
    await env.DB.prepare("DELETE FROM score_histograms").run();
    expect(await histogramRows(ws.id)).toEqual([]);
    await env.DB.batch(backfill.map((sql) => env.DB.prepare(sql)));
    expect(await histogramRows(ws.id)).toEqual(expected);
  });
});
