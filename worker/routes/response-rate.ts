import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { SEGMENT_DIMENSIONS } from "../domain/segments";
import type { AppEnv } from "../env";
import { bearer, errors, isoDay, jsonResponse, segmentFilters } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { responseRate } from "../services/response-rate";
import { SCORE_GROUP_KEYS } from "../store/score-reads";
import { ResponseRateFiguresSchema } from "./response-rate-schema";

const RateQuery = z
  .object({
    from: isoDay.optional().openapi({ description: "Inclusive day of the first invitation, workspace timezone" }),
    to: isoDay.optional().openapi({ description: "Exclusive day, workspace timezone" }),
    group_by: z.enum(SCORE_GROUP_KEYS).optional().openapi({ description: "Adds `groups`, keyed as in `/v1/scores`" }),
    survey_id: z.string().min(1).max(100).optional(),
    ...segmentFilters,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "to must be after from" });

const Figures = ResponseRateFiguresSchema;

const route = createRoute({
  method: "get",
  path: "/v1/response-rate",
  tags: ["Scores"],
  summary: "Share of invited tickets that answered, optionally by segment",
  description:
    "Counted on the local day the invitation was first created: a score answered by 5 % of customers does not speak for the other 95 %.",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: RateQuery },
  responses: {
    200: jsonResponse(
      "The whole selection, plus `groups` when grouped",
      Figures.extend({ groups: z.array(Figures.extend({ key: z.string().nullable() })).optional() }).openapi(
        "ResponseRate",
      ),
    ),
    ...errors(401, 403, 404, 422),
  },
});

/** GET /v1/response-rate: the contract's "Programme health" section. */
export const responseRateRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const started = performance.now();
  const { rate, rowsRead } = await responseRate(
    c.var.db,
    {
      workspaceId: c.var.workspaceId,
      from: q.from,
      to: q.to,
      surveyId: q.survey_id,
      ...Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, q[d]])),
    },
    q.group_by,
  );
  reportD1Cost(c, started, rowsRead);
  return c.json(rate, 200);
});
