import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { ACCENT } from "../domain/brand";
import { CES_SCALES, QUESTION_TYPES } from "../domain/questions";
import type { AppEnv } from "../env";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import { createSurvey } from "../services/create-survey";
import { getSurvey, listSurveys, surveyJson } from "../store/surveys";

const Prompt = z
  .object({ en: z.string().trim().min(1).max(300).optional(), fr: z.string().trim().min(1).max(300).optional() })
  .strict();

const QuestionSchema = z
  .object({ type: z.enum(QUESTION_TYPES), prompt: Prompt.optional() })
  .strict()
  .openapi("Question");

const Theme = z
  .object({
    accent: z.string().regex(ACCENT, "Expected a colour #RRGGBB").openapi({
      description: "Brand colour of the widget and the pages; white text on it must reach WCAG AA (4.5:1)",
      example: "#0b5cad",
    }),
  })
  .strict()
  .openapi("Theme");

const CreateSurvey = z
  .object({
    name: z.string().trim().min(1).max(200),
    questions: z
      .array(QuestionSchema)
      .min(1)
      .max(3)
      .refine((qs) => new Set(qs.map((q) => q.type)).size === qs.length, "At most one question per type"),
    comment: z.boolean().default(false),
    ces_scale: z.enum(CES_SCALES).default("agree7"),
    is_default: z.boolean().default(false).openapi({ description: "Make this the survey support webhooks invite to" }),
    theme: Theme.optional(),
  })
  .openapi("CreateSurvey");

const SurveyBody = z
  .object({
    id: z.string(),
    name: z.string(),
    questions: z.array(QuestionSchema),
    comment: z.boolean(),
    ces_scale: z.enum(CES_SCALES),
    is_default: z.boolean(),
    created_at: z.string(),
    theme: Theme.nullable(),
  })
  .openapi("Survey");

const create = createRoute({
  method: "post",
  path: "/v1/surveys",
  tags: ["Surveys"],
  summary: "Create a survey",
  security: bearer,
  middleware: [requireScope("write")] as const,
  request: jsonRequest(CreateSurvey),
  responses: {
    201: jsonResponse("Created", SurveyBody),
    ...errors(400, 401, 403, 413, 415, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/surveys",
  tags: ["Surveys"],
  summary: "List surveys",
  description: "Scope `read` or `write` (a `write` key manages surveys and needs their ids for invitations).",
  security: bearer,
  middleware: [requireScope(["read", "write"])] as const,
  responses: {
    200: jsonResponse("Surveys, newest first", z.object({ items: z.array(SurveyBody) })),
    ...errors(401, 403),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/surveys/{id}",
  tags: ["Surveys"],
  summary: "Get a survey",
  description: "Scope `read` or `write`.",
  security: bearer,
  middleware: [requireScope(["read", "write"])] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: { 200: jsonResponse("The survey", SurveyBody), ...errors(401, 403, 404) },
});

export const surveyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const survey = await createSurvey(c.var.db, c.var.workspaceId, {
      name: body.name,
      questions: body.questions,
      comment: body.comment,
      cesScale: body.ces_scale,
      isDefault: body.is_default,
      accent: body.theme?.accent ?? null,
    });
    return c.json(surveyJson(survey), 201);
  })
  .openapi(list, async (c) => {
    const items = await listSurveys(c.var.db, c.var.workspaceId);
    return c.json({ items: items.map(surveyJson) }, 200);
  })
  .openapi(get, async (c) => {
    const survey = await getSurvey(c.var.db, c.var.workspaceId, c.req.valid("param").id);
    return c.json(surveyJson(survey), 200);
  });
