import type { Locale } from "./locale";
import type { QuestionType, UiStrings } from "./survey-view";
/**
 * Every customer-facing word, in French and English. The server sends the
 * interactive strings to the widget inside survey.json, so the widget bundle
 * carries no dictionary of its own; the hosted pages use the same table.
 */
export declare const UI_STRINGS: Record<Locale, UiStrings>;
/** The scale a question is shown on: CES has two. */
export type ScaleKey = "nps" | "csat" | "ces_agree7" | "ces_effort5";
export declare function scaleKey(type: QuestionType, cesScale: "agree7" | "effort5"): ScaleKey;
/** Labels of the lowest and highest score of each scale. */
export declare const ANCHORS: Record<ScaleKey, Record<Locale, [string, string]>>;
/** A word for each score where the scale has one (the one-click page says what was chosen). */
export declare const VALUE_LABELS: Partial<Record<ScaleKey, Record<Locale, string[]>>>;
/** Words of the server-rendered pages (hosted survey, one-click link, errors, demo). */
export interface PageStrings {
    surveyTitle: string;
    surveyIntro: string;
    chooseScore: string;
    commentTooLong: string;
    oneClickTitle: string;
    youChose: string;
    confirm: string;
    oneClickHint: string;
    recordedTitle: string;
    recordedBody: string;
    invalidTitle: string;
    invalidBody: string;
    expiredTitle: string;
    expiredBody: string;
    goneTitle: string;
    goneBody: string;
    erasedTitle: string;
    erasedBody: string;
    badLinkTitle: string;
    badLinkBody: string;
    tooLargeTitle: string;
    tooLargeBody: string;
    unsupportedTitle: string;
    unsupportedBody: string;
    unavailableTitle: string;
    unavailableBody: string;
    demoMissingTitle: string;
    demoMissingBody: string;
}
export declare const PAGE_STRINGS: Record<Locale, PageStrings>;
