/**
 * The embeddable widget: `<script src="ORIGIN/widget.js" data-token="…" async>`.
 *
 * It renders where its tag stands, in an open shadow root so the shop's CSS
 * cannot reach in, styled by a constructable stylesheet so a strict
 * `style-src 'self'` CSP cannot block it. Everything it says comes from
 * survey.json, so this script carries no dictionary. No framework: see
 * ./survey.ts for why.
 */
import { type Locale, pickLocale } from "../../survey-ui/locale";
import type { SurveyView } from "../../survey-ui/survey-view";
import { fetchWithRetry, HttpError } from "../../survey-ui/transport";
import css from "../styles/survey.css" with { type: "text" };
import { el, mountSurvey } from "./survey";

/** Said when the link is invalid, expired or withdrawn: survey.json has no words to give then. */
const UNAVAILABLE: Record<Locale, string> = {
  en: "This survey is no longer available.",
  fr: "Ce questionnaire n’est plus disponible.",
};

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.dataset.token) return current;
  // Some loaders run scripts without currentScript: take the last tag not yet mounted.
  const tags = document.querySelectorAll<HTMLScriptElement>("script[data-token]:not([data-ac-mounted])");
  return tags[tags.length - 1] ?? null;
}

async function mount(script: HTMLScriptElement) {
  script.setAttribute("data-ac-mounted", "");
  const token = script.dataset.token!;
  const api = new URL(script.src, location.href).origin;
  const locale = pickLocale(script.dataset.locale, document.documentElement.lang, navigator.language);

  const host = document.createElement("aftercare-survey");
  if (script.parentElement && script.parentElement !== document.head) script.after(host);
  else document.body.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in (shadow as object)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    // Browsers before constructable stylesheets (Safari < 16.4): works unless a CSP forbids it.
    shadow.append(el("style", {}, css));
  }
  // Reserve the survey's room at once, so its arrival does not push the page down.
  const root = el("div", { class: "ac-root ac-loading", lang: locale, "aria-busy": "true" });
  shadow.append(root);

  try {
    const res = await fetchWithRetry(`${api}/s/${encodeURIComponent(token)}/survey.json`, {});
    const view = (await res.json()) as SurveyView;
    // The brand colour, as a custom property in a second constructable sheet: no inline style.
    if (view.theme && shadow.adoptedStyleSheets) {
      const brand = new CSSStyleSheet();
      brand.replaceSync(`.ac-root.ac-root{--ac-accent:${view.theme.accent};--ac-on-accent:#fff}`);
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, brand];
    }
    mountSurvey(root, view, locale, token, api);
  } catch (error) {
    if (error instanceof HttpError && (error.status === 401 || error.status === 404)) {
      root.className = "ac-root";
      root.removeAttribute("aria-busy");
      root.replaceChildren(el("p", { class: "ac-status" }, UNAVAILABLE[locale]));
    } else {
      // The service cannot be reached: leave the shop's page as it was.
      host.remove();
    }
  }
}

const script = findScript();
if (script) void mount(script);
