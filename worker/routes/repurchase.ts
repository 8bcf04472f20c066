import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { SEGMENT_DIMENSIONS } from "../domain/segments";
import type { AppEnv } from "../env";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { readRepurchase } from "../services/repurchase";
import { REPURCHASE_GROUPS } from "../store/repurchase-query";
import { RepurchaseFiguresSchema } from "./repurchase-schemas";
import { parseSelection, selectionQuery } from "./repurchase-selection";

const Query = z.object({
  ...selectionQuery(SEGMENT_DIMENSIONS),
  group_by: z.enum(REPURCHASE_GROUPS).optional(),
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

/**
 * GET /v1/repurchase: parse the selection, read (worker/services/repurchase.ts), answer.
 * `Aftercare-Read-Path` names the read that answered: `rollup:<grain>` (the daily
 * rollup) or `query` (the bounded query), as the bench reports it.
 */
export const repurchaseRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const started = performance.now();
  const { report, rowsRead, path } = await readRepurchase(c.var.db, {
    ...parseSelection(q, SEGMENT_DIMENSIONS),
    workspaceId: c.var.workspaceId,
    groupBy: q.group_by,
  });
  reportD1Cost(c, started, rowsRead);
  c.header("Aftercare-Read-Path", path);
  return c.json(report, 200);
});
