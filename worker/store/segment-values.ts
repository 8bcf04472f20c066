/**
 * The values each segment filter can offer: the distinct channels, request
 * types, teams and agents the score rollups hold. One statement, four
 * `SELECT DISTINCT`s each on the coarsest grain that keeps its segment
 * (`grainFor`), so the cost follows that grain's rows, never the answers.
 */

import type { Database } from "../db";
import { grainFor, type ScoreSelection, SEGMENT_KEYS, type SegmentKey } from "./score-reads";

export type SegmentValues = Record<SegmentKey, string[]>;

// Fixed column names: only these are spliced into the SQL.
const COLUMN: Record<SegmentKey, string> = {
  channel: "channel",
  request_type: "request_type",
  team: "team",
  agent: "agent",
};

const SELECTION_FIELD: Record<SegmentKey, "channel" | "requestType" | "team" | "agent"> = {
  channel: "channel",
  request_type: "requestType",
  team: "team",
  agent: "agent",
};

/** The grain that holds one segment (and no other), as the score reads choose it. */
function grainOf(segment: SegmentKey): string {
  const selection: ScoreSelection = { workspaceId: "", metric: "nps", [SELECTION_FIELD[segment]]: "" };
  return grainFor(selection);
}

export async function readSegmentValues(
  { $client: db }: Database,
  workspaceId: string,
): Promise<{ values: SegmentValues; rowsRead: number }> {
  const parts = SEGMENT_KEYS.map(
    (segment) =>
      `SELECT '${segment}' AS d, ${COLUMN[segment]} AS v FROM score_rollups WHERE workspace_id = ? AND grain = ? AND ${COLUMN[segment]} != '' GROUP BY v`,
  );
  const params = SEGMENT_KEYS.flatMap((segment) => [workspaceId, grainOf(segment)]);
  const result = await db
    .prepare(parts.join("\nUNION ALL\n"))
    .bind(...params)
    .all<{ d: SegmentKey; v: string }>();
  const values: SegmentValues = { channel: [], request_type: [], team: [], agent: [] };
  for (const row of result.results ?? []) values[row.d].push(row.v);
  for (const list of Object.values(values)) list.sort((a, b) => a.localeCompare(b));
  return { values, rowsRead: result.meta?.rows_read ?? 0 };
}
