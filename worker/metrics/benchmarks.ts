/**
 * Benchmark bands from the published ranges the contract cites. A value on a
 * shared edge (NPS 20, CSAT 75…) goes to the upper band, except the top edges
 * the contract writes as strict ("> 70 world-class", "> 85 excellent"), which
 * stay in the band below.
 */

export type NpsBand = "poor" | "healthy" | "good" | "excellent" | "world-class";
export type CsatBand = "critical" | "fair" | "good" | "excellent";
export type CesBand = "good" | "high-effort";
export type Band = NpsBand | CsatBand | CesBand;

/** NPS: < 0 poor, 0–20 healthy, 20–50 good, 50–70 excellent, > 70 world-class. */
export function npsBand(nps: number | null): NpsBand | null {
  if (nps == null) return null;
  if (nps < 0) return "poor";
  if (nps < 20) return "healthy";
  if (nps < 50) return "good";
  if (nps <= 70) return "excellent";
  return "world-class";
}

/** CSAT (percent satisfied): < 60 critical, 60–75 fair, 75–85 good, > 85 excellent. */
export function csatBand(csat: number | null): CsatBand | null {
  if (csat == null) return null;
  if (csat < 60) return "critical";
  if (csat < 75) return "fair";
  if (csat <= 85) return "good";
  return "excellent";
}

/**
 * CES mean. `effort5` (1 very easy – 5 very hard): ≤ 2 is good, as published.
 * `agree7` has no published cut-off; we mirror the effort5 rule on the "easy"
 * end of its scale: a mean ≥ 5 (somewhat agree or better) is good. Anything
 * else is "high-effort".
 */
export function cesBand(mean: number | null, scale: "agree7" | "effort5"): CesBand | null {
  if (mean == null) return null;
  const good = scale === "effort5" ? mean <= 2 : mean >= 5;
  return good ? "good" : "high-effort";
}
