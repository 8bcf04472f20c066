/** The survey questions: one per metric (worker/domain/metrics.ts), with their default wording. */

import { type CesScale, METRICS, type Metric, scaleOf } from "./metrics";

export { CES_SCALES, type CesScale } from "./metrics";

/** A survey asks one question per metric. */
export const QUESTION_TYPES = METRICS;
export type QuestionType = Metric;

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export interface Question {
  type: QuestionType;
  prompt?: Partial<Record<Locale, string>>;
}

export interface SurveyShape {
  questions: Question[];
  comment: boolean;
  cesScale: CesScale;
}

/** The inclusive range of answers a question takes. */
export function answerRange(type: QuestionType, cesScale: CesScale): { min: number; max: number } {
  return scaleOf(type, cesScale);
}

export function answerValues(type: QuestionType, cesScale: CesScale): number[] {
  const { min, max } = answerRange(type, cesScale);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Default prompts. `{company}` is not used: the widget stands on the company's own page. */
export const DEFAULT_PROMPTS: Record<QuestionType | "ces_effort5", Record<Locale, string>> = {
  nps: {
    en: "How likely are you to recommend us to a friend or colleague?",
    fr: "Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?",
  },
  csat: {
    en: "How satisfied are you with the help you received?",
    fr: "Êtes-vous satisfait de l'aide que vous avez reçue ?",
  },
  ces: {
    en: "The company made it easy for me to handle my issue.",
    fr: "L'entreprise m'a facilité la résolution de mon problème.",
  },
  ces_effort5: {
    en: "How much effort did it take to get your issue resolved?",
    fr: "Quel effort vous a demandé la résolution de votre demande ?",
  },
};

/** The question's prompt in `locale`: the survey's own wording first, then the default. */
export function promptFor(question: Question, cesScale: CesScale, locale: Locale): string {
  const own = question.prompt?.[locale];
  if (own) return own;
  const key = question.type === "ces" && cesScale === "effort5" ? "ces_effort5" : question.type;
  return DEFAULT_PROMPTS[key][locale];
}

/** The survey every new workspace starts with: CSAT, then a comment. */
export const DEFAULT_SURVEY = {
  name: "Default CSAT",
  questions: [{ type: "csat" }] as Question[],
  comment: true,
  cesScale: "agree7" as CesScale,
};
