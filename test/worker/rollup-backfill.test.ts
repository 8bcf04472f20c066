import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import migration from "../../schema/migrations/0010_single_dimension_rollups.sql?raw";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { createSurvey, createWorkspace } from "./helpers";
import { seedResponses } from "./scores-seed";

/**
 * Migration 0010 on data recorded under the old grains (`seg`, `full`): the
 * single-dimension grains it backfills hold exactly what the new triggers would
 * have written, and the old grains' rows are gone.
 */

/** The statements of 0010 after its triggers: the backfills and the deletion of the old grains. */
const backfill = migration
  .split("--> statement-breakpoint")
  .map((s) => s.trim())
  .filter((s) => /^(INSERT|DELETE)/.test(s));

const grainRows = (workspaceId: string) =>
  env.DB.prepare(
    `SELECT grain, day, survey_id, channel, request_type, agent, team, metric, value, count FROM score_rollups
     WHERE workspace_id = ? ORDER BY grain, day, survey_id, channel, request_type, agent, team, metric, value`,
  )
    .bind(workspaceId)
    .all()
    .then((r) => r.results);

describe("migration 0010 backfills the single-dimension grains", () => {
  it("turns old-grain rows into the rows the new triggers write", async () => {
    expect(backfill.length).toBe(ROLLUP_GRAINS.length - 2 + 1);
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }] });
    const channels = ["email", "chat", ""];
    await seedResponses(
      ws.id,
      Array.from({ length: 120 }, (_, i) => ({
        surveyId: survey,
        day: `2026-05-0${1 + (i % 3)}`,
        nps: i % 11,
        csat: i % 4 === 0 ? undefined : 1 + (i % 5),
        channel: channels[i % 3],
        requestType: i % 2 ? "refund" : "",
        agent: `a${i % 7}`,
        team: i % 5 ? "fr" : "es",
      })),
    );
    const expected = await grainRows(ws.id);

    // The state before 0010: `all` and `agent` as they were, `seg` and `full` instead of the new grains.
    await env.DB.batch([
      env.DB.prepare("DELETE FROM score_rollups WHERE workspace_id = ? AND grain NOT IN ('all', 'agent')").bind(ws.id),
      ...[
        ["seg", "''"],
        ["full", "agent"],
      ].map(([grain, agent]) =>
        env.DB.prepare(
          `INSERT INTO score_rollups (workspace_id, grain, day, survey_id, channel, request_type, team, agent, metric, value, count)
           SELECT workspace_id, '${grain}', submitted_day, survey_id, channel, request_type, team, ${agent}, m.metric,
                  CASE m.metric WHEN 'nps' THEN nps ELSE csat END AS v, COUNT(*)
           FROM responses, (SELECT 'nps' AS metric UNION ALL SELECT 'csat') AS m
           WHERE workspace_id = ? AND v IS NOT NULL
           GROUP BY submitted_day, survey_id, channel, request_type, team, ${agent === "''" ? "" : "agent, "}m.metric, v`,
        ).bind(ws.id),
      ),
    ]);
    const before = await grainRows(ws.id);
    expect(new Set(before.map((r) => r.grain))).toEqual(new Set(["all", "agent", "seg", "full"]));

    await env.DB.batch(backfill.map((sql) => env.DB.prepare(sql)));
    expect(await grainRows(ws.id)).toEqual(expected);
  });
});
