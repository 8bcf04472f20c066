/**
 * The dashboard's view of the Aftercare API: typed fetches with the API key,
 * and the response shapes, taken from the Worker's zod schemas. Kept free of
 * DOM types so tests can import it anywhere.
 */

import type { z } from "@hono/zod-openapi";
// Type-only imports of the Worker's own response schemas (zod, erased from the bundle): the
// dashboard reads exactly what the routes declare, and a changed schema breaks its typecheck.
// These files import zod, worker/domain and nothing of the Worker's runtime (worker/routes/tsconfig.schemas.json).
import type { DashboardSummarySchema } from "../../../worker/routes/dashboard-summary-schema";
import type {
  FollowUpPage as FollowUpPageSchema,
  FollowUp as FollowUpSchema,
  FollowUpSummary as FollowUpSummarySchema,
} from "../../../worker/routes/follow-ups-schema";
import type { ImpactBody as ImpactBodySchema } from "../../../worker/routes/impact-schema";
import type { WeeklyReport as WeeklyReportSchema } from "../../../worker/routes/reports-schema";
import type { RepurchaseFiguresSchema } from "../../../worker/routes/repurchase-schemas";
import type { ResponseRateFiguresSchema } from "../../../worker/routes/response-rate-schema";
import type {
  ResponseItem as ResponseItemSchema,
  ResponsePage as ResponsePageSchema,
} from "../../../worker/routes/responses-schema";
import type { CesFiguresSchema, CsatFiguresSchema, NpsFiguresSchema } from "../../../worker/routes/score-schemas";
import type {
  ReportItem as ReportItemSchema,
  TargetReport as TargetReportSchema,
} from "../../../worker/routes/targets-schema";

export type NpsFigures = z.infer<typeof NpsFiguresSchema>;
export type CsatFigures = z.infer<typeof CsatFiguresSchema>;
export type CesFigures = z.infer<typeof CesFiguresSchema>;
export type Share = NpsFigures["promoters"];

/** `GET /v1/scores` or `/v1/repurchase` with `group_by`: the whole selection plus one entry per key. */
export type Grouped<T> = T & { groups?: (T & { key: string | null })[] };

/** `GET /v1/repurchase` (the figures; `window_days` comes with the whole body). */
export type RepurchaseFigures = z.infer<typeof RepurchaseFiguresSchema> & { window_days: number };

/** `GET /v1/response-rate`: invited tickets, the ones answered, and the rate in percent. */
export type ResponseRate = z.infer<typeof ResponseRateFiguresSchema>;

/** The body of `GET /v1/dashboard/summary`: the headline figures, the response rate and the filter values. */
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;

/** A figure the summary could not compute for the selection (e.g. CES on two scales). */
export type FigureError = Extract<DashboardSummary["nps"], { error: unknown }>;

/** A response as `GET /v1/responses` lists it, and a page of them. */
export type ResponseItem = z.infer<typeof ResponseItemSchema>;
export type ResponsePage = z.infer<typeof ResponsePageSchema>;

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

/** A follow-up as `GET /v1/follow-ups` lists it, a page of them, and `GET /v1/follow-ups/summary`. */
export type FollowUpItem = z.infer<typeof FollowUpSchema>;
export type FollowUpPage = z.infer<typeof FollowUpPageSchema>;
export type FollowUpSummary = z.infer<typeof FollowUpSummarySchema>;

/** `GET /v1/reports/weekly`. */
export type WeeklyReportBody = z.infer<typeof WeeklyReportSchema>;

/** One line of `GET /v1/targets/report`, and the whole body. */
export type TargetItem = z.infer<typeof ReportItemSchema>;
export type TargetReport = z.infer<typeof TargetReportSchema>;

/** `GET /v1/impact`. */
export type ImpactBody = z.infer<typeof ImpactBodySchema>;

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
