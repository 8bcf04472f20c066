import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { invalid } from "../domain/errors";
import { SEGMENT_DIMENSIONS } from "../domain/segments";
import type { AppEnv } from "../env";
import { parseLooseInstant } from "../hooks/payload";
import { bearer, errors, isoDay, jsonResponse, segmentFilters } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { repurchaseFigures } from "../metrics/repurchase-figures";
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from "../metrics/repurchase-window";
import { queryRepurchase, REPURCHASE_GROUPS } from "../store/repurchase-query";
import { RepurchaseFiguresSchema } from "./repurchase-schemas";

const Query = z.object({
  window_days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_WINDOW_DAYS)
    .default(DEFAULT_WINDOW_DAYS)
    .openapi({ description: "Days after `closed_at` an order may count, 1–365", example: 30 }),
  as_of: z.string().optional().openapi({
    description:
      "ISO-8601 instant (a date alone means its UTC midnight) at which windows are judged; default now. Interactions closed after it are left out.",
    example: "2026-11-17T00:00:00Z",
  }),
  from: isoDay.optional().openapi({ description: "Inclusive local day of `closed_at`" }),
  to: isoDay.optional().openapi({ description: "Exclusive local day of `closed_at`" }),
  group_by: z.enum(REPURCHASE_GROUPS).optional(),
  ...segmentFilters,
});

const RepurchaseBody = RepurchaseFiguresSchema.extend({
  window_days: z.number().int(),
  as_of: z.string(),
  groups: z
    .array(RepurchaseFiguresSchema.extend({ key: z.string().nullable() }))
    .openapi({ description: "One entry per `group_by` key; empty when the read is not grouped" }),
}).openapi("Repurchase");

const route = createRoute({
  method: "get",
  path: "/v1/repurchase",
  tags: ["Scores"],
  summary: "Repurchase rate after an interaction",
  description:
    'An order counts for an interaction when the same customer placed it strictly after `closed_at` and at most `window_days` later, and it was not cancelled. Revenue counts each order once. Cost in D1 rows read is in the `Server-Timing` header (`d1;dur=…;desc="rows_read=N"`).',
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: Query },
  responses: { 200: jsonResponse("The figures", RepurchaseBody), ...errors(401, 403, 422) },
});

/** GET /v1/repurchase: parse, query (`worker/store/repurchase-query.ts`), format (`worker/metrics/repurchase.ts`). */
export const repurchaseRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const asOf = q.as_of === undefined ? Date.now() : parseAsOf(q.as_of);
  if (q.from && q.to && q.to <= q.from) throw invalid([{ path: "to", message: "Must be a day after `from`" }]);
  const started = performance.now();
  const rows = await queryRepurchase(c.var.db, {
    workspaceId: c.var.workspaceId,
    windowDays: q.window_days,
    asOf,
    from: q.from,
    to: q.to,
    ...Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, q[d]])),
    groupBy: q.group_by,
  });
  reportD1Cost(c, started, rows.rowsRead);
  return c.json(
    {
      window_days: q.window_days,
      as_of: new Date(asOf).toISOString(),
      ...repurchaseFigures(rows.total),
      // docs/scores.md lists `groups` in the body: empty when the read is not grouped.
      groups: q.group_by ? rows.groups.map((g) => ({ key: g.key, ...repurchaseFigures(g.tally) })) : [],
    },
    200,
  );
});

export function parseAsOf(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : parseLooseInstant(text);
  if (ms === null || !Number.isFinite(ms)) {
    throw invalid([{ path: "as_of", message: "Expected an ISO-8601 instant such as 2026-11-17T00:00:00Z" }]);
  }
  return ms;
}
