import type { Locale } from "../../widget/src/shared/locale";
import { PAGE_STRINGS } from "../../widget/src/shared/strings";
import { Document } from "./Document";

export interface OneClickPageProps {
  locale: Locale;
  /** The question's prompt, to remind what the score answers. */
  prompt: string;
  value: number;
  max: number;
  /** The score's word, where the scale has one ("Satisfied"). */
  valueLabel?: string;
  /** The same URL: the POST records what the GET only shows. */
  action: string;
}

/**
 * The landing page of a one-click e-mail link. Its GET records nothing (mail
 * scanners open every link); the form's POST does, sent by survey-page.js on
 * its own, or by the button when no script runs.
 */
export function OneClickPage({ locale, prompt, value, max, valueLabel, action }: OneClickPageProps) {
  const t = PAGE_STRINGS[locale];
  return (
    <Document locale={locale} title={t.oneClickTitle}>
      <main class="page">
        <h1>{t.oneClickTitle}</h1>
        <p class="intro">{prompt}</p>
        <p class="choice">
          {t.youChose}{" "}
          <strong class="choice-value">
            {value}
            <span class="choice-max"> / {max}</span>
          </strong>
          {valueLabel && <span class="choice-label"> — {valueLabel}</span>}
        </p>
        <form method="post" action={action} data-autosubmit="">
          <button type="submit" class="ac-send">
            {t.confirm}
          </button>
        </form>
        <p class="hint">{t.oneClickHint}</p>
      </main>
    </Document>
  );
}
