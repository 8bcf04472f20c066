import type { Database } from "../db";
/**
 * The rows of the weekly report ("rituel hebdomadaire"): per-metric histograms of the week and
 * the week before (whole and by each segment dimension), and the week's most positive and most
 * negative verbatims. Scores come from the rollups; only the verbatims read responses, ranked in
 * SQL so that at most ten rows come back however many comments the week holds. Every query goes
 * to D1 in one batch: one round trip. The report itself is put together in
 * worker/services/weekly-report.ts.
 */

import { instantsAroundDays } from "../domain/local-day";
import { METRICS, type Metric, normalizedAnswerSql } from "../domain/metrics";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import { type HistogramRow, histogramStatement, SEGMENT_KEYS, type SegmentKey } from "./score-reads";

export interface VerbatimRow extends Record<TicketDimension, string>, Record<Metric, number | null> {
  id: string;
  ticket_id: string;
  source: string;
  survey_id: string;
  comment: string;
  locale: string | null;
  submitted_at: number;
}

export interface WeekRows {
  /** One entry per metric, in METRICS order: its rows tagged `current` (this week) or not. */
  totals: { metric: Metric; rows: HistogramRow[] }[];
  /** One entry per metric and segment dimension. */
  bySegment: { metric: Metric; dimension: SegmentKey; rows: HistogramRow[] }[];
  /** The candidates for the verbatims, each once: the happiest and the unhappiest ends. */
  verbatims: VerbatimRow[];
}

/**
 * A verbatim's score in SQL, the same doubles as `normalizedScore`: each answer
 * normalized to [0, 1] (effort5 reversed), summed in the order nps, csat, ces
 * (adding 0.0 for a missing one changes no bit), divided by how many there are.
 * NULL when the response answered nothing, like the JS null it mirrors.
 */
const SCORE_SQL = `(${METRICS.map((m) => `COALESCE(${normalizedAnswerSql(m, `r.${m}`, "s.ces_scale")}, 0.0)`).join(" + ")})
  / NULLIF(${METRICS.map((m) => `(r.${m} IS NOT NULL)`).join(" + ")}, 0)`;

/**
 * The week's commented responses ranked in SQL, bounded by LIMIT: the report
 * never loads the whole week's comments. The two orders are each other's exact
 * reverse, with rankVerbatims' tie-breaks (newest first, then id).
 */
const verbatimsRanked = (
  order: string,
) => `SELECT r.id, r.ticket_id, r.source, r.survey_id, ${METRICS.map((m) => `r.${m}`).join(", ")}, r.comment,
  r.locale, r.submitted_at, ${TICKET_DIMENSIONS.map((d) => `r.${d}`).join(", ")}
FROM (SELECT r.*, ${SCORE_SQL} AS score FROM responses r LEFT JOIN surveys s ON s.id = r.survey_id
  WHERE r.workspace_id = ? AND r.submitted_at >= ? AND r.submitted_at < ? AND r.submitted_day >= ?
    AND r.submitted_day < ? AND r.comment IS NOT NULL) r
WHERE r.score IS NOT NULL
ORDER BY ${order}
LIMIT ?`;
const VERBATIMS_HAPPIEST_FIRST = verbatimsRanked("r.score DESC, r.submitted_at DESC, r.id ASC");
const VERBATIMS_UNHAPPIEST_FIRST = verbatimsRanked("r.score ASC, r.submitted_at ASC, r.id DESC");

/**
 * The rows of the weeks [previous.from, current.to), split at current.from, with up to
 * `verbatimLimit` verbatims from each end of the ranking.
 */
export async function readWeekRows(
  db: Database,
  workspaceId: string,
  current: { from: string; to: string },
  previous: { from: string },
  verbatimLimit: number,
): Promise<WeekRows> {
  const selection = (metric: Metric) => ({ workspaceId, metric, from: previous.from, to: current.to });
  const options = { splitAt: current.from, bySurvey: true };
  const totals = METRICS.map((metric) => ({ metric, read: histogramStatement(db, selection(metric), options) }));
  const bySegment = METRICS.flatMap((metric) =>
    SEGMENT_KEYS.map((dimension) => ({
      metric,
      dimension,
      read: histogramStatement(db, selection(metric), { ...options, groupBy: dimension }),
    })),
  );
  // The `responses_newest` index narrows the scan by instant before the exact local-day test.
  const weekBounds = [workspaceId, ...instantsAroundDays(current.from, current.to), current.from, current.to];
  // The happiest and the unhappiest ends of the ranking, verbatimLimit rows each:
  // together they hold every row rankVerbatims can pick, whatever the week's size.
  const verbatimStatements = [VERBATIMS_HAPPIEST_FIRST, VERBATIMS_UNHAPPIEST_FIRST].map((sql) =>
    db.$client.prepare(sql).bind(...weekBounds, verbatimLimit),
  );

  const results = await db.$client.batch<Record<string, unknown>>([
    ...totals.map((t) => t.read.statement),
    ...bySegment.map((s) => s.read.statement),
    ...verbatimStatements,
  ]);
  const verbatimEnds = results.slice(-verbatimStatements.length).flatMap((r) => r.results ?? []);
  return {
    totals: totals.map((t, i) => ({ metric: t.metric, rows: t.read.parse(results[i]!).rows })),
    bySegment: bySegment.map((s, i) => ({
      metric: s.metric,
      dimension: s.dimension,
      rows: s.read.parse(results[totals.length + i]!).rows,
    })),
    verbatims: [...new Map((verbatimEnds as unknown as VerbatimRow[]).map((r) => [r.id, r])).values()],
  };
}
