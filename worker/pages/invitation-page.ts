import type { Context } from "hono";
import type { Locale } from "../../widget/survey-ui/locale";
import type { AppEnv } from "../env";
import { type OpenedInvitation, openInvitation } from "../services/record-answer";
import { errorPage } from "./page-errors";
import { pageLocale } from "./page-locale";

/**
 * Runs an HTML page behind a survey token. The page speaks the invitation's
 * language once the token is known; a bad, expired or vanished link, or any
 * refusal on the way, becomes a friendly error page in the best language known.
 */
export async function invitationPage(
  c: Context<AppEnv>,
  token: string,
  render: (opened: OpenedInvitation, locale: Locale) => Promise<Response>,
): Promise<Response> {
  let locale = pageLocale(c.req.url, c.req.header("accept-language"));
  try {
    const opened = await openInvitation(c.var.db, c.env.SIGNING_KEYS, token);
    locale = pageLocale(c.req.url, c.req.header("accept-language"), opened.claims.locale);
    return await render(opened, locale);
  } catch (error) {
    return errorPage(error, locale);
  }
}
