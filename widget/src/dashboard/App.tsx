import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiFailure, type ApiGet, apiClient } from "./api";
import { Cards } from "./Cards";
import { FilterBar } from "./FilterBar";
import { apiFilters, type Filters, readFilters, writeFilters } from "./filters";
import { initialLang, type Lang } from "./i18n";
import {
  type Details,
  type Headline,
  KeyRejected,
  loadDetails,
  loadHeadline,
  NO_OPTIONS,
  type SegmentOptions,
} from "./load";
import { LocaleContext, localeTools } from "./locale-context";
import { ProgrammeHealth } from "./ProgrammeHealth";
import { SignIn } from "./SignIn";
import { LAZY_SECTIONS } from "./sections";
import { loadSurveyScales, type SurveyScales, SurveyScalesContext } from "./survey-scales";

const KEY_STORAGE = "aftercare.apiKey";
const LANG_STORAGE = "aftercare.lang";

/** Why the key was refused, kept as a kind so the message follows a language switch. */
type KeyProblem = { kind: "unauthorized" | "forbidden" | "network" } | { kind: "other"; message: string };

function problemOf(e: unknown): KeyProblem {
  const failure = e instanceof KeyRejected ? e.failure : e;
  if (failure instanceof ApiFailure) {
    if (failure.status === 401) return { kind: "unauthorized" };
    if (failure.status === 403) return { kind: "forbidden" };
    if (failure.status === 0) return { kind: "network" };
    return { kind: "other", message: failure.message };
  }
  return { kind: "other", message: (e as Error)?.message ?? String(e) };
}

function describeProblem(problem: KeyProblem, t: ReturnType<typeof localeTools>["t"]): string {
  if (problem.kind === "other") return t("errOther", { message: problem.message });
  return t(
    problem.kind === "unauthorized" ? "errUnauthorized" : problem.kind === "forbidden" ? "errForbidden" : "errNetwork",
  );
}

function storage(kind: "local" | "session"): Storage | null {
  try {
    return kind === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage disabled: the page still works for this visit
  }
}

/**
 * `/dashboard#key=ak_…` signs in (the demo prints such a link): the fragment
 * never reaches a server or a log, and it is wiped from the address bar at once.
 */
function takeKeyFromFragment(): string | null {
  const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  const key = decodeURIComponent(match[1]);
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
  storage("session")?.setItem(KEY_STORAGE, key);
  return key;
}

/** The CX manager's dashboard: sign-in, filters, headline cards, charts, comments and the weekly report. */
export function App() {
  const [lang, setLang] = useState<Lang>(() =>
    initialLang(storage("local")?.getItem(LANG_STORAGE) ?? null, navigator.languages ?? [navigator.language]),
  );
  const tools = useMemo(() => localeTools(lang), [lang]);
  const { t } = tools;

  const [key, setKey] = useState<string | null>(
    () => takeKeyFromFragment() ?? storage("session")?.getItem(KEY_STORAGE) ?? null,
  );
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [checking, setChecking] = useState(false);
  const [filters, setFilters] = useState<Filters>(() => readFilters(window.location.search));
  const [options, setOptions] = useState<SegmentOptions>(NO_OPTIONS);
  const [headline, setHeadline] = useState<Headline | null>(null);
  const [details, setDetails] = useState<Details | null>(null);
  const [loading, setLoading] = useState(false);
  const [scales, setScales] = useState<SurveyScales>(() => new Map());
  const get = useMemo(() => (key ? apiClient(key) : null), [key]);
  // One object per set of filters, so a section's effects see the same filters on every re-render.
  const queryFilters = useMemo(() => apiFilters(filters), [filters]);
  const generation = useRef(0);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Aftercare — ${t("appTitle")}`;
  }, [lang]);

  const signOut = useCallback((why: KeyProblem | null) => {
    storage("session")?.removeItem(KEY_STORAGE);
    generation.current++;
    setKey(null);
    setHeadline(null);
    setDetails(null);
    setOptions(NO_OPTIONS);
    setProblem(why);
  }, []);

  const onLoadError = useCallback(
    (e: unknown) => {
      if (e instanceof KeyRejected) signOut(problemOf(e));
    },
    [signOut],
  );

  async function signIn(candidate: string) {
    setChecking(true);
    try {
      await apiClient(candidate)("/v1/responses", { limit: 1 });
      storage("session")?.setItem(KEY_STORAGE, candidate);
      setProblem(null);
      setKey(candidate);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setChecking(false);
    }
  }

  const onFailure = useCallback(
    (mine: number) => (e: unknown) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (e instanceof KeyRejected) signOut(problemOf(e));
      else setProblem(problemOf(e));
    },
    [signOut],
  );

  // First paint: one request for the headline figures and the filter values (docs/dashboard.md,
  // "How the dashboard loads"). A slower, older load never overwrites a newer one.
  useEffect(() => {
    if (!get) return;
    const mine = ++generation.current;
    setLoading(true);
    setDetails(null);
    loadHeadline(get, filters).then(({ headline: figures, options: values }) => {
      if (mine !== generation.current) return;
      setHeadline(figures);
      setOptions(values);
    }, onFailure(mine));
  }, [get, filters]);

  // Then, once the headline is on screen (effects run after the render), the trends, breakdowns and comments.
  useEffect(() => {
    if (!get || !headline) return;
    const mine = generation.current;
    loadDetails(get, filters).then((result) => {
      if (mine !== generation.current) return;
      setDetails(result);
      setLoading(false);
    }, onFailure(mine));
  }, [headline]);

  // The surveys' CES scales, once per key: comments are coloured on their own survey's scale.
  // Asked once the first figures are on screen, like the comments they colour, so the first
  // paint stays one request.
  const scalesFor = useRef<ApiGet | null>(null);
  useEffect(() => {
    if (!get || !headline || scalesFor.current === get) return;
    scalesFor.current = get;
    loadSurveyScales(get).then((loaded) => scalesFor.current === get && setScales(loaded));
  }, [get, headline]);

  useEffect(() => {
    const onPop = () => setFilters(readFilters(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  function changeFilters(next: Filters) {
    setFilters(next);
    history.pushState(null, "", window.location.pathname + writeFilters(next, window.location.search));
  }

  function toggleLang() {
    const next: Lang = lang === "en" ? "fr" : "en";
    storage("local")?.setItem(LANG_STORAGE, next);
    setLang(next);
  }

  const problemText = problem ? describeProblem(problem, t) : null;

  return (
    <LocaleContext.Provider value={tools}>
      <SurveyScalesContext.Provider value={scales}>
        <a class="skip-link" href="#main">
          {t("skip")}
        </a>
        <header class="topbar">
          <p class="brand">
            <span class="logo" aria-hidden="true" />
            Aftercare
          </p>
          <h1>{t("appTitle")}</h1>
          <div class="topbar-actions">
            <button type="button" lang={lang === "en" ? "fr" : "en"} onClick={toggleLang}>
              {t("langSwitch")}
            </button>
            {key ? (
              <button type="button" onClick={() => signOut(null)}>
                {t("signOut")}
              </button>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1} aria-busy={loading ? "true" : "false"}>
          {!key || !get ? (
            <>
              <p class="tagline">{t("tagline")}</p>
              <SignIn error={problemText} busy={checking} onSubmit={signIn} />
            </>
          ) : (
            <>
              <FilterBar filters={filters} options={options} onChange={changeFilters} />
              <p class="status" role="status">
                {loading ? t("loading") : headline ? t("updated") : ""}
              </p>
              {problemText ? (
                <p class="error" role="alert">
                  {problemText}
                </p>
              ) : null}
              {headline ? (
                <>
                  <section aria-labelledby="headline-title" class="block">
                    <h2 id="headline-title">{t("headline")}</h2>
                    <Cards data={headline} />
                  </section>
                  <section aria-labelledby="health-title" class="block">
                    <ProgrammeHealth
                      get={get}
                      filters={queryFilters}
                      rate={headline.responseRate}
                      onKeyRejected={onLoadError}
                    />
                  </section>
                  {LAZY_SECTIONS.map((block) => (
                    <section key={block.id} id={block.anchor} aria-labelledby={`${block.id}-title`} class="block">
                      <h2 id={`${block.id}-title`}>{t(block.title)}</h2>
                      {block.render({ get, apiKey: key, filters, headline, details, onKeyRejected: onLoadError })}
                    </section>
                  ))}
                </>
              ) : null}
            </>
          )}
        </main>
      </SurveyScalesContext.Provider>
    </LocaleContext.Provider>
  );
}
