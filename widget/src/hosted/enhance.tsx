/**
 * Progressive enhancement of the hosted survey (/assets/survey-page.js):
 * hydrates the server's markup with the same SurveyApp component and the same
 * props, so scores are recorded as the person picks them.
 *
 * A one-click link's page gets nothing from here on purpose: its confirm button
 * posts the form natively, on a click or a key press. Mail security scanners
 * open every link of an e-mail in a real browser that runs scripts, so no
 * script may submit an answer on its own, whatever the page's visibility.
 */
import { hydrate } from "preact";
import { SurveyApp, type SurveyAppProps } from "../../survey-ui/SurveyApp";

const survey = document.getElementById("survey");
if (survey?.dataset.props) {
  const props = JSON.parse(survey.dataset.props) as SurveyAppProps;
  hydrate(<SurveyApp {...props} />, survey);
}
