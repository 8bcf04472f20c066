import type { Locale } from "./locale";
import type { QuestionType, ViewQuestion } from "./survey-view";

export interface ScoreQuestionProps {
  question: ViewQuestion;
  locale: Locale;
  value: number | undefined;
  onPick: (type: QuestionType, value: number) => void;
}

/**
 * One question as a native radio group: a fieldset whose legend is the prompt,
 * one radio per score whose accessible name is just its number, and the end
 * labels ("Very dissatisfied" … "Very satisfied") shown under the scale and
 * attached as descriptions of the first and last score. Native radios give
 * arrow-key navigation and form posting without script for free.
 */
export function ScoreQuestion({ question, locale, value, onPick }: ScoreQuestionProps) {
  const { type, min, max } = question;
  const [low, high] = question.anchors[locale];
  const lowId = `ac-${type}-low`;
  const highId = `ac-${type}-high`;
  const scores: number[] = [];
  for (let v = min; v <= max; v++) scores.push(v);
  return (
    <fieldset class="ac-q">
      <legend class="ac-prompt">{question.prompt[locale]}</legend>
      <div class={`ac-scale ac-n${scores.length}`}>
        {scores.map((v) => (
          <label class="ac-opt" key={v}>
            <input
              type="radio"
              name={type}
              value={v}
              checked={value === v}
              aria-describedby={v === min ? lowId : v === max ? highId : undefined}
              onChange={() => onPick(type, v)}
            />
            <span>{v}</span>
          </label>
        ))}
      </div>
      <div class="ac-anchors">
        <span id={lowId}>{low}</span>
        <span id={highId}>{high}</span>
      </div>
    </fieldset>
  );
}
