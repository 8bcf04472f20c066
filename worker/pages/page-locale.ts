import { type Locale, pickLocale } from "../../widget/survey-ui/locale";

/**
 * The language of a customer-facing page: an explicit `?lang=`, then the
 * invitation's own locale (the support tool knows the customer), then the
 * browser's Accept-Language, else English.
 */
export function pageLocale(url: string, acceptLanguage: string | undefined, invitationLocale?: Locale): Locale {
  const lang = new URL(url).searchParams.get("lang");
  const accepted = (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]);
  return pickLocale(lang, invitationLocale, ...accepted);
}

/** `?lang=xx` to carry into the page's own links and forms, when the visitor chose one. */
export function langQuery(url: string): string {
  const lang = new URL(url).searchParams.get("lang");
  return lang === "en" || lang === "fr" ? `?lang=${lang}` : "";
}
