/**
 * Score reads from the `score_histograms` rollups, or from `responses` when no
 * grain holds the read.
 *
 * A rollup read is one aggregate query, `SUM(<metric>_<value>)… GROUP BY [key]`,
 * over one row per (day, survey, segment values) holding the counts of every
 * answer value: D1 reads rows in proportion to days × segment values, whatever
 * the number of answers and whichever values were given. Each read picks the
 * grain keeping exactly the dimensions it needs (see `grainFor`), so a BPO with
 * hundreds of agents does not pay for them on every dashboard load.
 */

import type { Database } from "../db";
import { isoWeek } from "../domain/local-day";
import type { QuestionType } from "../domain/questions";
import { countColumn, histogramValues } from "../domain/score-histogram";
import {
  dimensionsOfGrain,
  grainOf,
  type RollupGrain,
  SEGMENT_DIMENSIONS,
  type SegmentDimension,
} from "../domain/segments";

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
 * - `all` (every segment folded away) when no segment is filtered or grouped on:
 *   days at any volume;
 * - the grain keeping exactly the dimensions it filters and/or groups on: one
 *   dimension (`agent`), or channel and one more (`channel+agent`, e-mail only by
 *   agent): days × those dimensions' values, whatever the other dimensions hold;
 * - `responses` when no grain keeps them (two dimensions without channel, three
 *   and more): it reads the answers of its day range through the `responses_day`
 *   index, so its cost is the answers in the range.
 */
export function grainFor(selection: ScoreSelection, groupBy?: ScoreGroupKey): Grain {
  return grainOf(dimensionsOf(selection, groupBy)) ?? "responses";
}

/** A prepared histogram query and the parser of its result, so callers can batch several. */
export interface HistogramStatement {
  statement: D1PreparedStatement;
  parse(result: D1Result<Record<string, unknown>>): { rows: HistogramRow[]; rowsRead: number };
}

/** The SQL of one selection's aggregate query, its parameters and the parser of its rows. */
export interface HistogramQuery {
  grain: Grain;
  sql: string;
  params: unknown[];
  parse: HistogramStatement["parse"];
}

/** Builds the aggregate query for one selection, ready to prepare (and batch). */
export function histogramStatement(
  { $client: db }: Database,
  selection: ScoreSelection,
  options: ScoreReadOptions = {},
): HistogramStatement {
  const { sql, params, parse } = histogramQuery(selection, options);
  return { statement: db.prepare(sql).bind(...params), parse };
}

/** The aggregate query for one selection: from the grain `grainFor` picks, or from `responses`. */
export function histogramQuery(selection: ScoreSelection, options: ScoreReadOptions = {}): HistogramQuery {
  const grain = grainFor(selection, options.groupBy);
  const fromResponses = grain === "responses";
  // The fallback reads the answers themselves: their day column, one row per answer.
  const day = fromResponses ? "submitted_day" : "day";
  const where = fromResponses
    ? ["workspace_id = ?", `${selection.metric} IS NOT NULL`]
    : ["workspace_id = ?", "grain = ?"];
  const params: unknown[] = fromResponses ? [selection.workspaceId] : [selection.workspaceId, grain];
  const filter = (sql: string, value: string | undefined) => {
    if (value == null) return;
    where.push(sql);
    params.push(value);
  };
  filter(`${day} >= ?`, selection.from);
  filter(`${day} < ?`, selection.to);
  filter("survey_id = ?", selection.surveyId);
  for (const d of SEGMENT_DIMENSIONS) filter(`${d} = ?`, selection[d]);
  // A read of one value of its grain's dimension (one agent, e-mail…): the other
  // dimensions are '' in that grain anyway; saying so lets SQLite seek the
  // score_histograms_segment_read index to that value's days instead of walking every value's.
  if (!fromResponses && grain !== "all") {
    const kept = dimensionsOfGrain(grain);
    if (kept.some((d) => selection[d] != null)) {
      for (const d of SEGMENT_DIMENSIONS) if (!kept.includes(d)) where.push(`${d} = ''`);
    }
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
  // Rollups: one column per answer value (v0, v1…, fixed names from the domain), summed
  // per group; the fallback: one row per (group, value), counted.
  const values = histogramValues(selection.metric);
  const sql = fromResponses
    ? `SELECT ${columns.join(", ")}, ${selection.metric} AS v, COUNT(*) AS c FROM responses
WHERE ${where.join(" AND ")}
GROUP BY ${[...groups, "v"].join(", ")}`
    : `SELECT ${columns.join(", ")}, ${values.map((v, i) => `SUM(${countColumn(selection.metric, v)}) AS c${i}`).join(", ")} FROM score_histograms
WHERE ${where.join(" AND ")}
GROUP BY ${groups.join(", ")}`;

  return {
    grain,
    sql,
    params,
    parse(result) {
      const rows: HistogramRow[] = [];
      for (const r of result.results ?? []) {
        const head = {
          key: toKey(r.k as string | null, options.groupBy),
          surveyId: options.bySurvey ? (r.s as string) : null,
          current: options.splitAt != null ? Boolean(r.cur) : null,
        };
        if (fromResponses) rows.push({ ...head, value: Number(r.v), count: Number(r.c) });
        else
          values.forEach((value, i) => {
            const count = Number(r[`c${i}`]);
            if (count > 0) rows.push({ ...head, value, count });
          });
      }
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
