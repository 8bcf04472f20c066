/**
 * `GET /v1/scores` (and the dashboard summary's scores) behind the route: reads
 * the histograms of a selection (from the rollup grain that holds it, or the
 * answers: worker/store/score-reads.ts) and turns them into the contract's
 * figures, for the whole selection and per group. The maths lives in
 * `worker/metrics`; this module gathers and checks the CES scales.
 */

import type { Database } from "../db";
import { DomainError } from "../domain/errors";
import type { CesScale } from "../domain/questions";
import { addToHistogram, type Figures } from "../metrics/scores";
import { type HistogramRow, readHistograms, type ScoreGroupKey, type ScoreSelection } from "../store/score-reads";
import { cesScaleBook, figuresOf } from "../store/score-summary";
import { getSurvey } from "../store/surveys";

export interface ScoreSummary {
  figures: Figures;
  groups?: ({ key: string | null } & Figures)[];
  rowsRead: number;
}

/**
 * The one CES scale of a selection's answers. Answers on `agree7` and on
 * `effort5` measure opposite directions on different ranges, so averaging
 * them together would be meaningless: a selection that mixes them is a 422
 * that names `survey_id` and says which surveys use which scale.
 */
export function singleCesScale(rows: readonly HistogramRow[], scaleOf: ReadonlyMap<string, CesScale>): CesScale | null {
  const bySurvey = new Map<CesScale, Set<string>>();
  for (const row of rows) {
    if (row.count <= 0 || !row.surveyId) continue;
    const scale = scaleOf.get(row.surveyId) ?? "agree7";
    if (!bySurvey.has(scale)) bySurvey.set(scale, new Set());
    bySurvey.get(scale)!.add(row.surveyId);
  }
  if (bySurvey.size > 1) {
    const which = [...bySurvey].map(([scale, ids]) => `${scale}: ${[...ids].sort().join(", ")}`).join("; ");
    throw new DomainError(
      "invalid",
      "mixed_ces_scales",
      "These CES answers are on different scales and cannot be averaged together; pick a survey_id",
      [{ path: "survey_id", message: `Choose one survey, or surveys on one scale (${which})` }],
    );
  }
  return bySurvey.keys().next().value ?? null;
}

/** Sorts group keys ascending (days, weeks and months chronologically), the empty segment last. */
function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === b.key) return 0;
  if (a.key == null) return 1;
  if (b.key == null) return -1;
  return a.key < b.key ? -1 : 1;
}

/**
 * Scores of a selection. A `surveyId` of another workspace is a 404 (checked
 * before anything is read). For CES, the scale is the one the selected
 * answers share; with no answers, the selected survey's scale, or the scale
 * all the workspace's CES surveys share, else null.
 */
export async function summarizeScores(
  db: Database,
  selection: ScoreSelection,
  groupBy?: ScoreGroupKey,
): Promise<ScoreSummary> {
  const isCes = selection.metric === "ces";
  const [survey, book] = await Promise.all([
    selection.surveyId ? getSurvey(db, selection.workspaceId, selection.surveyId) : null,
    isCes ? cesScaleBook(db, selection.workspaceId) : null,
  ]);
  const { rows, rowsRead } = await readHistograms(db, selection, { groupBy, bySurvey: isCes });

  let scale: CesScale | null = null;
  if (book) scale = singleCesScale(rows, book.scaleOf) ?? survey?.cesScale ?? book.unanimous;

  const whole = new Map<number, number>();
  const perGroup = new Map<string | null, Map<number, number>>();
  for (const row of rows) {
    addToHistogram(whole, row.value, row.count);
    if (!groupBy) continue;
    const h = perGroup.get(row.key) ?? new Map<number, number>();
    perGroup.set(row.key, h);
    addToHistogram(h, row.value, row.count);
  }
  const figures = figuresOf(selection.metric, whole, scale);
  if (!groupBy) return { figures, rowsRead };
  const groups = [...perGroup].map(([key, h]) => ({ key, ...figuresOf(selection.metric, h, scale) })).sort(byKey);
  return { figures, groups, rowsRead };
}
