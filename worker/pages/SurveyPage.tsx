import type { Locale } from "../../widget/survey-ui/locale";
import { SurveyApp, type SurveyAppProps } from "../../widget/survey-ui/SurveyApp";
import { PAGE_STRINGS } from "../../widget/survey-ui/strings";
import type { SurveyView } from "../../widget/survey-ui/survey-view";
import { Document } from "./Document";

export interface SurveyPageProps {
  locale: Locale;
  token: string;
  view: SurveyView;
  /** Where the no-script form posts. */
  action: string;
  notice?: string;
  done?: boolean;
  heading?: string;
  intro?: string;
}

/**
 * The hosted survey (`/s/:token`), rendered with the very component the widget
 * uses. Without script it is a plain form; with script, survey-page.js
 * hydrates it from `data-props` and scores are recorded as they are picked.
 */
export function SurveyPage({ locale, token, view, action, notice, done, heading, intro }: SurveyPageProps) {
  const t = PAGE_STRINGS[locale];
  const app: SurveyAppProps = { view, locale, token, api: "", action, ...(notice ? { notice } : {}), done: !!done };
  return (
    <Document locale={locale} title={heading ?? t.surveyTitle} accent={view.theme?.accent}>
      <main class="page">
        <h1>{heading ?? t.surveyTitle}</h1>
        <p class="intro">{intro ?? t.surveyIntro}</p>
        <div id="survey" data-props={JSON.stringify(app)}>
          <SurveyApp {...app} />
        </div>
      </main>
    </Document>
  );
}
