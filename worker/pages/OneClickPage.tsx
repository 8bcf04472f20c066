import type { Locale } from "../../widget/survey-ui/locale";
import { PAGE_STRINGS } from "../../widget/survey-ui/strings";
import { Document } from "./Document";

export interface OneClickPageProps {
  /** The survey's brand colour, or null. */
  accent?: string | null;
  locale: Locale;
  /** The question's prompt, to remind what the score answers. */
  prompt: string;
  value: number;
  min: number;
  max: number;
  /** The score's word, where the scale has one ("Satisfied"). */
  valueLabel?: string;
  /** The same URL: the POST records what the GET only shows. */
  action: string;
}

/**
 * The landing page of a one-click e-mail link: the chosen score shown selected
 * and one confirm button. Opening it records nothing, with or without script:
 * mail security scanners open every link of an e-mail in a real browser that
 * runs scripts, so only the person's click or key press on the button posts
 * the form, and only that POST records.
 */
export function OneClickPage({ locale, prompt, value, min, max, valueLabel, action, accent }: OneClickPageProps) {
  const t = PAGE_STRINGS[locale];
  return (
    <Document locale={locale} title={t.oneClickTitle} accent={accent}>
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
        {/* The sentence above says it in words; this draws the scale with the choice selected. */}
        <ol class="choice-scale" aria-hidden="true">
          {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((v) => (
            <li key={v} class={v === value ? "selected" : undefined}>
              {v}
            </li>
          ))}
        </ol>
        <form method="post" action={action} class="confirm">
          <button type="submit" class="ac-send">
            {t.confirm}
          </button>
        </form>
        <p class="hint">{t.oneClickHint}</p>
      </main>
    </Document>
  );
}
