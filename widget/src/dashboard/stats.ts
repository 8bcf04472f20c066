/**
 * The little arithmetic the dashboard does itself. Every score comes from the
 * API; the intervals for shares the API returns without one (repurchase rate,
 * CES "easy" share) and the benchmark bands come from worker/domain, the
 * very modules the Worker computes its figures with.
 */

/** Sums a `{"1": count, …}` distribution. */
export function total(distribution: Record<string, number> | undefined): number {
  return Object.values(distribution ?? {}).reduce((s, c) => s + (Number(c) || 0), 0);
}

/** The benchmark band's name from whatever shape the API gave it, normalised (`world-class`). */
export function bandName(benchmark: unknown): string | null {
  const raw =
    typeof benchmark === "string"
      ? benchmark
      : benchmark && typeof benchmark === "object"
        ? ((benchmark as Record<string, unknown>).band ??
          (benchmark as Record<string, unknown>).label ??
          (benchmark as Record<string, unknown>).name)
        : null;
  return typeof raw === "string" && raw ? raw.toLowerCase().replace(/[\s_]+/g, "-") : null;
}

/** Where `value` sits on [min, max], as a percentage of the width, clipped. */
export function position(value: number, min: number, max: number): number {
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

/**
 * Below this response rate (percent) a score card says in words that the score
 * speaks for the customers who answered only: at 5 % the other 95 % are unheard,
 * and those who answer are rarely a random draw (the happiest and the angriest
 * answer first). 20 % is the low end of what support surveys usually get.
 */
export const LOW_RESPONSE_RATE = 20;
