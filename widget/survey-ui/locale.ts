import type { Locale } from "../../worker/domain/questions";

/** The languages the customer-facing surfaces speak (worker/domain/questions.ts). */
export type { Locale };

/**
 * The first candidate that is a French or English language tag (`fr`, `fr-CA`,
 * `en_GB`…), else English. Callers pass candidates in priority order, e.g. the
 * widget's `data-locale`, then the page's `<html lang>`, then `navigator.language`.
 */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const match = /^\s*(en|fr)(?:[-_]|\s*$)/i.exec(candidate ?? "");
    if (match) return match[1]!.toLowerCase() as Locale;
  }
  return "en";
}
