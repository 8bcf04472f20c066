import type { Locale } from "./locale";

/** The question types a survey may ask (see docs/api.md, "Surveys"). */
import type { QuestionType } from "../../worker/domain/questions";

export type { QuestionType };

export type Answers = Partial<Record<QuestionType, number>>;

/** The words the interactive survey shows around the questions, in one language. */
export interface UiStrings {
  /** Label of the optional comment box. */
  comment: string;
  send: string;
  saving: string;
  /** Announced once a picked score is recorded. */
  saved: string;
  failed: string;
  retry: string;
  /** Shown when Send is pressed before any score is picked. */
  choose: string;
  thanks: string;
  thanksBody: string;
}

/** One question as the customer sees it: its scale, its wording and its end labels in both languages. */
export interface ViewQuestion {
  type: QuestionType;
  min: number;
  max: number;
  prompt: Record<Locale, string>;
  /** Labels of the lowest and highest score. */
  anchors: Record<Locale, [string, string]>;
}

/**
 * What `GET /s/:token/survey.json` answers: everything the widget and the
 * hosted page need to render a survey for one token, in both languages, and
 * what this token already answered (so a reload shows it). No secrets.
 */
export interface SurveyView {
  questions: ViewQuestion[];
  comment: boolean;
  ces_scale: "agree7" | "effort5";
  /** The invitation's language, when the support tool set one. */
  locale: Locale | null;
  response: { answers: Answers; comment: string | null } | null;
  strings: Record<Locale, UiStrings>;
  expires_at: string;
  /** The survey's brand colour `#rrggbb`, or null. */
  theme: { accent: string } | null;
}
