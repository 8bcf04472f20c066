import type { Database } from "../db";
/**
 * Score reads from the `score_rollups` histograms, never from `responses`.
 *
 * Each read is one aggregate query, `SUM(count) … GROUP BY [key,] value`, so
 * D1 returns a few rows per group whatever the number of answers, and reads
 * rows in proportion to days × segments × answer values. Each read picks the
 * coarsest grain that still holds what it needs (see `grainFor`), so a BPO
 * with hundreds of agents does not pay for them on every dashboard load.
 */

import { isoWeek } from "../domain/local-day";
import type { QuestionType } from "../domain/questions";

/** What `group_by` may name. */
export const SCORE_GROUP_KEYS = ["channel", "request_type", "agent", "team", "survey", "day", "week", "month"] as const;
export type ScoreGroupKey = (typeof SCORE_GROUP_KEYS)[number];

/** The segment dimensions (as opposed to time): the ones the weekly report compares. */
export const SEGMENT_KEYS = ["channel", "request_type", "team", "agent"] as const satisfies readonly ScoreGroupKey[];
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Which answers a read covers. Days are local `YYYY-MM-DD`; `to` is exclusive. */
export interface ScoreSelection {
  workspaceId: string;
  metric: QuestionType;
  from?: string;
  to?: string;
  surveyId?: string;
  channel?: string;
  requestType?: string;
  agent?: string;
  team?: string;
}

export interface ScoreReadOptions {
  groupBy?: ScoreGroupKey;
  /** Also group by survey: CES needs it to keep answers on different scales apart. */
  bySurvey?: boolean;
  /** Tags each row with whether its day is on/after this day (`current`) or before it. */
  splitAt?: string;
}

/** One histogram bar: `count` answers of `value`, for one group (and survey, period if asked). */
export interface HistogramRow {
  /** Group key; null for an empty segment value, or when not grouped. */
  key: string | null;
  surveyId: string | null;
  current: boolean | null;
  value: number;
  count: number;
}

// The SQL of each group key. Only these fixed fragments are ever spliced into SQL;
// every value the client sends is a bound parameter.
const KEY_SQL: Record<ScoreGroupKey, string> = {
  channel: "NULLIF(channel, '')",
  request_type: "NULLIF(request_type, '')",
  agent: "NULLIF(agent, '')",
  team: "NULLIF(team, '')",
  survey: "survey_id",
  day: "day",
  // The Monday on or before the day; turned into its ISO week label below.
  week: "date(day, '-6 days', 'weekday 1')",
  month: "substr(day, 1, 7)",
};

/** The rollup grains (see migrations 0001 and 0002). */
export type Grain = "full" | "seg" | "agent" | "all";

/**
 * The coarsest grain that can answer a read, so that its cost does not
 * multiply by segments it does not need:
 * - `all` (every segment folded away: day, survey, value) when no segment is
 *   filtered or grouped on: days × values at any volume;
 * - `agent` (only the agent kept) when the agent is the only segment involved:
 *   days × agents × values, not also × channels × request types;
 * - `seg` (agent folded away) for channel, request type and team;
 * - `full` (every segment) when the agent meets another segment.
 */
export function grainFor(selection: ScoreSelection, groupBy?: ScoreGroupKey): Grain {
  const byAgent = selection.agent != null || groupBy === "agent";
  const byOther =
    selection.channel != null ||
    selection.requestType != null ||
    selection.team != null ||
    groupBy === "channel" ||
    groupBy === "request_type" ||
    groupBy === "team";
  if (byAgent) return byOther ? "full" : "agent";
  return byOther ? "seg" : "all";
}

/** A prepared histogram query and the parser of its result, so callers can batch several. */
export interface HistogramStatement {
  statement: D1PreparedStatement;
  parse(result: D1Result<Record<string, unknown>>): { rows: HistogramRow[]; rowsRead: number };
}

/** Builds the aggregate query for one selection. */
export function histogramStatement(
  { $client: db }: Database,
  selection: ScoreSelection,
  options: ScoreReadOptions = {},
): HistogramStatement {
  const where = ["workspace_id = ?", "grain = ?", "metric = ?"];
  const params: unknown[] = [selection.workspaceId, grainFor(selection, options.groupBy), selection.metric];
  const filter = (sql: string, value: string | undefined) => {
    if (value == null) return;
    where.push(sql);
    params.push(value);
  };
  filter("day >= ?", selection.from);
  filter("day < ?", selection.to);
  filter("survey_id = ?", selection.surveyId);
  filter("channel = ?", selection.channel);
  filter("request_type = ?", selection.requestType);
  filter("agent = ?", selection.agent);
  filter("team = ?", selection.team);

  const columns = [`${options.groupBy ? KEY_SQL[options.groupBy] : "NULL"} AS k`];
  const groups = ["k"];
  if (options.bySurvey) {
    columns.push("survey_id AS s");
    groups.push("s");
  }
  if (options.splitAt != null) {
    // The split parameter comes first in the SQL text, so it is bound first.
    columns.push("(day >= ?) AS cur");
    groups.push("cur");
    params.unshift(options.splitAt);
  }
  const sql = `SELECT ${columns.join(", ")}, value AS v, SUM(count) AS c FROM score_rollups
WHERE ${where.join(" AND ")}
GROUP BY ${[...groups, "v"].join(", ")} HAVING SUM(count) > 0`;

  return {
    statement: db.prepare(sql).bind(...params),
    parse(result) {
      const rows = (result.results ?? []).map((r) => ({
        key: toKey(r.k as string | null, options.groupBy),
        surveyId: options.bySurvey ? (r.s as string) : null,
        current: options.splitAt != null ? Boolean(r.cur) : null,
        value: Number(r.v),
        count: Number(r.c),
      }));
      return { rows, rowsRead: result.meta?.rows_read ?? 0 };
    },
  };
}

function toKey(raw: string | null, groupBy?: ScoreGroupKey): string | null {
  if (raw == null) return null;
  return groupBy === "week" ? isoWeek(raw).label : raw;
}

/** Reads the histograms of one selection, with the rows D1 read to answer. */
export async function readHistograms(
  db: Database,
  selection: ScoreSelection,
  options: ScoreReadOptions = {},
): Promise<{ rows: HistogramRow[]; rowsRead: number }> {
  const built = histogramStatement(db, selection, options);
  return built.parse(await built.statement.all());
}
