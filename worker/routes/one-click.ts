import { OpenAPIHono } from "@hono/zod-openapi";
import { h } from "preact";
import { PAGE_STRINGS, scaleKey, VALUE_LABELS } from "../../widget/survey-ui/strings";
import { DomainError } from "../domain/errors";
import { answerRange, promptFor, type QuestionType } from "../domain/questions";
import type { AppEnv } from "../env";
import { waitUntilOf } from "../http/wait-until";
import { htmlResponse } from "../pages/html-response";
import { invitationPage } from "../pages/invitation-page";
import { OneClickPage } from "../pages/OneClickPage";
import { langQuery } from "../pages/page-locale";
import { SurveyPage } from "../pages/SurveyPage";
import { surveyView } from "../pages/survey-view";
import { recordOpenedResponse } from "../services/record-answer";
import { findGivenResponse } from "../store/given-response";
import type { Survey } from "../store/surveys";

/** The question and score a one-click link names, or a 404 page for a link that was altered. */
function oneClickChoice(survey: Survey, type: string, raw: string): { type: QuestionType; value: number } {
  const question = survey.questions.find((q) => q.type === type);
  const value = Number(raw);
  const badLink = new DomainError("not_found", "bad_link", "This answer link does not match the survey");
  if (!question || !/^\d{1,2}$/.test(raw)) throw badLink;
  const { min, max } = answerRange(question.type, survey.cesScale);
  if (value < min || value > max) throw badLink;
  return { type: question.type, value };
}

/**
 * One-click e-mail links `/r/:token/:type/:value`: a confirm page, and the confirm that records.
 */
export const oneClickRoutes = new OpenAPIHono<AppEnv>();

// A bare GET records nothing, and its page sends nothing by itself: mail scanners open
// every link of an e-mail, running scripts. Only the person's confirm (the POST) records.
oneClickRoutes.get("/r/:token/:type/:value", (c) => {
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

oneClickRoutes.post("/r/:token/:type/:value", (c) => {
  const { token, type, value: raw } = c.req.param();
  return invitationPage(c, token, async (opened, locale) => {
    const { claims, survey, ticket } = opened;
    const choice = oneClickChoice(survey, type, raw);
    await recordOpenedResponse(
      c.var.db,
      c.env,
      opened,
      { answers: { [choice.type]: choice.value }, locale },
      Date.now(),
      waitUntilOf(c),
      c.var.shard,
    );
    const given = await findGivenResponse(c.var.db, survey.id, ticket);
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
