import type { Database } from "../db";
import { DomainError } from "../domain/errors";
import type { Metric } from "../domain/metrics";
import type { SegmentDimension } from "../domain/segments";
import { DEFAULT_WINDOW_DAYS } from "../metrics/repurchase-window";
import type { CesFigures, CsatFigures, Figures, NpsFigures } from "../metrics/scores";
import { readSegmentValues } from "../store/segment-values";
import { readRepurchase } from "./repurchase";
import { responseRate } from "./response-rate";
import { summarizeScores } from "./scores";

/** The selection of the dashboard's first paint: a period of local days and the segment filters. */
export type DashboardSelection = { from?: string; to?: string } & { [D in SegmentDimension]?: string };

/** A figure the selection cannot give, in the figure's place. */
export type FigureRefusal = { error: { code: string; message: string } };

/** A figure's refusal (422) goes in its place, so one mixed selection does not blank the page. */
async function orError<T>(work: Promise<T>): Promise<T | FigureRefusal> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof DomainError && e.kind === "invalid") return { error: { code: e.code, message: e.message } };
    throw e;
  }
}

/**
 * `GET /v1/dashboard/summary`: the same figures as the scores and repurchase reads for one
 * selection (repurchase on the default window, as of `now`), computed by the same code, plus
 * the response rate and the values each segment filter offers. `rowsRead` is what D1 read in total, for Server-Timing.
 */
export async function dashboardSummary(db: Database, workspaceId: string, q: DashboardSelection, now = Date.now()) {
  let rowsRead = 0;
  const selection = { workspaceId, ...q };
  // summarizeScores gives the figures of the metric it is asked for.
  const score = <T extends Figures>(metric: Metric) =>
    orError(
      summarizeScores(db, { ...selection, metric }).then((s) => {
        rowsRead += s.rowsRead;
        return s.figures as T;
      }),
    );
  // The same read as GET /v1/repurchase, so a closed period comes from the daily rollup here too.
  const repurchase = readRepurchase(db, { ...selection, windowDays: DEFAULT_WINDOW_DAYS, asOf: now }).then((r) => {
    rowsRead += r.rowsRead;
    const { groups: _ungrouped, ...figures } = r.report;
    return figures;
  });
  const filterValues = readSegmentValues(db, workspaceId).then((r) => {
    rowsRead += r.rowsRead;
    return r.values;
  });
  const rate = responseRate(db, selection).then((r) => {
    rowsRead += r.rowsRead;
    return r.rate;
  });
  const [nps, csat, ces, rep, response_rate, filter_values] = await Promise.all([
    score<NpsFigures>("nps"),
    score<CsatFigures>("csat"),
    score<CesFigures>("ces"),
    orError(repurchase),
    rate,
    filterValues,
  ]);
  return { summary: { nps, csat, ces, repurchase: rep, response_rate, filter_values }, rowsRead };
}
