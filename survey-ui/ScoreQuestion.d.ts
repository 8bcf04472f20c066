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
export declare function ScoreQuestion({ question, locale, value, onPick }: ScoreQuestionProps): import("preact").JSX.Element;
