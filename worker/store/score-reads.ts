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
import { grainOf, type RollupGrain, SEGMENT_DIMENSIONS, type SegmentDimension } from "../domain/segments";

/** What `group_by` may name: every segment dimension, then survey and time. */
export const SCORE_GROUP_KEYS = [...SEGMENT_DIMENSIONS, "survey", "day", "week", "month"] as const;
export type ScoreGroupKey = (typeof SCORE_GROUP_KEYS)[number];

/** The segment dimensions (as opposed to time): the ones the weekly report compares. */
export const SEGMENT_KEYS = SEGMENT_DIMENSIONS;
export type SegmentKey = SegmentDimension;

/** Which answers a read covers. Days are local `YYYY-MM-DD`; `to` is exclusive. */
export type ScoreSelection = {
  workspaceId: string;
  metric: QuestionType;
  from?: string;
  to?: string;
  surveyId?: string;
} & { [D in SegmentDimension]?: string };

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
// `DAY` stands for the day column: `day` in the rollups, `submitted_day` in `responses`.
const KEY_SQL: Record<ScoreGroupKey, string> = {
  ...(Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, `NULLIF(${d}, '')`])) as Record<SegmentDimension, string>),
  survey: "survey_id",
  day: "DAY",
  // The Monday on or before the day; turned into its ISO week label below.
  week: "date(DAY, '-6 days', 'weekday 1')",
  month: "substr(DAY, 1, 7)",
};

/** A rollup grain (worker/domain/segments.ts), or `responses` when none holds the read. */
export type Grain = RollupGrain | "responses";

/** The segment dimensions a read filters or groups on. */
function dimensionsOf(selection: ScoreSelection, groupBy?: ScoreGroupKey): SegmentDimension[] {
  const filtered = SEGMENT_DIMENSIONS.filter((d) => selection[d] != null);
  const grouped = SEGMENT_DIMENSIONS.filter((d) => d === groupBy);
  return [...filtered, ...grouped];
}

/**
 * Where a read is answered from:
 * - `all` (every segment folded away) when no segment is filtered or grouped
 *   on: days × answer values at any volume;
 * - the grain of the one dimension it filters and/or groups on: days × that
 *   dimension's values × answer values, whatever the other dimensions hold;
 * - `responses` when it crosses two dimensions (say one channel, by agent):
 *   no grain holds that, so it reads the answers of its day range through the
 *   `responses_day` index. Its cost is the answers in the range.
 */
export function grainFor(selection: ScoreSelection, groupBy?: ScoreGroupKey): Grain {
  return grainOf(dimensionsOf(selection, groupBy)) ?? "responses";
}

/** A prepared histogram query and the parser of its result, so callers can batch several. */
export interface HistogramStatement {
  statement: D1PreparedStatement;
  parse(result: D1Result<Record<string, unknown>>): { rows: HistogramRow[]; rowsRead: number };
}

/** Builds the aggregate query for one selection. */
export function histogramStatement(
  db: D1Database,
  selection: ScoreSelection,
  options: ScoreReadOptions = {},
): HistogramStatement {
  const grain = grainFor(selection, options.groupBy);
  const fromResponses = grain === "responses";
  // The fallback reads the answers themselves: their day column, one row per answer.
  const day = fromResponses ? "submitted_day" : "day";
  const where = fromResponses
    ? ["workspace_id = ?", `${selection.metric} IS NOT NULL`]
    : ["workspace_id = ?", "grain = ?", "metric = ?"];
  const params: unknown[] = fromResponses ? [selection.workspaceId] : [selection.workspaceId, grain, selection.metric];
  const filter = (sql: string, value: string | undefined) => {
    if (value == null) return;
    where.push(sql);
    params.push(value);
  };
  filter(`${day} >= ?`, selection.from);
  filter(`${day} < ?`, selection.to);
  filter("survey_id = ?", selection.surveyId);
  for (const d of SEGMENT_DIMENSIONS) filter(`${d} = ?`, selection[d]);
  // A read of one value of its grain's dimension (one agent, one channel): the other
  // dimensions are '' in that grain anyway; saying so lets SQLite seek the
  // score_rollups_segment_read index to that value's days instead of walking every value's.
  if (!fromResponses && grain !== "all" && selection[grain] != null) {
    for (const d of SEGMENT_DIMENSIONS) if (d !== grain) where.push(`${d} = ''`);
  }

  const keySql = options.groupBy ? KEY_SQL[options.groupBy].replaceAll("DAY", day) : "NULL";
  const columns = [`${keySql} AS k`];
  const groups = ["k"];
  if (options.bySurvey) {
    columns.push("survey_id AS s");
    groups.push("s");
  }
  if (options.splitAt != null) {
    // The split parameter comes first in the SQL text, so it is bound first.
    columns.push(`(${day} >= ?) AS cur`);
    groups.push("cur");
    params.unshift(options.splitAt);
  }
  const value = fromResponses ? selection.metric : "value";
  const count = fromResponses ? "COUNT(*)" : "SUM(count)";
  const sql = `SELECT ${columns.join(", ")}, ${value} AS v, ${count} AS c FROM ${fromResponses ? "responses" : "score_rollups"}
WHERE ${where.join(" AND ")}
GROUP BY ${[...groups, "v"].join(", ")} HAVING ${count} > 0`;

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
  db: D1Database,
  selection: ScoreSelection,
  options: ScoreReadOptions = {},
): Promise<{ rows: HistogramRow[]; rowsRead: number }> {
  const built = histogramStatement(db, selection, options);
  return built.parse(await built.statement.all());
}
