import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { IMPACT_CATEGORIES, type ImpactBy } from "../metrics/impact";
import { readImpact } from "../services/impact";
import { ImpactBody } from "./impact-schema";
import { parseSelection, selectionQuery } from "./repurchase-selection";

/** Impact offers the support tool's segments as filters (not the shop's tenure and value tier). */
const IMPACT_FILTERS = ["channel", "request_type", "agent", "team"] as const;

const Query = z.object({
  ...selectionQuery(IMPACT_FILTERS),
  by: z
    .enum(Object.keys(IMPACT_CATEGORIES) as [ImpactBy, ...ImpactBy[]])
    .default("nps_category")
    .openapi({ description: "The categories compared: NPS or CSAT category, or follow-up contacted vs not_contacted" }),
});

const route = createRoute({
  method: "get",
  path: "/v1/impact",
  tags: ["Scores"],
  summary: "What support is worth: repurchase uplift, revenue at stake, cost and net per interaction",
  description:
    "Over the interactions whose repurchase window has closed by `as_of`, exactly as `GET /v1/repurchase`. An association, not a proof of cause. Cost in D1 rows read is in the `Server-Timing` header.",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: Query },
  responses: { 200: jsonResponse("The figures", ImpactBody), ...errors(401, 403, 422) },
});

/** GET /v1/impact: parse the selection, read (worker/services/impact.ts), answer. */
export const impactRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const started = performance.now();
  const { report, rowsRead } = await readImpact(c.var.db, {
    ...parseSelection(q, IMPACT_FILTERS),
    workspaceId: c.var.workspaceId,
    by: q.by,
  });
  reportD1Cost(c, started, rowsRead);
  return c.json(report, 200);
});
