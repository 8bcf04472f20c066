import { METRICS } from "../../../worker/domain/metrics";
import { countColumn, histogramValues } from "../../../worker/domain/score-histogram";
import { SEGMENT_DIMENSIONS } from "../../../worker/domain/segments";

const BARS = METRICS.flatMap((metric) => histogramValues(metric).map((value) => [metric, value] as const));

/**
 * `score_histograms` unpivoted into one bar per (grain, day, survey, segments,
 * metric, value) with its non-zero `count`: a subquery to write `FROM ${ROLLUP_BARS}`
 * in test SQL, so tests check rollups per metric and value whatever the row layout.
 * (A join on a JSON list of the bars: D1 refuses a UNION ALL of that many terms.)
 */
export const ROLLUP_BARS = `(SELECT * FROM (
  SELECT h.workspace_id, h.grain, h.day, h.survey_id, ${SEGMENT_DIMENSIONS.map((d) => `h.${d}`).join(", ")},
    b.value ->> '$[0]' AS metric, b.value ->> '$[1]' AS value,
    CASE b.key ${BARS.map(([m, v], i) => `WHEN ${i} THEN h.${countColumn(m, v)}`).join(" ")} END AS count
  FROM score_histograms AS h, json_each('${JSON.stringify(BARS)}') AS b
) WHERE count <> 0)`;
