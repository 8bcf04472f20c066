import type { Database } from "../db";
/**
 * The weekly ritual's cost part: the five costliest interactions answered in
 * the week, and the ticket of the week (the unhappy answer with the highest
 * cost), ranked in SQL with LIMIT so that a busy week reads a handful of rows
 * back, not every answer.
 */

import type { QuestionType } from "../domain/questions";
import { interactionCost, type Money } from "../metrics/cost";
import { isoWeekRange } from "../metrics/periods";
import { answersOf } from "./response-listing";

export interface CostlyTicket {
  ticket_id: string;
  source: string;
  /** Decimal strings per currency, never converted. */
  cost: Record<string, string>;
  answers: Partial<Record<QuestionType, number>>;
  comment: string | null;
  submitted_at: string;
  channel: string | null;
  request_type: string | null;
  agent: string | null;
  team: string | null;
}

export interface WeeklyCost {
  costliest: CostlyTicket[];
  ticket_of_the_week: CostlyTicket | null;
}

interface Row {
  ticket_id: string;
  source: string;
  handling_seconds: number | null;
  compensation_minor: number | null;
  compensation_currency: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  comment: string | null;
  submitted_at: number;
  channel: string;
  request_type: string;
  agent: string;
  team: string;
}

const DAY_MS = 86_400_000;

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
  SELECT r.interaction_id, r.nps, r.csat, r.ces, r.comment, r.submitted_at, r.survey_id,
    ROW_NUMBER() OVER (PARTITION BY r.interaction_id ORDER BY r.updated_at DESC, r.id DESC) AS latest
  FROM responses r
  WHERE r.workspace_id = ?1 AND r.submitted_at >= ?2 AND r.submitted_at < ?3
    AND r.submitted_day >= ?4 AND r.submitted_day < ?5 AND r.interaction_id IS NOT NULL)
SELECT i.ticket_id, i.source, i.handling_seconds, i.compensation_minor, i.compensation_currency,
  a.nps, a.csat, a.ces, a.comment, a.submitted_at, i.channel, i.request_type, i.agent, i.team
FROM answered a JOIN interactions i ON i.id = a.interaction_id
JOIN surveys s ON s.id = a.survey_id
WHERE a.latest = 1 AND i.workspace_id = ?1
  AND (i.handling_seconds > 0 OR i.compensation_minor > 0)`;

const RANK = `ORDER BY COALESCE(i.handling_seconds, 0) * ?6
    + 3600 * (CASE WHEN i.compensation_currency = ?7 THEN i.compensation_minor ELSE 0 END) DESC,
  CASE WHEN i.compensation_currency = ?7 THEN 0 ELSE COALESCE(i.compensation_minor, 0) END DESC,
  COALESCE(i.handling_seconds, 0) DESC, a.submitted_at DESC, i.id`;

/** Detractor (NPS 0–6), unsatisfied (CSAT 1–3) or high effort (agree7 1–3, effort5 4–5). */
const UNHAPPY = `(a.nps <= 6 OR a.csat <= 3
  OR (s.ces_scale = 'effort5' AND a.ces >= 4) OR (s.ces_scale <> 'effort5' AND a.ces <= 3))`;

/** The costliest five and the ticket of the week, in one D1 batch. */
export async function weeklyCost(
  db: Database,
  workspaceId: string,
  week: string,
  costPerHour: Money | null,
): Promise<WeeklyCost> {
  const range = isoWeekRange(week);
  if (!range) throw new Error(`Not an ISO week: ${week}`);
  const params = [
    workspaceId,
    Date.parse(`${range.from}T00:00:00Z`) - DAY_MS,
    Date.parse(`${range.to}T00:00:00Z`) + DAY_MS,
    range.from,
    range.to,
    costPerHour ? Number(costPerHour.minor) : 0,
    costPerHour?.currency ?? "",
  ];
  const [costliest, unhappy] = await db.$client.batch<Row>([
    db.$client.prepare(`${ANSWERED} ${RANK} LIMIT 5`).bind(...params),
    db.$client.prepare(`${ANSWERED} AND ${UNHAPPY} ${RANK} LIMIT 1`).bind(...params),
  ]);
  const json = (r: Row): CostlyTicket => ({
    ticket_id: r.ticket_id,
    source: r.source,
    cost: interactionCost(
      r.handling_seconds,
      r.compensation_minor !== null && r.compensation_currency
        ? { minor: BigInt(r.compensation_minor), currency: r.compensation_currency }
        : null,
      costPerHour,
    ),
    answers: answersOf(r),
    comment: r.comment,
    submitted_at: new Date(r.submitted_at).toISOString(),
    channel: r.channel || null,
    request_type: r.request_type || null,
    agent: r.agent || null,
    team: r.team || null,
  });
  const top = unhappy?.results?.[0];
  return { costliest: (costliest?.results ?? []).map(json), ticket_of_the_week: top ? json(top) : null };
}
