/**
 * Invited and answered tickets per segment, for the response rate.
 *
 * One aggregate query over `invitations` (one row per ticket and survey), the
 * ticket's segments read from its interaction, "answered" when the survey has
 * a response for that ticket. Days are the local day of the FIRST invitation.
 */

import type { Database } from "../db";
import { isoWeek } from "../domain/local-day";
import { SEGMENT_DIMENSIONS, type SegmentDimension } from "../domain/segments";
import type { ScoreGroupKey } from "./score-reads";

/** Which invitations a read covers; segments are the dimension names of the scores. */
export type RateSelection = {
  workspaceId: string;
  from?: string;
  to?: string;
  surveyId?: string;
} & { [D in SegmentDimension]?: string };

export interface RateRow {
  key: string | null;
  invited: number;
  answered: number;
}

// Only these fixed fragments are spliced into SQL; every client value is bound.
const KEY_SQL: Record<ScoreGroupKey, string> = {
  // Every segment dimension is a column of the ticket's interaction.
  ...(Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, `NULLIF(i.${d}, '')`])) as Record<SegmentDimension, string>),
  survey: "v.survey_id",
  day: "v.invited_day",
  week: "date(v.invited_day, '-6 days', 'weekday 1')",
  month: "substr(v.invited_day, 1, 7)",
};

export async function readResponseRate(
  db: Database,
  selection: RateSelection,
  groupBy?: ScoreGroupKey,
): Promise<{ rows: RateRow[]; rowsRead: number }> {
  const where = ["v.workspace_id = ?"];
  const params: unknown[] = [selection.workspaceId];
  const filter = (column: string, value: string | undefined) => {
    if (value == null) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  if (selection.from != null) {
    where.push("v.invited_day >= ?");
    params.push(selection.from);
  }
  if (selection.to != null) {
    where.push("v.invited_day < ?");
    params.push(selection.to);
  }
  filter("v.survey_id", selection.surveyId);
  for (const d of SEGMENT_DIMENSIONS) filter(`i.${d}`, selection[d]);
  const sql = `SELECT ${groupBy ? KEY_SQL[groupBy] : "NULL"} AS k, COUNT(*) AS invited,
  SUM(EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = v.survey_id AND r.source = v.source
              AND r.ticket_id = v.ticket_id)) AS answered
FROM invitations v
JOIN interactions i ON i.workspace_id = v.workspace_id AND i.source = v.source AND i.ticket_id = v.ticket_id
WHERE ${where.join(" AND ")}
GROUP BY k ORDER BY k`;
  const result = await db.$client
    .prepare(sql)
    .bind(...params)
    .all<{ k: string | null; invited: number; answered: number }>();
  const rows = (result.results ?? []).map((r) => ({
    key: r.k == null ? null : groupBy === "week" ? isoWeek(r.k).label : r.k,
    invited: Number(r.invited),
    answered: Number(r.answered ?? 0),
  }));
  return { rows, rowsRead: result.meta?.rows_read ?? 0 };
}
