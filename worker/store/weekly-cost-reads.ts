import type { Database } from "../db";
/**
 * The rows of the weekly ritual's cost part: the costliest interactions answered in the week,
 * and the unhappy answer with the highest cost, ranked in SQL with LIMIT so that a busy week
 * reads a handful of rows back, not every answer. Costs are priced in
 * worker/services/weekly-report.ts.
 */

import { instantsAroundDays } from "../domain/local-day";
import { METRICS, type Metric, unhappySql } from "../domain/metrics";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import type { Money } from "../metrics/cost";

export interface CostRow extends Record<TicketDimension, string>, Record<Metric, number | null> {
  ticket_id: string;
  source: string;
  handling_seconds: number | null;
  compensation_minor: number | null;
  compensation_currency: string | null;
  comment: string | null;
  submitted_at: number;
}

/**
 * Interactions answered in the week (first submission on a local day of it),
 * each with its latest answer, and a rank key: the cost in the workspace's
 * `cost_per_hour` currency times 3600, an exact integer (handling seconds ×
 * hourly minor units + 3600 × a compensation in that currency). A
 * compensation in another currency cannot be compared with it (amounts are
 * never converted), so it only breaks ties, by its own amount; then the
 * longer handling time (which alone ranks when no `cost_per_hour` is set).
 *
 * Parameters: ?1 workspace, ?2/?3 an instant range a day wider than the week
 * (so the `responses_newest` index narrows the scan), ?4/?5 the week's local
 * days, ?6 hourly cost in minor units (0 when unset), ?7 its currency.
 */
const ANSWERED = `WITH answered AS (
  SELECT r.interaction_id, ${METRICS.map((m) => `r.${m}`).join(", ")}, r.comment, r.submitted_at, r.survey_id,
    ROW_NUMBER() OVER (PARTITION BY r.interaction_id ORDER BY r.updated_at DESC, r.id DESC) AS latest
  FROM responses r
  WHERE r.workspace_id = ?1 AND r.submitted_at >= ?2 AND r.submitted_at < ?3
    AND r.submitted_day >= ?4 AND r.submitted_day < ?5 AND r.interaction_id IS NOT NULL)
SELECT i.ticket_id, i.source, i.handling_seconds, i.compensation_minor, i.compensation_currency,
  ${METRICS.map((m) => `a.${m}`).join(", ")}, a.comment, a.submitted_at, ${TICKET_DIMENSIONS.map((d) => `i.${d}`).join(", ")}
FROM answered a JOIN interactions i ON i.id = a.interaction_id
JOIN surveys s ON s.id = a.survey_id
WHERE a.latest = 1 AND i.workspace_id = ?1
  AND (i.handling_seconds > 0 OR i.compensation_minor > 0)`;

const RANK = `ORDER BY COALESCE(i.handling_seconds, 0) * ?6
    + 3600 * (CASE WHEN i.compensation_currency = ?7 THEN i.compensation_minor ELSE 0 END) DESC,
  CASE WHEN i.compensation_currency = ?7 THEN 0 ELSE COALESCE(i.compensation_minor, 0) END DESC,
  COALESCE(i.handling_seconds, 0) DESC, a.submitted_at DESC, i.id`;

/** An unhappy answer (worker/domain/metrics.ts `UNHAPPY`): detractor, unsatisfied or high effort. */
const UNHAPPY = unhappySql("a", "s.ces_scale");

/**
 * The `limit` costliest interactions answered in the local days [range.from, range.to), and the
 * costliest unhappy one, in one D1 batch.
 */
export async function readWeekCostRows(
  db: Database,
  workspaceId: string,
  range: { from: string; to: string },
  costPerHour: Money | null,
  limit: number,
): Promise<{ costliest: CostRow[]; unhappiest: CostRow | null }> {
  const params = [
    workspaceId,
    ...instantsAroundDays(range.from, range.to),
    range.from,
    range.to,
    costPerHour ? Number(costPerHour.minor) : 0,
    costPerHour?.currency ?? "",
  ];
  const [costliest, unhappy] = await db.$client.batch<CostRow>([
    db.$client.prepare(`${ANSWERED} ${RANK} LIMIT ?8`).bind(...params, limit),
    db.$client.prepare(`${ANSWERED} AND ${UNHAPPY} ${RANK} LIMIT 1`).bind(...params),
  ]);
  return { costliest: costliest?.results ?? [], unhappiest: unhappy?.results?.[0] ?? null };
}
