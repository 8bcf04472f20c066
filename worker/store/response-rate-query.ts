/**
 * Invited and answered tickets per segment, for the response rate.
 *
 * One aggregate query over `invitations` (one row per ticket and survey), the
 * ticket's segments read from its interaction, "answered" when the survey has
 * a response for that ticket. Days are the local day of the FIRST invitation.
 */

import { isoWeek } from "../domain/local-day";
import type { ScoreGroupKey } from "./score-reads";

export interface RateSelection {
  workspaceId: string;
  from?: string;
  to?: string;
  surveyId?: string;
  channel?: string;
  requestType?: string;
  agent?: string;
  team?: string;
}

export interface RateRow {
  key: string | null;
  invited: number;
  answered: number;
}

// Only these fixed fragments are spliced into SQL; every client value is bound.
const KEY_SQL: Record<ScoreGroupKey, string> = {
  channel: "NULLIF(i.channel, '')",
  request_type: "NULLIF(i.request_type, '')",
  agent: "NULLIF(i.agent, '')",
  team: "NULLIF(i.team, '')",
  survey: "v.survey_id",
  day: "v.invited_day",
  week: "date(v.invited_day, '-6 days', 'weekday 1')",
  month: "substr(v.invited_day, 1, 7)",
};

export async function readResponseRate(
  db: D1Database,
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
  filter("i.channel", selection.channel);
  filter("i.request_type", selection.requestType);
  filter("i.agent", selection.agent);
  filter("i.team", selection.team);
  const sql = `SELECT ${groupBy ? KEY_SQL[groupBy] : "NULL"} AS k, COUNT(*) AS invited,
  SUM(EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = v.survey_id AND r.source = v.source
              AND r.ticket_id = v.ticket_id)) AS answered
FROM invitations v
JOIN interactions i ON i.workspace_id = v.workspace_id AND i.source = v.source AND i.ticket_id = v.ticket_id
WHERE ${where.join(" AND ")}
GROUP BY k ORDER BY k`;
  const result = await db
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
