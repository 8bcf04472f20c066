import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { QUESTION_TYPES } from "../domain/questions";
import { SEGMENT_DIMENSIONS } from "../domain/segments";
import type { AppEnv } from "../env";
import { bearer, errors, isoDay, jsonResponse, segmentFilters } from "../http/openapi";
import { reportD1Cost } from "../http/server-timing";
import { summarizeScores } from "../services/scores";
import { SCORE_GROUP_KEYS } from "../store/score-reads";
import { CesFiguresSchema, CsatFiguresSchema, NpsFiguresSchema } from "./score-schemas";

export const ScoresQuery = z
  .object({
    metric: z.enum(QUESTION_TYPES),
    from: isoDay.optional().openapi({ description: "Inclusive day of first submission, workspace timezone" }),
    to: isoDay.optional().openapi({ description: "Exclusive day, workspace timezone" }),
    group_by: z.enum(SCORE_GROUP_KEYS).optional().openapi({
      description:
        "Adds `groups`. Keys: the segment value (null when empty), the survey id, `YYYY-MM-DD`, the ISO week `YYYY-Www`, or `YYYY-MM`",
    }),
    ...segmentFilters,
    survey_id: z.string().min(1).max(100).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "to must be after from" });

const grouped = <T extends z.ZodObject>(figures: T) =>
  figures.extend({ groups: z.array(figures.extend({ key: z.string().nullable() })).optional() });

const scores = createRoute({
  method: "get",
  path: "/v1/scores",
  tags: ["Scores"],
  summary: "NPS, CSAT or CES of a selection, optionally grouped",
  description: `Read from per-day rollups, so the cost is days × segment values, not answers: one segment dimension, or channel and one more, is served by a rollup grain; any other crossing is read from the answers of its day range.
The \`Server-Timing\` header reports the rows D1 read (\`d1;dur=…;desc="rows_read=N"\`).
CES answers on different scales (agree7, effort5) are never averaged together: a selection that mixes them is a 422 \`mixed_ces_scales\` naming \`survey_id\`, except with \`group_by=survey\`: each group is then read on its survey's scale, and the whole selection keeps its \`n\` with \`scale\`, \`mean\`, \`easy_pct\` and \`benchmark\` null.`,
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: ScoresQuery },
  responses: {
    200: jsonResponse(
      "The figures of the whole selection, plus `groups` when grouped",
      z.union([grouped(NpsFiguresSchema), grouped(CsatFiguresSchema), grouped(CesFiguresSchema)]),
    ),
    ...errors(401, 403, 404, 422),
  },
});

/** GET /v1/scores: the contract's "Scores" section. */
export const scoreRoutes = new OpenAPIHono<AppEnv>().openapi(scores, async (c) => {
  const q = c.req.valid("query");
  const started = performance.now();
  const summary = await summarizeScores(
    c.var.db,
    {
      workspaceId: c.var.workspaceId,
      metric: q.metric,
      from: q.from,
      to: q.to,
      surveyId: q.survey_id,
      ...Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, q[d]])),
    },
    q.group_by,
  );
  reportD1Cost(c, started, summary.rowsRead);
  return c.json(summary.groups ? { ...summary.figures, groups: summary.groups } : summary.figures, 200);
});
