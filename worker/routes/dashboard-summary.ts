import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { bearer, errors, isoDay, jsonResponse, segmentFilters } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { dashboardSummary } from "../services/dashboard-summary";
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

/** GET /v1/dashboard/summary: one round trip for the dashboard's headline cards and filter bar. */
export const dashboardSummaryRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const started = performance.now();
  const { summary, rowsRead } = await dashboardSummary(c.var.db, c.var.workspaceId, q);
  reportD1Cost(c, started, rowsRead);
  return c.json(summary, 200);
});
