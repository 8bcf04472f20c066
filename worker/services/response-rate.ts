import type { Database } from "../db";
import { type RateFigures, rateFigures } from "../metrics/response-rate";
import { type RateSelection, readResponseRate } from "../store/response-rate-reads";
import type { ScoreGroupKey } from "../store/score-reads";
import { getSurvey } from "../store/surveys";

export type ResponseRate = RateFigures & { groups?: (RateFigures & { key: string | null })[] };

/**
 * `GET /v1/response-rate`: the share of invited tickets that answered, for the whole
 * selection and, when grouped, for each group. `rowsRead` is what D1 read, for Server-Timing.
 * A `surveyId` the workspace does not have is a 404, as in the score read, not a rate of nothing.
 */
export async function responseRate(
  db: Database,
  selection: RateSelection,
  groupBy?: ScoreGroupKey,
): Promise<{ rate: ResponseRate; rowsRead: number }> {
  const [{ rows, rowsRead }] = await Promise.all([
    readResponseRate(db, selection, groupBy),
    selection.surveyId ? getSurvey(db, selection.workspaceId, selection.surveyId) : null,
  ]);
  const invited = rows.reduce((s, r) => s + r.invited, 0);
  const answered = rows.reduce((s, r) => s + r.answered, 0);
  const total = rateFigures(invited, answered);
  if (!groupBy) return { rate: total, rowsRead };
  return {
    rate: { ...total, groups: rows.map((r) => ({ key: r.key, ...rateFigures(r.invited, r.answered) })) },
    rowsRead,
  };
}
