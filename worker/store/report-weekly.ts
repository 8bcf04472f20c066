import type { Database } from "../db";
/**
 * The weekly report ("rituel hebdomadaire"): each metric with its change from
 * the previous week, the week's most positive and most negative verbatims, and
 * the segments that moved most. Scores come from the rollups; only the
 * verbatims read responses, ranked in SQL so that at most ten rows come back
 * however many comments the week holds. Every query goes to D1 in one batch:
 * one round trip.
 */

import { addDays, isoWeek, localDay } from "../domain/local-day";
import { METRICS } from "../domain/metrics";
import type { CesScale, QuestionType } from "../domain/questions";
import { isoWeekRange, previousIsoWeek } from "../metrics/periods";
import { addToHistogram, type Figures } from "../metrics/scores";
import {
  biggestMoves,
  change,
  HEADLINE,
  type Headline,
  headlineOf,
  rankVerbatims,
  type SegmentMove,
} from "../metrics/weekly";
import { answersOf } from "./response-listing";
import { type HistogramRow, histogramStatement, SEGMENT_KEYS, type SegmentKey } from "./score-reads";
import { cesScaleBook, figuresOf } from "./score-summary";

export interface MetricChange {
  metric: QuestionType;
  /** CES only: the scale of this entry (one entry per scale answered); null otherwise. */
  scale: CesScale | null;
  headline: Headline;
  current: Figures;
  previous: Figures;
  change: number | null;
}

export interface Verbatim {
  id: string;
  ticket_id: string;
  source: string;
  survey_id: string;
  answers: Partial<Record<QuestionType, number>>;
  comment: string;
  locale: string | null;
  submitted_at: string;
  channel: string | null;
  request_type: string | null;
  agent: string | null;
  team: string | null;
  /** Answers normalized to [0, 1] on their scales, 1 the happiest; what the ranking sorts on. */
  score: number;
}

export interface WeeklyReport {
  week: string;
  from: string;
  to: string;
  previous_week: { week: string; from: string; to: string };
  metrics: MetricChange[];
  verbatims: { positive: Verbatim[]; negative: Verbatim[] };
  movers: SegmentMove[];
}

/** The last complete ISO week in the workspace's timezone. */
export function lastCompleteWeek(now: number, timeZone: string): string {
  return isoWeek(addDays(localDay(now, timeZone), -7)).label;
}

interface VerbatimRow {
  id: string;
  ticket_id: string;
  source: string;
  survey_id: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  comment: string;
  locale: string | null;
  submitted_at: number;
  channel: string;
  request_type: string;
  agent: string;
  team: string;
}

// Local days are within UTC−12…UTC+14 of UTC; a day of margin each side lets the
// `responses_newest` index narrow the scan by instant before the exact local-day test.
const DAY_MS = 86_400_000;

/** Verbatims per list (positive, negative). */
const VERBATIM_LIMIT = 5;

/**
 * A verbatim's score in SQL, the same doubles as `normalizedScore`: each answer
 * normalized to [0, 1] (effort5 reversed), summed in the order nps, csat, ces
 * (adding 0.0 for a missing one changes no bit), divided by how many there are.
 * NULL when the response answered nothing, like the JS null it mirrors.
 */
const SCORE_SQL = `(COALESCE(r.nps / 10.0, 0.0) + COALESCE((r.csat - 1) / 4.0, 0.0)
    + COALESCE(CASE WHEN s.ces_scale = 'effort5' THEN (5 - r.ces) / 4.0 ELSE (r.ces - 1) / 6.0 END, 0.0))
  / NULLIF((r.nps IS NOT NULL) + (r.csat IS NOT NULL) + (r.ces IS NOT NULL), 0)`;

/**
 * The week's commented responses ranked in SQL, bounded by LIMIT: the report
 * never loads the whole week's comments. The two orders are each other's exact
 * reverse, with rankVerbatims' tie-breaks (newest first, then id).
 */
const verbatimsRanked = (
  order: string,
) => `SELECT r.id, r.ticket_id, r.source, r.survey_id, r.nps, r.csat, r.ces, r.comment,
  r.locale, r.submitted_at, r.channel, r.request_type, r.agent, r.team
FROM (SELECT r.*, ${SCORE_SQL} AS score FROM responses r LEFT JOIN surveys s ON s.id = r.survey_id
  WHERE r.workspace_id = ? AND r.submitted_at >= ? AND r.submitted_at < ? AND r.submitted_day >= ?
    AND r.submitted_day < ? AND r.comment IS NOT NULL) r
WHERE r.score IS NOT NULL
ORDER BY ${order}
LIMIT ?`;
const VERBATIMS_HAPPIEST_FIRST = verbatimsRanked("r.score DESC, r.submitted_at DESC, r.id ASC");
const VERBATIMS_UNHAPPIEST_FIRST = verbatimsRanked("r.score ASC, r.submitted_at ASC, r.id DESC");

/** Builds the report of ISO week `week` (already validated) for a workspace. */
export async function weeklyReport(db: Database, workspaceId: string, week: string): Promise<WeeklyReport> {
  const current = isoWeekRange(week)!;
  const previousLabel = previousIsoWeek(week);
  const previous = isoWeekRange(previousLabel)!;
  const book = await cesScaleBook(db, workspaceId);

  const selection = (metric: QuestionType) => ({ workspaceId, metric, from: previous.from, to: current.to });
  const options = { splitAt: current.from, bySurvey: true };
  const totals = METRICS.map((metric) => histogramStatement(db, selection(metric), options));
  const bySegment = METRICS.flatMap((metric) =>
    SEGMENT_KEYS.map((dimension) => ({
      metric,
      dimension,
      read: histogramStatement(db, selection(metric), { ...options, groupBy: dimension }),
    })),
  );
  const weekBounds = [
    workspaceId,
    Date.parse(`${current.from}T00:00:00Z`) - DAY_MS,
    Date.parse(`${current.to}T00:00:00Z`) + DAY_MS,
    current.from,
    current.to,
  ];
  // The happiest and the unhappiest ends of the ranking, VERBATIM_LIMIT rows each:
  // together they hold every row rankVerbatims can pick, whatever the week's size.
  const verbatimStatements = [VERBATIMS_HAPPIEST_FIRST, VERBATIMS_UNHAPPIEST_FIRST].map((sql) =>
    db.$client.prepare(sql).bind(...weekBounds, VERBATIM_LIMIT),
  );

  const results = await db.$client.batch<Record<string, unknown>>([
    ...totals.map((t) => t.statement),
    ...bySegment.map((s) => s.read.statement),
    ...verbatimStatements,
  ]);
  const totalRows = totals.map((t, i) => t.parse(results[i]!).rows);
  const segmentRows = bySegment.map((s, i) => s.read.parse(results[totals.length + i]!).rows);
  const verbatimEnds = results.slice(-verbatimStatements.length).flatMap((r) => r.results ?? []);
  const verbatimRows = [...new Map((verbatimEnds as unknown as VerbatimRow[]).map((r) => [r.id, r])).values()];

  const scaleOf = (surveyId: string | null): CesScale => (surveyId && book.scaleOf.get(surveyId)) || "agree7";
  /** The scales to report for a metric: one null "scale" for NPS and CSAT; each CES scale answered. */
  const scalesOf = (metric: QuestionType, rows: HistogramRow[]): (CesScale | null)[] => {
    if (metric !== "ces") return [null];
    const seen = [...new Set(rows.filter((r) => r.count > 0).map((r) => scaleOf(r.surveyId)))].sort();
    return seen.length ? seen : [book.unanimous];
  };
  const onScale = (rows: HistogramRow[], scale: CesScale | null) =>
    scale == null ? rows : rows.filter((r) => scaleOf(r.surveyId) === scale);

  const metrics: MetricChange[] = [];
  const moves: SegmentMove[] = [];
  METRICS.forEach((metric, m) => {
    const scales = scalesOf(metric, totalRows[m]!);
    for (const scale of scales) {
      const [now, before] = splitFigures(metric, onScale(totalRows[m]!, scale), scale);
      metrics.push({
        metric,
        scale,
        headline: HEADLINE[metric],
        current: now,
        previous: before,
        change: change(headlineOf(now), headlineOf(before)),
      });
      bySegment.forEach(({ metric: sm, dimension }, i) => {
        if (sm !== metric) return;
        moves.push(...segmentMoves(metric, scale, dimension, onScale(segmentRows[i]!, scale)));
      });
    }
  });

  const ranked = rankVerbatims(
    verbatimRows.map((r) => ({ ...r, submittedAt: r.submitted_at, cesScale: scaleOf(r.survey_id) })),
    VERBATIM_LIMIT,
  );
  return {
    week,
    from: current.from,
    to: current.to,
    previous_week: { week: previousLabel, from: previous.from, to: previous.to },
    metrics,
    verbatims: { positive: ranked.positive.map(verbatimJson), negative: ranked.negative.map(verbatimJson) },
    movers: biggestMoves(moves),
  };
}

/** Figures of the current and of the previous week, from rows tagged by `splitAt`. */
function splitFigures(metric: QuestionType, rows: HistogramRow[], scale: CesScale | null): [Figures, Figures] {
  const now = new Map<number, number>();
  const before = new Map<number, number>();
  for (const r of rows) addToHistogram(r.current ? now : before, r.value, r.count);
  return [figuresOf(metric, now, scale), figuresOf(metric, before, scale)];
}

function segmentMoves(
  metric: QuestionType,
  scale: CesScale | null,
  dimension: SegmentKey,
  rows: HistogramRow[],
): SegmentMove[] {
  const byKey = new Map<string | null, HistogramRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const out: SegmentMove[] = [];
  for (const [key, keyRows] of byKey) {
    const [now, before] = splitFigures(metric, keyRows, scale);
    const a = headlineOf(now);
    const b = headlineOf(before);
    if (a == null || b == null) continue;
    out.push({
      metric,
      scale,
      dimension,
      key,
      headline: HEADLINE[metric],
      current: a,
      previous: b,
      change: a - b,
      n: now.n,
      previous_n: before.n,
    });
  }
  return out;
}

function verbatimJson(r: VerbatimRow & { score: number }): Verbatim {
  const answers = answersOf(r);
  return {
    id: r.id,
    ticket_id: r.ticket_id,
    source: r.source,
    survey_id: r.survey_id,
    answers,
    comment: r.comment,
    locale: r.locale,
    submitted_at: new Date(r.submitted_at).toISOString(),
    channel: r.channel || null,
    request_type: r.request_type || null,
    agent: r.agent || null,
    team: r.team || null,
    score: r.score,
  };
}
