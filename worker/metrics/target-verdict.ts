/**
 * The verdict of a contract target, from the shares the period measured.
 *
 * `status` compares the point value with the threshold(s): what a contract
 * counts. `certain` says whether the whole 95 % interval lies on that same
 * side. When it does not, `n_needed` is the smallest number of answers at
 * which the SAME shares would make it certain, found by searching n with the
 * very interval functions the score reads use (adjusted-Wald for NPS, Wilson
 * for the CSAT, CES easy and repurchase shares): their intervals narrow as n
 * grows at fixed shares, so a bisection finds the first n that is certain.
 * Values and thresholds are in percent (NPS in points, −100 to 100).
 */

import { type Interval, npsAdjustedWaldInterval, wilsonPercent } from "../domain/intervals";

/** What a period measured: a proportion (k of n) or an NPS split. */
export type Measure =
  | { kind: "share"; successes: number; n: number }
  | { kind: "nps"; promoters: number; detractors: number; n: number };

export interface Thresholds {
  min?: number;
  max?: number;
}

export interface Verdict {
  value: number | null;
  n: number;
  ci95: Interval | null;
  status: "met" | "missed" | "no_data";
  certain: boolean;
  n_needed: number | null;
}

/** The largest n the search tries: past it, a verdict is not worth waiting for (the shares sit on the threshold). */
export const N_NEEDED_LIMIT = 10_000_000;

export function pointValue(m: Measure): number | null {
  if (m.n <= 0) return null;
  return m.kind === "share" ? (100 * m.successes) / m.n : (100 * (m.promoters - m.detractors)) / m.n;
}

/** The interval at `n` answers with the measured shares (counts scaled, possibly fractional). */
export function intervalAt(m: Measure, n: number): Interval | null {
  if (m.n <= 0) return null;
  const scale = n / m.n;
  return m.kind === "share"
    ? wilsonPercent(m.successes * scale, n)
    : npsAdjustedWaldInterval(m.promoters * scale, m.detractors * scale, n);
}

export function isMet(value: number, t: Thresholds): boolean {
  return (t.min == null || value >= t.min) && (t.max == null || value <= t.max);
}

/** Whether the whole interval lies on the side of the threshold(s) that `met` names. */
export function isCertain(ci: Interval, met: boolean, t: Thresholds): boolean {
  const [low, high] = ci;
  if (met) return (t.min == null || low >= t.min) && (t.max == null || high <= t.max);
  return (t.min != null && high < t.min) || (t.max != null && low > t.max);
}

export function verdict(m: Measure, t: Thresholds): Verdict {
  const value = pointValue(m);
  const ci = intervalAt(m, m.n);
  if (value == null || ci == null) {
    return { value: null, n: m.n, ci95: null, status: "no_data", certain: false, n_needed: null };
  }
  const met = isMet(value, t);
  const certain = isCertain(ci, met, t);
  return {
    value,
    n: m.n,
    ci95: ci,
    status: met ? "met" : "missed",
    certain,
    n_needed: certain ? null : nNeeded(m, met, t),
  };
}

/** The smallest n ≥ the measured n whose interval, at the same shares, is certain; null when none up to the limit. */
export function nNeeded(m: Measure, met: boolean, t: Thresholds): number | null {
  const certainAt = (n: number) => {
    const ci = intervalAt(m, n);
    return ci != null && isCertain(ci, met, t);
  };
  if (!certainAt(N_NEEDED_LIMIT)) return null;
  let low = m.n; // not certain
  let high = N_NEEDED_LIMIT; // certain
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (certainAt(mid)) high = mid;
    else low = mid;
  }
  return high;
}
