/**
 * The layout of one rollup row: a histogram of the answers of one (day, survey,
 * segment values), one count column per metric and answer value. One row per
 * segment cell, not one per answer value, so a read costs days × segment values
 * at any volume (a value nobody gave costs no row at 100k either), and an answer
 * with NPS, CSAT and CES writes one row per grain, not three.
 *
 * Pure data: the schema (schema/tables.ts), the trigger generator
 * (scripts/gen-rollup-triggers.mjs) and the score reads all derive from it.
 */
import { METRICS, type Metric, widestScale } from "./metrics";

/** The count column of one metric's answer value, e.g. `nps_9`. */
export const countColumn = (metric: Metric, value: number): string => `${metric}_${value}`;

/** Every answer value a metric takes on any scale (CES: 1–7), in order. */
export function histogramValues(metric: Metric): number[] {
  const { min, max } = widestScale(metric);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** All count columns, metric by metric: `nps_0` … `nps_10`, `csat_1` … `csat_5`, `ces_1` … `ces_7`. */
export const HISTOGRAM_COLUMNS: readonly string[] = METRICS.flatMap((m) =>
  histogramValues(m).map((v) => countColumn(m, v)),
);
