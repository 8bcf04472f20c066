import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import { createSurvey, createWorkspace } from "./helpers";

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
  it("counts the response, its indexes and one rollup upsert per grain per answered metric", async () => {
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
    const perUpsert = (one - bare) / ROLLUP_GRAINS.length;
    // The response row and its indexes: table, id, (survey, source, ticket), newest, interaction, day.
    expect(bare).toBe(6);
    expect(Number.isInteger(perUpsert)).toBe(true);
    // Each rollup upsert writes two b-trees: the WITHOUT ROWID table (its key is the read
    // path) and score_rollups_segment_read. Before issue 16 it was four (rowid table, key,
    // two read indexes) for each of 4 grains: 16 rows per metric, against 14 now for 7 grains.
    expect(perUpsert).toBe(2);
    expect(three - bare).toBe(3 * (one - bare));
  });
});
