import { ANCHORS, scaleKey, UI_STRINGS } from "../../widget/survey-ui/strings";
import type { SurveyView } from "../../widget/survey-ui/survey-view";
import type { InvitationClaims } from "../auth/invitation-token";
import { answerRange, promptFor } from "../domain/questions";
import type { GivenResponse } from "../store/given-response";
import type { Survey } from "../store/surveys";

/**
 * The public view of a token's survey (survey.json, and the props the hosted
 * page hydrates with): scales, prompts and labels in both languages, and what
 * the ticket already answered. Nothing about the workspace or the ticket.
 */
export function surveyView(survey: Survey, claims: InvitationClaims, given: GivenResponse | null): SurveyView {
  return {
    questions: survey.questions.map((q) => ({
      type: q.type,
      ...answerRange(q.type, survey.cesScale),
      prompt: { en: promptFor(q, survey.cesScale, "en"), fr: promptFor(q, survey.cesScale, "fr") },
      anchors: ANCHORS[scaleKey(q.type, survey.cesScale)],
    })),
    comment: survey.comment,
    ces_scale: survey.cesScale,
    locale: claims.locale ?? null,
    response: given,
    strings: UI_STRINGS,
    expires_at: new Date(claims.expiresAt * 1000).toISOString(),
    theme: survey.accent ? { accent: survey.accent } : null,
  };
}
