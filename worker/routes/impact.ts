import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { IMPACT_CATEGORIES, type ImpactBy } from "../metrics/impact";
import { readImpact } from "../services/impact";
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

const Money = z.record(z.string(), z.string()).openapi({
  description: "Decimal strings per currency, never converted or summed across currencies",
  example: { EUR: "42.10" },
});
const Share = z.tuple([z.number(), z.number()]).nullable();

export const ImpactBody = z
  .object({
    by: z.string(),
    window_days: z.number().int(),
    as_of: z.string(),
    categories: z.array(
      z.object({
        key: z.string(),
        eligible: z.number().int(),
        repurchased: z.number().int(),
        rate: z.number().nullable().openapi({ description: "repurchased / eligible; null when nothing is eligible" }),
        ci95: Share.openapi({ description: "Wilson 95% interval of the rate" }),
        revenue_per_interaction: Money.nullable(),
        cost_per_interaction: Money.nullable(),
        net_per_interaction: Money.nullable(),
      }),
    ),
    uplift: z.object({
      key: z.string(),
      vs: z.string(),
      difference: z.number().nullable().openapi({ description: "rate(key) − rate(vs)" }),
      ci95: Share.openapi({ description: "Newcombe's hybrid score interval (method 10)" }),
    }),
    at_stake: z
      .record(z.string(), z.object({ value: z.string(), low: z.string(), high: z.string() }))
      .optional()
      .openapi({
        description:
          "eligible(vs) × difference × mean revenue of a repurchasing `key` interaction, per currency; low/high from the uplift's ci95, clipped at 0. Absent when a side has no eligible interaction.",
      }),
    cost_per_interaction: Money.nullable(),
    net_per_interaction: Money.nullable(),
  })
  .openapi("Impact");

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
