/**
 * Progressive enhancement of the server-rendered pages (/assets/survey-page.js).
 *
 * - The hosted survey: hydrates the server's markup with the same SurveyApp
 *   component and the same props, so scores are recorded as they are picked.
 * - A one-click link's page: sends its confirmation form by itself. Only once
 *   the page is visible, so a prefetch or a background tab does not answer.
 */
import { hydrate } from "preact";
import { SurveyApp, type SurveyAppProps } from "../shared/SurveyApp";

const survey = document.getElementById("survey");
if (survey?.dataset.props) {
  const props = JSON.parse(survey.dataset.props) as SurveyAppProps;
  hydrate(<SurveyApp {...props} />, survey);
}

const confirm = document.querySelector<HTMLFormElement>("form[data-autosubmit]");
if (confirm) {
  const send = () => {
    if (document.visibilityState !== "visible") return;
    document.removeEventListener("visibilitychange", send);
    confirm.requestSubmit();
  };
  document.addEventListener("visibilitychange", send);
  send();
}
