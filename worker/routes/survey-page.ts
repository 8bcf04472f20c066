import { OpenAPIHono } from "@hono/zod-openapi";
import { h } from "preact";
import { PAGE_STRINGS } from "../../widget/survey-ui/strings";
import { fitsComment } from "../domain/comment";
import type { QuestionType } from "../domain/questions";
import type { AppEnv } from "../env";
import { waitUntilOf } from "../http/wait-until";
import { formAnswers, readForm } from "../pages/form-body";
import { htmlResponse } from "../pages/html-response";
import { invitationPage } from "../pages/invitation-page";
import { langQuery } from "../pages/page-locale";
import { SurveyPage } from "../pages/SurveyPage";
import { surveyView } from "../pages/survey-view";
import { checkAnswers, recordOpenedResponse } from "../services/record-answer";
import { findGivenResponse } from "../store/given-response";

/**
 * The hosted survey `/s/:token`: the page, and the form it posts when scripts are off.
 * Errors answer with friendly pages in the customer's language, not JSON.
 */
export const surveyPageRoutes = new OpenAPIHono<AppEnv>();

surveyPageRoutes.get("/s/:token", (c) => {
  const token = c.req.param("token");
  return invitationPage(c, token, async ({ claims, survey, ticket }, locale) => {
    const given = await findGivenResponse(c.var.db, survey.id, ticket);
    const view = surveyView(survey, claims, given);
    return htmlResponse(h(SurveyPage, { locale, token, view, action: `/s/${token}${langQuery(c.req.url)}` }));
  });
});

// The no-script form: validates, records through the same path as the API, thanks.
surveyPageRoutes.post("/s/:token", (c) => {
  const token = c.req.param("token");
  return invitationPage(c, token, async (opened, locale) => {
    const { claims, survey, ticket } = opened;
    const t = PAGE_STRINGS[locale];
    const action = `/s/${token}${langQuery(c.req.url)}`;
    const form = await readForm(c.req.raw);
    const answers = formAnswers(form, survey);
    const comment = form.get("comment") ?? "";
    const wrong = checkAnswers(survey, answers).length > 0;
    // Characters as a person counts them (an emoji is one), as the API's schema counts them.
    const tooLong = !fitsComment(comment);
    const notice = wrong ? t.chooseScore : tooLong ? t.commentTooLong : undefined;
    if (notice) {
      // Show the form again with what they entered; nothing is written.
      const kept = Object.fromEntries(Object.entries(answers).filter(([, v]) => typeof v === "number"));
      const view = surveyView(survey, claims, { answers: kept, comment });
      return htmlResponse(h(SurveyPage, { locale, token, view, action, notice }), 422);
    }
    await recordOpenedResponse(
      c.var.db,
      c.env,
      opened,
      { answers: answers as Record<QuestionType, number>, comment, locale },
      Date.now(),
      waitUntilOf(c),
      c.var.shard,
    );
    const given = await findGivenResponse(c.var.db, survey.id, ticket);
    return htmlResponse(h(SurveyPage, { locale, token, view: surveyView(survey, claims, given), action, done: true }));
  });
});
