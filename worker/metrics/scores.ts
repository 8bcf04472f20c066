/**
 * The score figures of the contract's "Scores" section, computed from answer
 * histograms (answer value → number of answers). Pure functions without I/O:
 * the routes read histograms from the rollups and hand them here.
 *
 * n = 0 yields `null` for every ratio, mean, interval and band (never 0 or
 * NaN); counts stay 0 because they truly are. Numbers are unrounded.
 */

import type { CesScale } from "../domain/questions";
import { type CesBand, type CsatBand, cesBand, csatBand, type NpsBand, npsBand } from "./benchmarks";
import { type Interval, npsAdjustedWaldInterval, npsMarginOfError, wilsonInterval } from "./intervals";

/** Answer value → number of answers with that value. */
export type Histogram = ReadonlyMap<number, number>;

/** Adds `count` answers of `value` to a histogram being built. */
export function addToHistogram(histogram: Map<number, number>, value: number, count: number): void {
  histogram.set(value, (histogram.get(value) ?? 0) + count);
}

export interface Share {
  count: number;
  /** 100·count/n, null when n = 0. */
  pct: number | null;
}

export interface NpsFigures {
  n: number;
  nps: number | null;
  promoters: Share;
  passives: Share;
  detractors: Share;
  margin_of_error: number | null;
  ci95: Interval | null;
  benchmark: NpsBand | null;
}

export interface CsatFigures {
  n: number;
  csat: number | null;
  mean: number | null;
  distribution: Record<string, number>;
  ci95: Interval | null;
  benchmark: CsatBand | null;
}

export interface CesFigures {
  n: number;
  /** The scale the figures are on; null when n = 0 and no survey says which. */
  scale: CesScale | null;
  mean: number | null;
  easy_pct: number | null;
  distribution: Record<string, number>;
  benchmark: CesBand | null;
}

export type Figures = NpsFigures | CsatFigures | CesFigures;

/** NPS category of one 0–10 answer: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(value: number): "promoter" | "passive" | "detractor" {
  if (value >= 9) return "promoter";
  if (value >= 7) return "passive";
  return "detractor";
}

/** A CES answer counts as "easy": agree7 5–7 (agree), effort5 1–2 (little effort). */
export function isEasy(value: number, scale: CesScale): boolean {
  return scale === "agree7" ? value >= 5 : value <= 2;
}

const pct = (count: number, n: number) => (n > 0 ? (100 * count) / n : null);

function countsFor(histogram: Histogram, min: number, max: number): { n: number; sum: number } {
  let n = 0;
  let sum = 0;
  for (const [value, count] of histogram) {
    if (value < min || value > max || count <= 0) continue; // out-of-scale values cannot come from a valid answer
    n += count;
    sum += value * count;
  }
  return { n, sum };
}

function distribution(histogram: Histogram, min: number, max: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let v = min; v <= max; v++) out[String(v)] = Math.max(0, histogram.get(v) ?? 0);
  return out;
}

/** NPS figures: `nps = 100·(P − D)/n`, the split, the Wald margin and the adjusted-Wald ci95. */
export function npsFigures(histogram: Histogram): NpsFigures {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of histogram) {
    if (value < 0 || value > 10 || count <= 0) continue;
    const category = npsCategory(value);
    if (category === "promoter") promoters += count;
    else if (category === "passive") passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  const nps = n > 0 ? (100 * (promoters - detractors)) / n : null;
  return {
    n,
    nps,
    promoters: { count: promoters, pct: pct(promoters, n) },
    passives: { count: passives, pct: pct(passives, n) },
    detractors: { count: detractors, pct: pct(detractors, n) },
    margin_of_error: npsMarginOfError(promoters, detractors, n),
    ci95: npsAdjustedWaldInterval(promoters, detractors, n),
    benchmark: npsBand(nps),
  };
}

/** CSAT figures: top-2-box share (4–5) in percent, mean, distribution 1–5, Wilson ci95 in percent. */
export function csatFigures(histogram: Histogram): CsatFigures {
  const { n, sum } = countsFor(histogram, 1, 5);
  const satisfied = (histogram.get(4) ?? 0) + (histogram.get(5) ?? 0);
  const csat = pct(satisfied, n);
  const wilson = wilsonInterval(satisfied, n);
  return {
    n,
    csat,
    mean: n > 0 ? sum / n : null,
    distribution: distribution(histogram, 1, 5),
    ci95: wilson ? [100 * wilson[0], 100 * wilson[1]] : null,
    benchmark: csatBand(csat),
  };
}

/**
 * CES figures on one scale: mean, share of "easy" answers and distribution.
 * `scale` null is allowed only for an empty selection (all figures null).
 */
export function cesFigures(histogram: Histogram, scale: CesScale | null): CesFigures {
  const max = scale === "effort5" ? 5 : 7;
  const { n, sum } = scale ? countsFor(histogram, 1, max) : { n: 0, sum: 0 };
  let easy = 0;
  if (scale)
    for (const [value, count] of histogram) if (value >= 1 && value <= max && isEasy(value, scale)) easy += count;
  const mean = n > 0 ? sum / n : null;
  return {
    n,
    scale,
    mean,
    easy_pct: pct(easy, n),
    distribution: scale ? distribution(histogram, 1, max) : {},
    benchmark: scale ? cesBand(mean, scale) : null,
  };
}

/**
 * A verbatim's score normalized to [0, 1] on its metric's scale, 1 being the
 * happiest end (effort5 is reversed: 1 = very easy). With several answers, the
 * mean of their normalized values; null when the response answered nothing.
 */
export function normalizedScore(
  answers: { nps?: number | null; csat?: number | null; ces?: number | null },
  cesScale: CesScale,
): number | null {
  const parts: number[] = [];
  if (answers.nps != null) parts.push(answers.nps / 10);
  if (answers.csat != null) parts.push((answers.csat - 1) / 4);
  if (answers.ces != null) parts.push(cesScale === "effort5" ? (5 - answers.ces) / 4 : (answers.ces - 1) / 6);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}
