/**
 * The score figures as the API answers them ("Scores" in the API reference): the Worker computes
 * them (worker/metrics/scores.ts) and the dashboard reads them with these very types.
 */
import type { CesBand, CsatBand, NpsBand } from "./benchmarks";
import type { Interval } from "./intervals";
import type { CesScale } from "./metrics";

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
