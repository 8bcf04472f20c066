/**
 * The weekly report ("rituel hebdomadaire"): each metric with its change from the previous
 * week, the week's most positive and most negative verbatims, the segments that moved most,
 * and the week's costliest tickets. The store reads the rows (worker/store/weekly-report-reads.ts,
 * weekly-cost-reads.ts); this use case turns them into figures with the pure maths of
 * worker/metrics/.
 */

import type { Database } from "../db";
import { addDays, isoWeek, localDay } from "../domain/local-day";
import type { Metric } from "../domain/metrics";
import type { CesScale } from "../domain/questions";
import type { TicketDimension } from "../domain/segments";
import { interactionCost, type Money } from "../metrics/cost";
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
import { answersOf, ticketSegmentsOf } from "../store/response-listing";
import type { HistogramRow, SegmentKey } from "../store/score-reads";
import { cesScaleBook, figuresOf } from "../store/score-summary";
import { type CostRow, readWeekCostRows } from "../store/weekly-cost-reads";
import { readWeekRows, type VerbatimRow } from "../store/weekly-report-reads";
import { costPerHourOf, getWorkspace } from "../store/workspaces";

export interface MetricChange {
  metric: Metric;
  /** CES only: the scale of this entry (one entry per scale answered); null otherwise. */
  scale: CesScale | null;
  headline: Headline;
  current: Figures;
  previous: Figures;
  change: number | null;
}

export interface Verbatim extends TicketSegments {
  id: string;
  ticket_id: string;
  source: string;
  survey_id: string;
  answers: Partial<Record<Metric, number>>;
  comment: string;
  locale: string | null;
  submitted_at: string;
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

export interface CostlyTicket extends TicketSegments {
  ticket_id: string;
  source: string;
  /** Decimal strings per currency, never converted. */
  cost: Record<string, string>;
  answers: Partial<Record<Metric, number>>;
  comment: string | null;
  submitted_at: string;
}

export interface WeeklyCost {
  costliest: CostlyTicket[];
  ticket_of_the_week: CostlyTicket | null;
}

/** A ticket's segments as the report shows them, null for none. */
type TicketSegments = Record<TicketDimension, string | null>;

/** Verbatims per list (positive, negative). */
const VERBATIM_LIMIT = 5;
/** Tickets in the costliest list. */
const COSTLIEST_LIMIT = 5;

/** The last complete ISO week in the workspace's timezone. */
export function lastCompleteWeek(now: number, timeZone: string): string {
  return isoWeek(addDays(localDay(now, timeZone), -7)).label;
}

/**
 * `GET /v1/reports/weekly`: the report and the cost part of ISO week `week` (already
 * validated), by default the last complete week in the workspace's timezone.
 */
export async function weeklyReportWithCost(
  db: Database,
  workspaceId: string,
  week: string | undefined,
  now = Date.now(),
): Promise<WeeklyReport & WeeklyCost> {
  const workspace = await getWorkspace(db, workspaceId);
  const label = week ?? lastCompleteWeek(now, workspace.timezone);
  const [report, cost] = await Promise.all([
    weeklyReport(db, workspace.id, label),
    weeklyCost(db, workspace.id, label, costPerHourOf(workspace)),
  ]);
  return { ...report, ...cost };
}

/** Builds the report of ISO week `week` (already validated) for a workspace. */
export async function weeklyReport(db: Database, workspaceId: string, week: string): Promise<WeeklyReport> {
  const current = isoWeekRange(week)!;
  const previousLabel = previousIsoWeek(week);
  const previous = isoWeekRange(previousLabel)!;
  const book = await cesScaleBook(db, workspaceId);
  const rows = await readWeekRows(db, workspaceId, current, previous, VERBATIM_LIMIT);

  const scaleOf = (surveyId: string | null): CesScale => (surveyId && book.scaleOf.get(surveyId)) || "agree7";
  /** The scales to report for a metric: one null "scale" for NPS and CSAT; each CES scale answered. */
  const scalesOf = (metric: Metric, rows: HistogramRow[]): (CesScale | null)[] => {
    if (metric !== "ces") return [null];
    const seen = [...new Set(rows.filter((r) => r.count > 0).map((r) => scaleOf(r.surveyId)))].sort();
    return seen.length ? seen : [book.unanimous];
  };
  const onScale = (rows: HistogramRow[], scale: CesScale | null) =>
    scale == null ? rows : rows.filter((r) => scaleOf(r.surveyId) === scale);

  const metrics: MetricChange[] = [];
  const moves: SegmentMove[] = [];
  for (const { metric, rows: totalRows } of rows.totals) {
    for (const scale of scalesOf(metric, totalRows)) {
      const [now, before] = splitFigures(metric, onScale(totalRows, scale), scale);
      metrics.push({
        metric,
        scale,
        headline: HEADLINE[metric],
        current: now,
        previous: before,
        change: change(headlineOf(now), headlineOf(before)),
      });
      for (const segment of rows.bySegment) {
        if (segment.metric !== metric) continue;
        moves.push(...segmentMoves(metric, scale, segment.dimension, onScale(segment.rows, scale)));
      }
    }
  }

  const ranked = rankVerbatims(
    rows.verbatims.map((r) => ({ ...r, submittedAt: r.submitted_at, cesScale: scaleOf(r.survey_id) })),
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

/** The costliest tickets answered in the week, and the ticket of the week. */
export async function weeklyCost(
  db: Database,
  workspaceId: string,
  week: string,
  costPerHour: Money | null,
): Promise<WeeklyCost> {
  const range = isoWeekRange(week);
  if (!range) throw new Error(`Not an ISO week: ${week}`);
  const { costliest, unhappiest } = await readWeekCostRows(db, workspaceId, range, costPerHour, COSTLIEST_LIMIT);
  const json = (r: CostRow): CostlyTicket => ({
    ticket_id: r.ticket_id,
    source: r.source,
    cost: interactionCost(
      r.handling_seconds,
      r.compensation_minor !== null && r.compensation_currency
        ? { minor: BigInt(r.compensation_minor), currency: r.compensation_currency }
        : null,
      costPerHour,
    ),
    answers: answersOf(r),
    comment: r.comment,
    submitted_at: new Date(r.submitted_at).toISOString(),
    ...ticketSegmentsOf(r),
  });
  return { costliest: costliest.map(json), ticket_of_the_week: unhappiest ? json(unhappiest) : null };
}

/** Figures of the current and of the previous week, from rows tagged by `splitAt`. */
function splitFigures(metric: Metric, rows: HistogramRow[], scale: CesScale | null): [Figures, Figures] {
  const now = new Map<number, number>();
  const before = new Map<number, number>();
  for (const r of rows) addToHistogram(r.current ? now : before, r.value, r.count);
  return [figuresOf(metric, now, scale), figuresOf(metric, before, scale)];
}

function segmentMoves(
  metric: Metric,
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
  return {
    id: r.id,
    ticket_id: r.ticket_id,
    source: r.source,
    survey_id: r.survey_id,
    answers: answersOf(r),
    comment: r.comment,
    locale: r.locale,
    submitted_at: new Date(r.submitted_at).toISOString(),
    ...ticketSegmentsOf(r),
    score: r.score,
  };
}
