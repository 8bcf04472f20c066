/**
 * The score figures of the contract's "Scores" section, computed from answer
 * histograms (answer value → number of answers). Pure functions without I/O:
 * the routes read histograms from the rollups and hand them here.
 *
 * n = 0 yields `null` for every ratio, mean, interval and band (never 0 or
 * NaN); counts stay 0 because they truly are. Numbers are unrounded.
 */

import { cesBand, csatBand, npsBand } from "../domain/benchmarks";
import { npsAdjustedWaldInterval, npsMarginOfError, wilsonPercent } from "../domain/intervals";
import {
  CES_CATEGORIES,
  type CesScale,
  CSAT_CATEGORIES,
  categoryOf,
  METRICS,
  NPS_CATEGORIES,
  type NpsCategory,
  normalizedAnswer,
  SCALES,
} from "../domain/metrics";
import type { CesFigures, CsatFigures, NpsFigures } from "../domain/score-figures";

/** Answer value → number of answers with that value. */
export type Histogram = ReadonlyMap<number, number>;

/** Adds `count` answers of `value` to a histogram being built. */
export function addToHistogram(histogram: Map<number, number>, value: number, count: number): void {
  histogram.set(value, (histogram.get(value) ?? 0) + count);
}

export type { CesFigures, CsatFigures, Figures, NpsFigures, Share } from "../domain/score-figures";

/** NPS category of one 0–10 answer: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(value: number): NpsCategory {
  return categoryOf(NPS_CATEGORIES, value) ?? "detractor";
}

/** A CES answer counts as "easy": agree7 5–7 (agree), effort5 1–2 (little effort). */
export function isEasy(value: number, scale: CesScale): boolean {
  return categoryOf(CES_CATEGORIES[scale], value) === "easy";
}

const pct = (count: number, n: number) => (n > 0 ? (100 * count) / n : null);

/**
 * The answers of a histogram that can be real: a whole value on the scale
 * [min, max] with a positive whole count. A rollup row with a negative, NaN or
 * fractional count, or a value off the scale, cannot come from valid answers,
 * so every metric drops it the same way, here, before counting anything.
 */
export function validAnswers(histogram: Histogram, min: number, max: number): Map<number, number> {
  const valid = new Map<number, number>();
  for (const [value, count] of histogram) {
    if (!Number.isInteger(value) || value < min || value > max) continue;
    if (!Number.isSafeInteger(count) || count <= 0) continue;
    valid.set(value, count);
  }
  return valid;
}

function countsOf(answers: Histogram): { n: number; sum: number } {
  let n = 0;
  let sum = 0;
  for (const [value, count] of answers) {
    n += count;
    sum += value * count;
  }
  return { n, sum };
}

function distribution(answers: Histogram, min: number, max: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let v = min; v <= max; v++) out[String(v)] = answers.get(v) ?? 0;
  return out;
}

/** NPS figures: `nps = 100·(P − D)/n`, the split, the Wald margin and the adjusted-Wald ci95. */
export function npsFigures(histogram: Histogram): NpsFigures {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of validAnswers(histogram, SCALES.nps.min, SCALES.nps.max)) {
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
  const { min, max } = SCALES.csat;
  const answers = validAnswers(histogram, min, max);
  const { n, sum } = countsOf(answers);
  let satisfied = 0;
  for (const [value, count] of answers) if (categoryOf(CSAT_CATEGORIES, value) === "satisfied") satisfied += count;
  const csat = pct(satisfied, n);
  return {
    n,
    csat,
    mean: n > 0 ? sum / n : null,
    distribution: distribution(answers, min, max),
    ci95: wilsonPercent(satisfied, n),
    benchmark: csatBand(csat),
  };
}

/**
 * CES figures on one scale: mean, share of "easy" answers and distribution.
 * `scale` null is allowed only for an empty selection (all figures null).
 */
export function cesFigures(histogram: Histogram, scale: CesScale | null): CesFigures {
  const range = scale ? SCALES.ces[scale] : null;
  const answers = range ? validAnswers(histogram, range.min, range.max) : new Map<number, number>();
  const { n, sum } = countsOf(answers);
  let easy = 0;
  if (scale) for (const [value, count] of answers) if (isEasy(value, scale)) easy += count;
  const mean = n > 0 ? sum / n : null;
  return {
    n,
    scale,
    mean,
    easy_pct: pct(easy, n),
    distribution: range ? distribution(answers, range.min, range.max) : {},
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
  for (const metric of METRICS) {
    const value = answers[metric];
    if (value != null) parts.push(normalizedAnswer(metric, cesScale, value));
  }
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}
