/**
 * Benchmark bands from the published ranges the contract cites, in one table
 * per scale: the Worker names a figure's band from it and the dashboard draws
 * the same table behind each card. The sources write the edges as "above 0 is
 * healthy, above 20 good…", so a value on an edge belongs to the band below
 * unless the table says the edge opens the band above (CSAT's 60 and 75).
 */

export type NpsBand = "poor" | "healthy" | "good" | "excellent" | "world-class";
export type CsatBand = "critical" | "fair" | "good" | "excellent";
export type CesBand = "good" | "high-effort";
export type Band = NpsBand | CsatBand | CesBand;

/** A band of a scale: `from` to `to`, holding `to` itself when `holdsTo` (else `to` opens the next band). */
export interface BandRange<Name extends string = Band> {
  name: Name;
  from: number;
  to: number;
  holdsTo: boolean;
}

/** NPS: ≤ 0 poor, (0, 20] healthy, (20, 50] good, (50, 70] excellent, > 70 world-class. */
export const NPS_BANDS: readonly BandRange<NpsBand>[] = [
  { name: "poor", from: -100, to: 0, holdsTo: true },
  { name: "healthy", from: 0, to: 20, holdsTo: true },
  { name: "good", from: 20, to: 50, holdsTo: true },
  { name: "excellent", from: 50, to: 70, holdsTo: true },
  { name: "world-class", from: 70, to: 100, holdsTo: true },
];

/** CSAT (percent satisfied): < 60 critical, [60, 75) fair, [75, 85] good, > 85 excellent. */
export const CSAT_BANDS: readonly BandRange<CsatBand>[] = [
  { name: "critical", from: 0, to: 60, holdsTo: false },
  { name: "fair", from: 60, to: 75, holdsTo: false },
  { name: "good", from: 75, to: 85, holdsTo: true },
  { name: "excellent", from: 85, to: 100, holdsTo: true },
];

/** CES `effort5` (1 very easy – 5 very hard): a mean ≤ 2 is good, as published. */
export const CES_EFFORT5_BANDS: readonly BandRange<CesBand>[] = [
  { name: "good", from: 1, to: 2, holdsTo: true },
  { name: "high-effort", from: 2, to: 5, holdsTo: true },
];

/**
 * CES `agree7` has no published cut-off; we mirror the effort5 rule on the
 * "easy" end of its scale: a mean ≥ 5 (somewhat agree or better) is good.
 */
export const CES_AGREE7_BANDS: readonly BandRange<CesBand>[] = [
  { name: "high-effort", from: 1, to: 5, holdsTo: false },
  { name: "good", from: 5, to: 7, holdsTo: true },
];

/** The band `value` falls in, or null for no figure. */
export function bandOf<Name extends string>(bands: readonly BandRange<Name>[], value: number | null): Name | null {
  if (value == null || Number.isNaN(value)) return null;
  const band = bands.find((b) => value < b.to || (b.holdsTo && value === b.to)) ?? bands[bands.length - 1];
  return band ? band.name : null;
}

export const npsBand = (nps: number | null): NpsBand | null => bandOf(NPS_BANDS, nps);
export const csatBand = (csat: number | null): CsatBand | null => bandOf(CSAT_BANDS, csat);
export const cesBand = (mean: number | null, scale: "agree7" | "effort5"): CesBand | null =>
  bandOf(scale === "effort5" ? CES_EFFORT5_BANDS : CES_AGREE7_BANDS, mean);
