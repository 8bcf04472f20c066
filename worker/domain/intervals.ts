/**
 * Confidence intervals for the score figures. Pure functions, no I/O, no DOM:
 * the Worker's figures and the dashboard's cards import this one module, so
 * an interval reads the same wherever it is shown.
 * Every function takes raw counts and returns `null` when there is no answer,
 * so a caller never divides by zero or shows NaN.
 */

/** The two-sided 95% normal quantile the contract fixes. */
export const Z95 = 1.96;

/** A closed interval `[low, high]`. */
export type Interval = [number, number];

/**
 * Wald margin of error of an NPS, in NPS points:
 * `100·z·sqrt((p + d − (p − d)²) / n)` with p = promoters/n, d = detractors/n.
 * The variance term is clamped at 0 because floating point can leave a
 * −1e-17 where the exact value is 0 (all promoters, all detractors).
 */
export function npsMarginOfError(promoters: number, detractors: number, n: number, z = Z95): number | null {
  if (n <= 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  return 100 * z * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
}

/**
 * Adjusted-Wald 95% interval of an NPS (Rocks 2016), in NPS points: add ¾ of a
 * promoter and ¾ of a detractor (3 answers in all) before the Wald formula,
 * which gives honest coverage at small n; clipped to [−100, 100].
 */
export function npsAdjustedWaldInterval(promoters: number, detractors: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const nAdj = n + 3;
  const p = (promoters + 0.75) / nAdj;
  const d = (detractors + 0.75) / nAdj;
  const centre = p - d;
  const half = z * Math.sqrt(Math.max(0, p + d - centre ** 2) / nAdj);
  return [Math.max(-100, 100 * (centre - half)), Math.min(100, 100 * (centre + half))];
}

/**
 * Wilson score interval of a proportion `successes / n`, as a share in [0, 1].
 * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at
 * 0% or 100%, which small support teams hit all the time. At 0 of n and n of n
 * the formula's end is exactly 0 or 1 on paper; floating point leaves 1e-17 off,
 * which would put the figure outside its own interval, so those ends are exact.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  const low = successes <= 0 ? 0 : Math.max(0, centre - half);
  const high = successes >= n ? 1 : Math.min(1, centre + half);
  return [low, high];
}

/** The Wilson interval in percent (CSAT's ci95, the dashboard's shares), or null when n = 0. */
export function wilsonPercent(successes: number, n: number, z = Z95): Interval | null {
  const share = wilsonInterval(successes, n, z);
  return share ? [100 * share[0], 100 * share[1]] : null;
}
