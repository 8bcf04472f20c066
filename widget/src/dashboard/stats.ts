/**
 * The little arithmetic the dashboard does itself. Every score comes from the
 * API; these only add what the contract leaves to clients: an interval for
 * shares the API returns without one (repurchase rate, CES "easy" share).
 */

const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion `successes / n`, in percent, or null
 * when n = 0. The same interval the API uses for CSAT, so cards read alike.
 */
export function wilsonPercent(successes: number, n: number, z = Z95): [number, number] | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}

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

/** A band of a benchmark scale: where it starts and ends on the scale, and its name. */
export interface Band {
  from: number;
  to: number;
  name: string;
}

/** The contract's published ranges, drawn behind each card's marker. */
export const NPS_BANDS: Band[] = [
  { from: -100, to: 0, name: "poor" },
  { from: 0, to: 20, name: "healthy" },
  { from: 20, to: 50, name: "good" },
  { from: 50, to: 70, name: "excellent" },
  { from: 70, to: 100, name: "world-class" },
];

export const CSAT_BANDS: Band[] = [
  { from: 0, to: 60, name: "critical" },
  { from: 60, to: 75, name: "fair" },
  { from: 75, to: 85, name: "good" },
  { from: 85, to: 100, name: "excellent" },
];

/** CES on the agree7 scale: the API calls a mean of 5 (somewhat agree) or more good. */
export const CES_AGREE7_BANDS: Band[] = [
  { from: 1, to: 5, name: "high-effort" },
  { from: 5, to: 7, name: "good" },
];

/** CES on the effort5 scale: a mean of 2 or less is good (lower is easier). */
export const CES_EFFORT5_BANDS: Band[] = [
  { from: 1, to: 2, name: "good" },
  { from: 2, to: 5, name: "high-effort" },
];

/** Where `value` sits on [min, max], as a percentage of the width, clipped. */
export function position(value: number, min: number, max: number): number {
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}
