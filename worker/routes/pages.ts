import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { h } from "preact";
import { MAX_COMMENT } from "../../widget/src/shared/CommentField";
import { pickLocale } from "../../widget/src/shared/locale";
import { PAGE_STRINGS, scaleKey, VALUE_LABELS } from "../../widget/src/shared/strings";
import { database } from "../db";
import { themeCss } from "../domain/brand";
import { answerRange, type Locale, promptFor, type QuestionType } from "../domain/questions";
import { OWN } from "../domain/ticket-source";
import type { AppEnv } from "../env";
import { ApiError, notFound } from "../http/errors";
import { errors, jsonResponse } from "../http/openapi";
import { waitUntilOf } from "../http/wait-until";
import { DemoShopPage } from "../pages/DemoShopPage";
import { formAnswers, readForm } from "../pages/form-body";
import { htmlResponse } from "../pages/html-response";
import { MessagePage } from "../pages/MessagePage";
import { OneClickPage } from "../pages/OneClickPage";
import { errorPage } from "../pages/page-errors";
import { langQuery, pageLocale } from "../pages/page-locale";
import { SurveyPage } from "../pages/SurveyPage";
import { surveyView } from "../pages/survey-view";
import { findGivenResponse } from "../store/given-response";
import { invite, publicOrigin } from "../store/invitations";
import { checkAnswers, type OpenedInvitation, openInvitation, recordOpenedResponse } from "../store/responses";
import type { Survey } from "../store/surveys";
import { findDefaultSurvey } from "../store/surveys";
import { getWorkspace } from "../store/workspaces";

/** The demo shop's workspace, created by the demo seeder (`npm start`). */
export const DEMO_WORKSPACE_ID = "ws_demo";

const Localized = z.object({ en: z.string(), fr: z.string() });
const Answers = z.object({ nps: z.number().optional(), csat: z.number().optional(), ces: z.number().optional() });

const SurveyViewSchema = z
  .object({
    questions: z.array(
      z.object({
        type: z.enum(["nps", "csat", "ces"]),
        min: z.number().int(),
        max: z.number().int(),
        prompt: Localized,
        anchors: z.object({ en: z.tuple([z.string(), z.string()]), fr: z.tuple([z.string(), z.string()]) }),
      }),
    ),
    comment: z.boolean().openapi({ description: "Whether the survey offers a comment box" }),
    ces_scale: z.enum(["agree7", "effort5"]),
    locale: z.enum(["en", "fr"]).nullable().openapi({ description: "The invitation's language, if it set one" }),
    response: z.object({ answers: Answers, comment: z.string().nullable() }).nullable().openapi({
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

/** The question and score a one-click link names, or a 404 page for a link that was altered. */
function oneClickChoice(survey: Survey, type: string, raw: string): { type: QuestionType; value: number } {
  const question = survey.questions.find((q) => q.type === type);
  const value = Number(raw);
  const badLink = new ApiError(404, "bad_link", "This answer link does not match the survey");
  if (!question || !/^\d{1,2}$/.test(raw)) throw badLink;
  const { min, max } = answerRange(question.type, survey.cesScale);
  if (value < min || value > max) throw badLink;
  return { type: question.type, value };
}

/**
 * Runs an HTML page behind a survey token. The page speaks the invitation's
 * language once the token is known; a bad, expired or vanished link, or any
 * refusal on the way, becomes a friendly error page in the best language known.
 */
async function invitationPage(
  c: Context<AppEnv>,
  token: string,
  render: (opened: OpenedInvitation, locale: Locale) => Promise<Response>,
): Promise<Response> {
  let locale = pageLocale(c.req.url, c.req.header("accept-language"));
  try {
    const opened = await openInvitation(c.env, token);
    locale = pageLocale(c.req.url, c.req.header("accept-language"), opened.claims.locale);
    return await render(opened, locale);
  } catch (error) {
    return errorPage(error, locale);
  }
}

/**
 * The customer-facing pages (issue 3): the widget's survey.json, the hosted
 * survey `/s/:token`, one-click e-mail links `/r/:token/:type/:value` and the
 * `/demo` shop. HTML routes answer errors with friendly pages, not JSON.
 */
export const pageRoutes = new OpenAPIHono<AppEnv>();

// Any shop's page may embed the widget, so survey.json is readable from anywhere;
// the widget must see Retry-After to honour it.
pageRoutes.use(
  "/s/:token/survey.json",
  cors({ origin: "*", allowMethods: ["GET"], exposeHeaders: ["Retry-After"], maxAge: 86400 }),
);

pageRoutes.openapi(surveyJson, async (c) => {
  const { token } = c.req.valid("param");
  const { claims, survey, ticket } = await openInvitation(c.env, token);
  const given = await findGivenResponse(database(c.env), survey.id, ticket);
  c.header("Cache-Control", "no-store");
  return c.json(surveyView(survey, claims, given), 200);
});

// A brand colour's stylesheet (worker/domain/brand.ts): the colour is the whole input, so the
// answer never changes and caches for a year; the pages' CSP allows only same-origin styles.
pageRoutes.get("/theme/:file{[0-9a-fA-F]{6}\\.css}", (c) => {
  const hex = c.req.param("file").slice(0, 6);
  return c.body(themeCss(`#${hex}`), 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
  });
});

pageRoutes.get("/s/:token", (c) => {
  const token = c.req.param("token");
  return invitationPage(c, token, async ({ claims, survey, ticket }, locale) => {
    const given = await findGivenResponse(database(c.env), survey.id, ticket);
    const view = surveyView(survey, claims, given);
    return htmlResponse(h(SurveyPage, { locale, token, view, action: `/s/${token}${langQuery(c.req.url)}` }));
  });
});

// The no-script form: validates, records through the same path as the API, thanks.
pageRoutes.post("/s/:token", (c) => {
  const token = c.req.param("token");
  return invitationPage(c, token, async (opened, locale) => {
    const { claims, survey, ticket } = opened;
    const t = PAGE_STRINGS[locale];
    const action = `/s/${token}${langQuery(c.req.url)}`;
    const form = await readForm(c.req.raw);
    const answers = formAnswers(form, survey);
    const comment = form.get("comment") ?? "";
    const wrong = checkAnswers(survey, answers).length > 0;
    const notice = wrong ? t.chooseScore : comment.length > MAX_COMMENT ? t.commentTooLong : undefined;
    if (notice) {
      // Show the form again with what they entered; nothing is written.
      const kept = Object.fromEntries(Object.entries(answers).filter(([, v]) => typeof v === "number"));
      const view = surveyView(survey, claims, { answers: kept, comment });
      return htmlResponse(h(SurveyPage, { locale, token, view, action, notice }), 422);
    }
    await recordOpenedResponse(
      c.env,
      opened,
      { answers: answers as Record<QuestionType, number>, comment, locale },
      Date.now(),
      waitUntilOf(c),
    );
    const given = await findGivenResponse(database(c.env), survey.id, ticket);
    return htmlResponse(h(SurveyPage, { locale, token, view: surveyView(survey, claims, given), action, done: true }));
  });
});

// A bare GET records nothing, and its page sends nothing by itself: mail scanners open
// every link of an e-mail, running scripts. Only the person's confirm (the POST) records.
pageRoutes.get("/r/:token/:type/:value", (c) => {
  const { token, type, value: raw } = c.req.param();
  return invitationPage(c, token, async ({ survey }, locale) => {
    const choice = oneClickChoice(survey, type, raw);
    const question = survey.questions.find((q) => q.type === choice.type)!;
    const { min, max } = answerRange(choice.type, survey.cesScale);
    const valueLabel = VALUE_LABELS[scaleKey(choice.type, survey.cesScale)]?.[locale][choice.value - min];
    return htmlResponse(
      h(OneClickPage, {
        locale,
        prompt: promptFor(question, survey.cesScale, locale),
        value: choice.value,
        min,
        max,
        ...(valueLabel ? { valueLabel } : {}),
        accent: survey.accent,
        action: `/r/${token}/${choice.type}/${choice.value}${langQuery(c.req.url)}`,
      }),
    );
  });
});

pageRoutes.post("/r/:token/:type/:value", (c) => {
  const { token, type, value: raw } = c.req.param();
  return invitationPage(c, token, async (opened, locale) => {
    const { claims, survey, ticket } = opened;
    const choice = oneClickChoice(survey, type, raw);
    await recordOpenedResponse(
      c.env,
      opened,
      { answers: { [choice.type]: choice.value }, locale },
      Date.now(),
      waitUntilOf(c),
    );
    const given = await findGivenResponse(database(c.env), survey.id, ticket);
    const t = PAGE_STRINGS[locale];
    return htmlResponse(
      h(SurveyPage, {
        locale,
        token,
        view: surveyView(survey, claims, given),
        action: `/s/${token}${langQuery(c.req.url)}`,
        heading: t.recordedTitle,
        intro: t.recordedBody,
      }),
    );
  });
});

// The demo shop: a fresh ticket and invitation on each visit, so every visitor answers afresh.
pageRoutes.get("/demo", async (c) => {
  const locale = pickLocale(c.req.query("lang"), "fr");
  const db = database(c.env);
  try {
    const workspace = await getWorkspace(db, DEMO_WORKSPACE_ID);
    const survey = await findDefaultSurvey(db, DEMO_WORKSPACE_ID);
    if (!survey) throw notFound("Demo survey");
    const origin = publicOrigin(c.env, c.req.url);
    const ticketId = `DEMO-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
    const invitation = await invite(
      db,
      c.env,
      origin,
      workspace,
      survey,
      { ticketId, channel: "chat", requestType: "delivery", agent: "Camille", team: "Service client", source: OWN },
      locale,
    );
    return htmlResponse(h(DemoShopPage, { locale, origin, token: invitation.token, ticketId }));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const t = PAGE_STRINGS[locale];
    return htmlResponse(h(MessagePage, { locale, title: t.demoMissingTitle, body: t.demoMissingBody }), 404);
  }
});
