/**
 * The dashboard's view of the Aftercare API: typed fetches with the API key,
 * and the response shapes of the API reference (docs/scores.md, "Scores" and
 * "Repurchase"). Kept free of DOM types so tests can import it anywhere.
 */

/** The score figures, typed by the server's own definitions (worker/domain). */
import type { CesFigures, CsatFigures, NpsFigures, Share } from "../../../worker/domain/score-figures";

export type { CesFigures, CsatFigures, NpsFigures, Share };

export type Grouped<T> = T & { groups?: (T & { key: string | null })[] };

export interface RepurchaseFigures {
  window_days: number;
  eligible: number;
  repurchased: number;
  rate: number | null;
  pending: number;
  pending_repurchased: number;
  revenue: Record<string, string>;
  revenue_per_interaction: Record<string, string>;
  /** Not sent by today's server; a band name (or an object naming it) if a later one does. */
  benchmark?: string | { band?: string; label?: string; name?: string } | null;
}

export interface ResponseItem {
  id: string;
  ticket_id: string;
  /** Who numbers ticket_id: "own", or the support tool's name. */
  source: string;
  survey_id: string;
  answers: { nps?: number; csat?: number; ces?: number };
  comment: string | null;
  locale: string | null;
  submitted_at: string;
  channel: string | null;
  request_type: string | null;
  agent: string | null;
  team: string | null;
}

export interface ResponsePage {
  items: ResponseItem[];
  next_cursor: string | null;
}

/** A figure the summary could not compute for the selection (e.g. CES on two scales). */
export interface FigureError {
  error: { code: string; message: string };
}

/**
 * The body of `GET /v1/dashboard/summary`. The dashboard's project cannot
 * compile the Worker's files, so this mirrors the route's zod schema
 * (worker/routes/dashboard-summary-schema.ts); test/worker/dashboard-summary.test.ts
 * checks with the type checker that the two are the same type both ways.
 */
export interface DashboardSummary {
  nps: NpsFigures | FigureError;
  csat: CsatFigures | FigureError;
  ces: CesFigures | FigureError;
  repurchase: (RepurchaseFigures & { as_of: string }) | FigureError;
  filter_values: { channel: string[]; request_type: string[]; agent: string[]; team: string[] };
}

/** An error the API answered with (or a network failure, status 0). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The route does not exist on this server (an older or partial deployment). */
  get missingRoute(): boolean {
    return (this.status === 404 && this.message.startsWith("No route")) || this.status === 405;
  }
}

export type Params = Record<string, string | number | undefined | null>;

/** `path?query` with empty parameters left out. */
export function withQuery(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The last D1 bookmark the API sent (`x-d1-bookmark`, docs/SCALING.md): sent back with every
 * request, so a read after a write never comes from a replica older than that write.
 */
let bookmark: string | null = null;
const BOOKMARK_HEADER = "x-d1-bookmark";
const withBookmark = (headers: Record<string, string>) =>
  bookmark ? { ...headers, [BOOKMARK_HEADER]: bookmark } : headers;
const keepBookmark = (res: Response) => {
  bookmark = res.headers?.get?.(BOOKMARK_HEADER) ?? bookmark;
};

/** A client bound to one API key. `fetchImpl` is injectable for tests. */
export function apiClient(key: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  return async function get<T>(path: string, params?: Params): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(withQuery(path, params), {
        headers: withBookmark({ authorization: `Bearer ${key}`, accept: "application/json" }),
      });
    } catch (e) {
      throw new ApiFailure(0, "network", (e as Error).message);
    }
    keepBookmark(res);
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) {
      throw new ApiFailure(res.status, body?.error?.code ?? "http_error", body?.error?.message ?? res.statusText);
    }
    return body as T;
  };
}

export type ApiGet = ReturnType<typeof apiClient>;

/** A follow-up as `GET /v1/follow-ups` lists it. */
export interface FollowUpItem {
  id: string;
  ticket_id: string;
  source: string | null;
  answers: { nps?: number; csat?: number; ces?: number };
  comment: string | null;
  channel: string | null;
  agent: string | null;
  team: string | null;
  status: "open" | "contacted" | "resolved";
  assignee: string | null;
  note: string | null;
  opened_at: string;
}

export interface FollowUpSummary {
  opened: number;
  contacted: number;
  resolved: number;
  open: number;
  median_hours_to_contact: number | null;
  median_hours_to_resolve: number | null;
}

/** A write with the API key (the follow-up inbox's PATCH). `fetchImpl` is injectable for tests. */
export async function apiSend<T>(
  key: string,
  method: "PATCH" | "POST" | "PUT",
  path: string,
  body: unknown,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(path, {
      method,
      headers: withBookmark({
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        accept: "application/json",
      }),
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiFailure(0, "network", (e as Error).message);
  }
  keepBookmark(res);
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok)
    throw new ApiFailure(res.status, json?.error?.code ?? "http_error", json?.error?.message ?? res.statusText);
  return json as T;
}
