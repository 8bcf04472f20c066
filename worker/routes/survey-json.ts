import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { CES_SCALES, METRICS } from "../domain/metrics";
import { LOCALES } from "../domain/questions";
import type { AppEnv } from "../env";
import { AnswersSchema, errors, jsonResponse } from "../http/openapi";
import { surveyView } from "../pages/survey-view";
import { openInvitation } from "../services/record-answer";
import { findGivenResponse } from "../store/given-response";

const Localized = z.object({ en: z.string(), fr: z.string() });

const SurveyViewSchema = z
  .object({
    questions: z.array(
      z.object({
        type: z.enum(METRICS),
        min: z.number().int(),
        max: z.number().int(),
        prompt: Localized,
        anchors: z.object({ en: z.tuple([z.string(), z.string()]), fr: z.tuple([z.string(), z.string()]) }),
      }),
    ),
    comment: z.boolean().openapi({ description: "Whether the survey offers a comment box" }),
    ces_scale: z.enum(CES_SCALES),
    locale: z.enum(LOCALES).nullable().openapi({ description: "The invitation's language, if it set one" }),
    response: z.object({ answers: AnswersSchema, comment: z.string().nullable() }).nullable().openapi({
      description:
        "The scores this token already gave, so a reload shows them. `comment` is always null here: a stored comment is never shown through a token (reading verbatims needs an API key with the read scope); a new comment replaces it, an empty box keeps it.",
    }),
    strings: z.record(z.string(), z.record(z.string(), z.string())).openapi({
      description: "The survey's interface words, per language",
    }),
    expires_at: z.string(),
  })
  .openapi("SurveyView");

const surveyJson = createRoute({
  method: "get",
  path: "/s/{token}/survey.json",
  tags: ["Survey pages"],
  summary: "The survey behind a token (public, for the widget)",
  description:
    "What the embeddable widget renders: questions, scales and wording in French and English, and the answers this token already gave. CORS `*`; the token is the credential.",
  request: { params: z.object({ token: z.string().min(1).max(2048) }) },
  responses: { 200: jsonResponse("The survey", SurveyViewSchema), ...errors(401, 404, 410, 422) },
});

/**
 * The survey behind a token as JSON, for the embeddable widget and the hosted page's script.
 */
export const surveyJsonRoutes = new OpenAPIHono<AppEnv>();

// Any shop's page may embed the widget: its CORS is app-wide (worker/http/public-cors.ts), ahead of
// the rate limit and the database, so their errors are readable too.

surveyJsonRoutes.openapi(surveyJson, async (c) => {
  const { token } = c.req.valid("param");
  const { claims, survey, ticket } = await openInvitation(c.var.db, c.env.SIGNING_KEYS, token);
  const given = await findGivenResponse(c.var.db, survey.id, ticket);
  c.header("Cache-Control", "no-store");
  return c.json(surveyView(survey, claims, given), 200);
});
