import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { createSurvey, createWorkspace } from "../support/worker/helpers";

/**
 * What one answer writes synchronously (issue 16, "fewer synchronous writes"):
 * D1's rows_written counts every table and index entry the statement and its
 * triggers write. The figures are printed so BENCHMARKS.md can quote them, and
 * bounded so a new trigger or index cannot slip in unnoticed.
 */
async function rowsWritten(sql: string, ...params: unknown[]): Promise<number> {
  const result = await env.DB.prepare(sql)
    .bind(...params)
    .run();
  return result.meta.rows_written ?? Number.NaN;
}

describe("rows one answer writes", () => {
  it("counts the response, its indexes and one rollup upsert per grain, whatever it answered", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }, { type: "ces" }] });
    const insert = `INSERT INTO responses (id, workspace_id, survey_id, ticket_id, nps, csat, ces, submitted_at, submitted_day, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 1, '2026-06-01', 1)`;
    const bare = await rowsWritten(insert, "r0", ws.id, survey, "T0", null, null, null);
    const one = await rowsWritten(insert, "r1", ws.id, survey, "T1", 9, null, null);
    const three = await rowsWritten(insert, "r3", ws.id, survey, "T3", 9, 4, 5);
    // A second answer on the same day and values: the rollup rows exist, each is updated.
    const again = await rowsWritten(insert, "r4", ws.id, survey, "T4", 9, 4, 5);
    const change = await rowsWritten("UPDATE responses SET nps = 3 WHERE id = 'r4'");
    console.log(
      `rows_written: response alone ${bare}; +1 metric ${one}; 3 metrics ${three}; 3 metrics, existing rollup rows ${again}; changed answer ${change}; grains ${ROLLUP_GRAINS.length}`,
    );
    // The response row and its indexes: table, id, (survey, source, ticket), newest, interaction, day.
    expect(bare).toBe(6);
    // Each rollup upsert writes two b-trees per grain: the WITHOUT ROWID table (its key is
    // the read path) and the covering score_histograms_segment_read. One row holds every
    // metric's counts, so three metrics write what one does: 24 rows over 12 grains,
    // against 14 per answered metric over 7 grains before (42 for three, 28 for two).
    expect(one - bare).toBe(2 * ROLLUP_GRAINS.length);
    expect(three - bare).toBe(one - bare);
    // The same when the rows exist (the common case at volume): each is updated in both.
    expect(again - bare).toBe(2 * ROLLUP_GRAINS.length);
  });
});
