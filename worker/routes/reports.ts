import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { isoWeekRange } from "../metrics/periods";
import { HEADLINE } from "../metrics/weekly";
import { weeklyReportWithCost } from "../services/weekly-report";
import { type HEADLINE_FIGURES, WeeklyReport } from "./reports-schema";

// The schema lists the headline figures itself (it imports zod and the domain only): the same as HEADLINE's, in order.
const headlinesMatch: typeof HEADLINE_FIGURES = [HEADLINE.nps, HEADLINE.csat, HEADLINE.ces];
void headlinesMatch;

const WeeklyQuery = z.object({
  week: z
    .string()
    .refine((w) => isoWeekRange(w) != null, "Expected an ISO week YYYY-Www that the year has, e.g. 2026-W47")
    .optional()
    .openapi({ description: "ISO week (Monday–Sunday) in the workspace's timezone; default: the last complete week" }),
});

const weekly = createRoute({
  method: "get",
  path: "/v1/reports/weekly",
  tags: ["Scores"],
  summary: "The weekly report: changes, verbatims and the segments that moved",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: WeeklyQuery },
  responses: {
    200: jsonResponse("The report of the week", WeeklyReport),
    ...errors(401, 403, 422),
  },
});

/** GET /v1/reports/weekly: the managers' weekly ritual. */
export const reportRoutes = new OpenAPIHono<AppEnv>().openapi(weekly, async (c) => {
  const { week } = c.req.valid("query");
  return c.json(await weeklyReportWithCost(c.var.db, c.var.workspaceId, week), 200);
});
