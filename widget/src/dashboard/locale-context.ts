import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type CountKey, type Format, formatter, type Lang, MESSAGES, translate, translateCount } from "./i18n";

/** What every component needs to speak the page's language. */
export interface LocaleTools {
  lang: Lang;
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => string;
  /** A message naming a count, singular or plural as the language has it: `tc("answers", 1)` → "1 answer". */
  tc: (key: CountKey, count: number) => string;
  fmt: Format;
  /** A segment value's label (`logistics` → "Logistique"), or the value itself. */
  label: (value: string | null | undefined) => string;
  /** A value of one segment: the domain's own values (tenure, value tier) by their name, the rest as `label`. */
  segmentValue: (segment: string, value: string | null | undefined) => string;
  /** A benchmark band's name in this language. */
  band: (name: string) => string;
}

export function localeTools(lang: Lang): LocaleTools {
  const messages = MESSAGES[lang];
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tc: (key, count) => translateCount(lang, key, count),
    fmt: formatter(lang),
    label: (value) => (value ? (messages.values[value] ?? value) : messages.none),
    segmentValue: (segment, value) => {
      const own: Record<string, string> | undefined =
        segment === "customer_tenure" ? messages.tenures : segment === "value_tier" ? messages.tiers : undefined;
      if (own && value) return own[value] ?? value;
      return value ? (messages.values[value] ?? value) : messages.none;
    },
    band: (name) => messages.bands[name] ?? name.replace(/-/g, " "),
  };
}

export const LocaleContext = createContext<LocaleTools>(localeTools("en"));

export const useLocale = () => useContext(LocaleContext);
