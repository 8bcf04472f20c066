import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { invalid } from "../domain/errors";
import type { AppEnv } from "../env";
import { bearer, errors, isoDay, jsonResponse, segmentText } from "../http/openapi";
import { IMPACT_CATEGORIES, type ImpactBy, impactFigures } from "../metrics/impact";
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from "../metrics/repurchase-window";
import { queryImpact } from "../store/impact-query";
import { costPerHourOf, getWorkspace } from "../store/workspaces";
import { parseAsOf } from "./repurchase";

const Query = z.object({
  window_days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_WINDOW_DAYS)
    .default(DEFAULT_WINDOW_DAYS)
    .openapi({ description: "Days after `closed_at` an order may count, 1–365", example: 30 }),
  as_of: z.string().optional().openapi({
    description: "ISO-8601 instant at which windows are judged (default now), as in the repurchase read",
    example: "2026-11-17T00:00:00Z",
  }),
  from: isoDay.optional().openapi({ description: "Inclusive local day of `closed_at`" }),
  to: isoDay.optional().openapi({ description: "Exclusive local day of `closed_at`" }),
  by: z
    .enum(Object.keys(IMPACT_CATEGORIES) as [ImpactBy, ...ImpactBy[]])
    .default("nps_category")
    .openapi({ description: "The categories compared: NPS or CSAT category, or follow-up contacted vs not_contacted" }),
  channel: segmentText.optional(),
  request_type: segmentText.optional(),
  agent: segmentText.optional(),
  team: segmentText.optional(),
});

const Money = z.record(z.string(), z.string()).openapi({
  description: "Decimal strings per currency, never converted or summed across currencies",
  example: { EUR: "42.10" },
});
const Share = z.tuple([z.number(), z.number()]).nullable();

const ImpactBody = z
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

/** GET /v1/impact: parse, query (`worker/store/impact-query.ts`), assemble (`worker/metrics/impact.ts`). */
export const impactRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const asOf = q.as_of === undefined ? Date.now() : parseAsOf(q.as_of);
  if (q.from && q.to && q.to <= q.from) throw invalid([{ path: "to", message: "Must be a day after `from`" }]);
  const started = Date.now();
  const [workspace, rows] = await Promise.all([
    getWorkspace(c.var.db, c.var.workspaceId),
    queryImpact(c.var.db, {
      workspaceId: c.var.workspaceId,
      windowDays: q.window_days,
      asOf,
      from: q.from,
      to: q.to,
      channel: q.channel,
      request_type: q.request_type,
      agent: q.agent,
      team: q.team,
      by: q.by,
    }),
  ]);
  c.header("Server-Timing", `d1;dur=${Date.now() - started};desc="rows_read=${rows.rowsRead}"`);
  const figures = impactFigures({
    by: q.by,
    repurchase: rows.repurchase,
    cost: rows.cost,
    costPerHour: costPerHourOf(workspace),
  });
  return c.json({ by: q.by, window_days: q.window_days, as_of: new Date(asOf).toISOString(), ...figures }, 200);
});
