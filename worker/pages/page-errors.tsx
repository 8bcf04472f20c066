import type { Locale } from "../../widget/survey-ui/locale";
import { PAGE_STRINGS, type PageStrings } from "../../widget/survey-ui/strings";
import { DomainError } from "../domain/errors";
import { ApiError, fromDomain, isDatabaseUnavailable } from "../http/errors";
import { htmlResponse } from "./html-response";
import { MessagePage } from "./MessagePage";

type Key = keyof PageStrings;

/** Which explanation a failed page request gets, by the error's code. */
const PAGES: Record<string, [Key, Key]> = {
  invalid_token: ["invalidTitle", "invalidBody"],
  token_expired: ["expiredTitle", "expiredBody"],
  not_found: ["goneTitle", "goneBody"],
  gone: ["erasedTitle", "erasedBody"],
  bad_link: ["badLinkTitle", "badLinkBody"],
  body_too_large: ["tooLargeTitle", "tooLargeBody"],
  unsupported_media_type: ["unsupportedTitle", "unsupportedBody"],
};

/**
 * The HTML counterpart of the JSON error envelope, for people rather than
 * programs: a friendly page in their language with the same status (401 for a
 * bad or expired link, 404 for a withdrawn survey, 410 for an erased ticket, 413, 415, 503…). Anything
 * unexpected is rethrown to the app's error handler.
 */
export function errorPage(error: unknown, locale: Locale): Response {
  const t = PAGE_STRINGS[locale];
  if (isDatabaseUnavailable(error)) {
    return htmlResponse(<MessagePage locale={locale} title={t.unavailableTitle} body={t.unavailableBody} />, 503, {
      "Retry-After": "5",
    });
  }
  if (error instanceof DomainError) error = fromDomain(error);
  if (!(error instanceof ApiError)) throw error;
  const [title, body] = PAGES[error.code] ?? (error.status === 404 ? PAGES.not_found! : PAGES.invalid_token!);
  return htmlResponse(<MessagePage locale={locale} title={t[title]} body={t[body]} />, error.status, error.headers);
}
