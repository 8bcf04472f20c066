/**
 * Pure pieces of the weekly report: which figure a metric's change is
 * measured on, the verbatim ranking and the segments that moved most.
 */

import type { CesScale } from "../domain/questions";
import type { SegmentDimension } from "../domain/segments";
import type { CesFigures, CsatFigures, Figures, NpsFigures } from "./scores";
import { normalizedScore } from "./scores";

/**
 * The figure a metric's week-on-week change is measured on. All three are
 * percent-like and "higher is better", so a positive change always means an
 * improvement: NPS points, CSAT points, and for CES the share of easy answers
 * (its mean runs in opposite directions on agree7 and effort5).
 */
export const HEADLINE = { nps: "nps", csat: "csat", ces: "easy_pct" } as const;
export type Headline = (typeof HEADLINE)[keyof typeof HEADLINE];

/** The headline value of a set of figures; null when n = 0. */
export function headlineOf(figures: Figures): number | null {
  if ("nps" in figures) return (figures as NpsFigures).nps;
  if ("csat" in figures) return (figures as CsatFigures).csat;
  return (figures as CesFigures).easy_pct;
}

/** current − previous, or null when either side has no answers. */
export function change(current: number | null, previous: number | null): number | null {
  return current == null || previous == null ? null : current - previous;
}

/** A response with a comment, as the report ranks it. */
export interface VerbatimCandidate {
  id: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  cesScale: CesScale;
  submittedAt: number;
}

/**
 * The most positive and the most negative verbatims. Each comment is scored
 * by its answers normalized to [0, 1] on their scales (see `normalizedScore`);
 * ties go to the newest. A comment appears in one list at most: with fewer
 * than 2·`limit` comments, the better half is "positive" and the worse half
 * "negative" (the odd one out goes to positive).
 */
export function rankVerbatims<T extends VerbatimCandidate>(
  candidates: readonly T[],
  limit = 5,
): { positive: (T & { score: number })[]; negative: (T & { score: number })[] } {
  const scored = candidates
    .map((c) => ({ ...c, score: normalizedScore(c, c.cesScale) }))
    .filter((c): c is T & { score: number } => c.score != null)
    .sort((a, b) => b.score - a.score || b.submittedAt - a.submittedAt || (a.id < b.id ? -1 : 1));
  const positiveCount = Math.min(limit, Math.ceil(scored.length / 2));
  const negativeCount = Math.min(limit, scored.length - positiveCount);
  const positive = scored.slice(0, positiveCount);
  // Most negative first, newest first among equals.
  const negative = scored
    .slice(scored.length - negativeCount)
    .sort((a, b) => a.score - b.score || b.submittedAt - a.submittedAt || (a.id < b.id ? -1 : 1));
  return { positive, negative };
}

/** A segment's headline in both weeks. */
export interface SegmentMove {
  metric: "nps" | "csat" | "ces";
  scale: CesScale | null;
  dimension: SegmentDimension;
  key: string | null;
  headline: Headline;
  current: number;
  previous: number;
  change: number;
  n: number;
  previous_n: number;
}

/**
 * The segments whose headline moved most, largest |change| first (then the
 * larger sample). A segment with fewer than `minN` answers in either week is
 * left out: at n = 2 a single answer moves an NPS by 50 points, which is
 * noise, not news.
 */
export function biggestMoves(moves: readonly SegmentMove[], limit = 10, minN = 5): SegmentMove[] {
  return moves
    .filter((m) => m.n >= minN && m.previous_n >= minN && m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || b.n + b.previous_n - (a.n + a.previous_n))
    .slice(0, limit);
}
