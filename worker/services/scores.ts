/**
 * `GET /v1/scores` (and the dashboard summary's scores) behind the route: reads
 * the histograms of a selection (from the rollup grain that holds it, or the
 * answers: worker/store/score-reads.ts) and turns them into the contract's
 * figures, for the whole selection and per group. The maths lives in
 * `worker/metrics`; this module gathers and checks the CES scales.
 */

import type { Database } from "../db";
import { DomainError } from "../domain/errors";
import { DEFAULT_CES_SCALE } from "../domain/metrics";
import type { CesScale } from "../domain/questions";
import { addToHistogram, type Figures, type Histogram } from "../metrics/scores";
import { type HistogramRow, readHistograms, type ScoreGroupKey, type ScoreSelection } from "../store/score-reads";
import { cesScaleBook, figuresOf } from "../store/score-summary";
import { getSurvey } from "../store/surveys";

export interface ScoreSummary {
  figures: Figures;
  groups?: ({ key: string | null } & Figures)[];
  rowsRead: number;
}

/** The CES scales a selection's answers are on, each with the surveys that ask on it. */
function cesScalesOf(
  rows: readonly HistogramRow[],
  scaleOf: ReadonlyMap<string, CesScale>,
): Map<CesScale, Set<string>> {
  const bySurvey = new Map<CesScale, Set<string>>();
  for (const row of rows) {
    if (row.count <= 0 || !row.surveyId) continue;
    const scale = scaleOf.get(row.surveyId) ?? DEFAULT_CES_SCALE;
    if (!bySurvey.has(scale)) bySurvey.set(scale, new Set());
    bySurvey.get(scale)!.add(row.surveyId);
  }
  return bySurvey;
}

/**
 * The one CES scale of a selection's answers. Answers on `agree7` and on
 * `effort5` measure opposite directions on different ranges, so averaging
 * them together would be meaningless: a selection that mixes them is a 422
 * that names `survey_id`, says which surveys use which scale and how to read
 * them (one survey, or grouped by survey, each group on its own scale).
 */
export function singleCesScale(rows: readonly HistogramRow[], scaleOf: ReadonlyMap<string, CesScale>): CesScale | null {
  const bySurvey = cesScalesOf(rows, scaleOf);
  if (bySurvey.size > 1) {
    const which = [...bySurvey].map(([scale, ids]) => `${scale}: ${[...ids].sort().join(", ")}`).join("; ");
    throw new DomainError(
      "invalid",
      "mixed_ces_scales",
      "These CES answers are on different scales (agree7 and effort5) and cannot be averaged together: pick a survey_id, or group_by=survey to read each survey on its own scale",
      [{ path: "survey_id", message: `Choose one survey, or surveys on one scale (${which})` }],
    );
  }
  return bySurvey.keys().next().value ?? null;
}

/**
 * The whole of a selection grouped by survey whose surveys ask CES on different scales: how many
 * answered, and no figure that would average the two scales (the groups carry them, each on its own).
 */
function mixedCesFigures(whole: Histogram): Figures {
  let n = 0;
  for (const count of whole.values()) n += count;
  return { ...figuresOf("ces", new Map(), null), n };
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

  // Grouped by survey, each group is one survey and so one scale: the scales may differ between
  // groups, and only the whole selection, which would mix them, goes without a scale.
  const bySurvey = book !== null && groupBy === "survey";
  const mixed = bySurvey && cesScalesOf(rows, book.scaleOf).size > 1;
  let scale: CesScale | null = null;
  if (book && !mixed) scale = singleCesScale(rows, book.scaleOf) ?? survey?.cesScale ?? book.unanimous;
  const groupScale = (key: string | null): CesScale | null =>
    bySurvey && key ? (book.scaleOf.get(key) ?? DEFAULT_CES_SCALE) : scale;

  const whole = new Map<number, number>();
  const perGroup = new Map<string | null, Map<number, number>>();
  for (const row of rows) {
    addToHistogram(whole, row.value, row.count);
    if (!groupBy) continue;
    const h = perGroup.get(row.key) ?? new Map<number, number>();
    perGroup.set(row.key, h);
    addToHistogram(h, row.value, row.count);
  }
  const figures = mixed ? mixedCesFigures(whole) : figuresOf(selection.metric, whole, scale);
  if (!groupBy) return { figures, rowsRead };
  const groups = [...perGroup]
    .map(([key, h]) => ({ key, ...figuresOf(selection.metric, h, groupScale(key)) }))
    .sort(byKey);
  return { figures, groups, rowsRead };
}
