/**
 * The values each segment filter of the dashboard can offer: the distinct
 * channels, request types, teams and agents the score rollups hold (score_histograms). One
 * statement, one `SELECT … GROUP BY` per dimension on that dimension's own grain
 * (worker/domain/segments.ts), so the cost follows that grain's rows, never the
 * answers.
 */

import type { Database } from "../db";
import { grainOf, type SegmentDimension } from "../domain/segments";

/** The dimensions the dashboard filters on (the shop-derived segments are group-bys there). */
export const FILTER_DIMENSIONS = [
  "channel",
  "request_type",
  "team",
  "agent",
] as const satisfies readonly SegmentDimension[];
type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export type SegmentValues = Record<FilterDimension, string[]>;

export async function readSegmentValues(
  { $client: db }: Database,
  workspaceId: string,
): Promise<{ values: SegmentValues; rowsRead: number }> {
  // Dimension names are fixed identifiers (columns of score_histograms): only these are spliced into the SQL.
  const parts = FILTER_DIMENSIONS.map(
    (d) =>
      `SELECT '${d}' AS d, ${d} AS v FROM score_histograms WHERE workspace_id = ? AND grain = ? AND ${d} != '' GROUP BY v`,
  );
  const params = FILTER_DIMENSIONS.flatMap((d) => [workspaceId, grainOf([d])]);
  const result = await db
    .prepare(parts.join("\nUNION ALL\n"))
    .bind(...params)
    .all<{ d: FilterDimension; v: string }>();
  const values: SegmentValues = { channel: [], request_type: [], team: [], agent: [] };
  for (const row of result.results ?? []) values[row.d].push(row.v);
  for (const list of Object.values(values)) list.sort((a, b) => a.localeCompare(b));
  return { values, rowsRead: result.meta?.rows_read ?? 0 };
}
