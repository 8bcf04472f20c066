import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { MAX_COMMENT_CHARS } from "../domain/comment";
import { invalid } from "../domain/errors";
import { METRICS, type Metric, widestScale } from "../domain/metrics";
import { QUESTION_TYPES, type QuestionType } from "../domain/questions";
import type { AppEnv } from "../env";
import { CSV_DELIMITERS, type CsvDelimiter, csvRow, UTF8_BOM } from "../http/csv";
import { bearer, errors, isoDay, jsonRequest, jsonResponse } from "../http/openapi";
import { timedSteps } from "../http/server-timing";
import { waitUntilOf } from "../http/wait-until";
import { recordResponse } from "../services/record-answer";
import { listResponses, type ResponseFilter, responseJson } from "../store/response-listing";
import { getSurvey } from "../store/surveys";
import { ResponsePage } from "./responses-schema";

const SubmitResponse = z
  .object({
    token: z.string().min(1).max(2048),
    answers: z
      .object({
        // Each metric's widest scale; the survey's own scale is checked when the answer is recorded.
        ...(Object.fromEntries(
          METRICS.map((metric) => {
            const { min, max } = widestScale(metric);
            return [metric, z.number().int().min(min).max(max).optional()];
          }),
        ) as Record<Metric, z.ZodOptional<z.ZodNumber>>),
      })
      .strict()
      .openapi({ description: "At least one of the survey's questions, and no other" }),
    comment: z.string().max(MAX_COMMENT_CHARS).optional(),
    locale: z.enum(["en", "fr"]).optional(),
  })
  .openapi("SubmitResponse");

const ListQuery = z.object({
  survey_id: z.string().max(100).optional(),
  metric: z.enum(QUESTION_TYPES).optional(),
  min: z.coerce.number().int().min(0).max(10).optional(),
  max: z.coerce.number().int().min(0).max(10).optional(),
  from: isoDay.optional().openapi({ description: "Inclusive day of first submission, workspace timezone" }),
  to: isoDay.optional().openapi({ description: "Exclusive day" }),
  channel: z.string().max(200).optional(),
  request_type: z.string().max(200).optional(),
  agent: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

const submit = createRoute({
  method: "post",
  path: "/v1/responses",
  tags: ["Responses"],
  summary: "Submit a survey answer (public, token-authenticated)",
  description:
    "201 the first time a ticket answers this survey, 200 when it answers again: the latest answer replaces the earlier one for the questions it names.",
  request: jsonRequest(SubmitResponse),
  responses: {
    201: jsonResponse("Recorded", z.object({ id: z.string() })),
    200: jsonResponse("Updated", z.object({ id: z.string() })),
    ...errors(400, 401, 404, 410, 413, 415, 422, 429),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/responses",
  tags: ["Responses"],
  summary: "List responses, newest first",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: ListQuery },
  responses: {
    200: jsonResponse("A page", ResponsePage),
    ...errors(401, 403, 404, 422),
  },
});

const csv = createRoute({
  method: "get",
  path: "/v1/responses.csv",
  tags: ["Responses"],
  summary: "Export responses as CSV (streamed)",
  security: bearer,
  middleware: [requireScope("read")] as const,
  description:
    "Starts with a UTF-8 BOM. A field holding a comma, semicolon, tab, quote, CR or LF is quoted; a text field gets a `'` before any `=`, `+`, `-` or `@` that begins it or follows a comma, semicolon, tab, CR or LF inside it, so that an Excel splitting on another separator never starts a formula. Numbers stay numbers.",
  request: {
    query: ListQuery.omit({ limit: true, cursor: true }).extend({
      delimiter: z
        .enum(Object.keys(CSV_DELIMITERS) as [CsvDelimiter, ...CsvDelimiter[]])
        .default("comma")
        .openapi({ description: "The field separator: `semicolon` for a French or German Excel" }),
    }),
  },
  responses: {
    200: { description: "CSV, one row per response", content: { "text/csv": { schema: z.string() } } },
    ...errors(401, 403, 404, 422),
  },
});

type Query = z.infer<typeof ListQuery>;

/** Turns query parameters into a filter; `min`/`max` need a metric, or a survey to take it from. */
async function toFilter(
  c: { env: AppEnv["Bindings"]; var: AppEnv["Variables"] },
  q: Partial<Query>,
): Promise<ResponseFilter> {
  let metric: QuestionType | undefined = q.metric;
  if (q.survey_id) {
    const survey = await getSurvey(c.var.db, c.var.workspaceId, q.survey_id);
    metric ??= q.min != null || q.max != null ? survey.questions[0]?.type : undefined;
  }
  if ((q.min != null || q.max != null) && !metric) {
    throw invalid([{ path: "metric", message: "Say which metric min and max apply to" }]);
  }
  if (q.min != null && q.max != null && q.min > q.max) throw invalid([{ path: "min", message: "min is above max" }]);
  if (q.from && q.to && q.to <= q.from) throw invalid([{ path: "to", message: "to must be after from" }]);
  return {
    surveyId: q.survey_id,
    metric,
    min: q.min,
    max: q.max,
    from: q.from,
    to: q.to,
    channel: q.channel,
    requestType: q.request_type,
    agent: q.agent,
    team: q.team,
  };
}

/** The export's header, which the import also reads (worker/import/csv-import.ts). */
export const CSV_COLUMNS = [
  "id",
  "ticket_id",
  "source",
  "survey_id",
  ...METRICS,
  "comment",
  "locale",
  "submitted_at",
  "updated_at",
  "channel",
  "request_type",
  "agent",
  "team",
] as const;

export const responseRoutes = new OpenAPIHono<AppEnv>();

// CORS for the public POST is app-wide (worker/http/public-cors.ts), ahead of the body checks.
responseRoutes
  .openapi(submit, async (c) => {
    const body = c.req.valid("json");
    const result = await recordResponse(c.var.db, c.env, body.token, body, {
      ctx: waitUntilOf(c),
      steps: timedSteps(c),
      shard: c.var.shard,
    });
    return c.json({ id: result.id }, result.created ? 201 : 200);
  })
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const filter = await toFilter(c, q);
    const page = await listResponses(c.var.db, c.var.workspaceId, filter, q.limit, q.cursor);
    return c.json({ items: page.rows.map(responseJson), next_cursor: page.nextCursor }, 200);
  })
  .openapi(csv, async (c) => {
    const { delimiter, ...query } = c.req.valid("query");
    const filter = await toFilter(c, query);
    const db = c.var.db;
    const workspaceId = c.var.workspaceId;
    let cursor: string | undefined;
    let started = false;
    const encoder = new TextEncoder();
    // Pulls one page per read, so memory stays flat whatever the export's size.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvRow(CSV_COLUMNS, delimiter)));
        }
        const page = await listResponses(db, workspaceId, filter, 500, cursor);
        const text = page.rows
          .map((r) => {
            const j = responseJson(r);
            return csvRow(
              [
                j.id,
                j.ticket_id,
                j.source,
                j.survey_id,
                ...METRICS.map((metric) => j.answers[metric]),
                j.comment,
                j.locale,
                j.submitted_at,
                j.updated_at,
                j.channel,
                j.request_type,
                j.agent,
                j.team,
              ],
              delimiter,
            );
          })
          .join("");
        if (text) controller.enqueue(encoder.encode(text));
        if (!page.nextCursor) controller.close();
        else cursor = page.nextCursor;
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="responses.csv"',
      },
    }) as never;
  });
