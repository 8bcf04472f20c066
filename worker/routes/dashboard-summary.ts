import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { DomainError } from "../domain/errors";
import type { QuestionType } from "../domain/questions";
import type { AppEnv } from "../env";
import { bearer, errors, isoDay, jsonResponse, segmentFilters } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { repurchaseFigures } from "../metrics/repurchase-figures";
import { DEFAULT_WINDOW_DAYS } from "../metrics/repurchase-window";
import { rateFigures } from "../metrics/response-rate";
import type { CesFigures, CsatFigures, Figures, NpsFigures } from "../metrics/scores";
import { summarizeScores } from "../services/scores";
import { queryRepurchase } from "../store/repurchase-query";
import { readResponseRate } from "../store/response-rate-query";
import { readSegmentValues } from "../store/segment-values";
import { DashboardSummarySchema } from "./dashboard-summary-schema";

const Query = z
  .object({
    from: isoDay.optional().openapi({ description: "Inclusive local day (answers: submitted; repurchase: closed)" }),
    to: isoDay.optional().openapi({ description: "Exclusive local day" }),
    ...segmentFilters,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "to must be after from" });

const route = createRoute({
  method: "get",
  path: "/v1/dashboard/summary",
  tags: ["Scores"],
  summary: "The dashboard's first paint: NPS, CSAT, CES, repurchase, response rate and the filter values, in one call",
  description: `The same figures as \`GET /v1/scores\` (metric nps, csat, ces), \`GET /v1/repurchase\` (default window, \`as_of\` now) and \`GET /v1/response-rate\` for one selection, computed by the same code, plus the values each segment filter offers.
A figure that cannot be computed for the selection (CES answers on two scales: \`mixed_ces_scales\`) reads \`{"error": {…}}\` in its place and the others still come.
The \`Server-Timing\` header reports the rows D1 read in total.`,
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: Query },
  responses: {
    200: jsonResponse("The headline figures and filter values", DashboardSummarySchema),
    ...errors(401, 403, 422),
  },
});

/** A figure's refusal (422) goes in its place, so one mixed selection does not blank the page. */
async function orError<T>(work: Promise<T>): Promise<T | { error: { code: string; message: string } }> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof DomainError && e.kind === "invalid") return { error: { code: e.code, message: e.message } };
    throw e;
  }
}

/** GET /v1/dashboard/summary: one round trip for the dashboard's headline cards and filter bar. */
export const dashboardSummaryRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const workspaceId = c.var.workspaceId;
  const started = performance.now();
  let rowsRead = 0;
  // summarizeScores gives the figures of the metric it is asked for.
  const score = <T extends Figures>(metric: QuestionType) =>
    orError(
      summarizeScores(c.var.db, {
        workspaceId,
        metric,
        ...q,
      }).then((s) => {
        rowsRead += s.rowsRead;
        return s.figures as T;
      }),
    );
  const asOf = Date.now();
  const repurchase = queryRepurchase(c.var.db, {
    workspaceId,
    windowDays: DEFAULT_WINDOW_DAYS,
    asOf,
    ...q,
  }).then((rows) => {
    rowsRead += rows.rowsRead;
    return { window_days: DEFAULT_WINDOW_DAYS, as_of: new Date(asOf).toISOString(), ...repurchaseFigures(rows.total) };
  });
  const filterValues = readSegmentValues(c.var.db, workspaceId).then((r) => {
    rowsRead += r.rowsRead;
    return r.values;
  });
  const responseRate = readResponseRate(c.env.DB, { workspaceId, ...q }).then(({ rows, ...read }) => {
    rowsRead += read.rowsRead;
    return rateFigures(
      rows.reduce((s, r) => s + r.invited, 0),
      rows.reduce((s, r) => s + r.answered, 0),
    );
  });
  const [nps, csat, ces, rep, response_rate, filter_values] = await Promise.all([
    score<NpsFigures>("nps"),
    score<CsatFigures>("csat"),
    score<CesFigures>("ces"),
    orError(repurchase),
    responseRate,
    filterValues,
  ]);
  reportD1Cost(c, started, rowsRead);
  return c.json({ nps, csat, ces, repurchase: rep, response_rate, filter_values }, 200);
});
