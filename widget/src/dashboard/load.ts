import {
  ApiFailure,
  type ApiGet,
  type CesFigures,
  type CsatFigures,
  type DashboardSummary,
  type Grouped,
  type NpsFigures,
  type RepurchaseFigures,
  type ResponsePage,
  type ResponseRate,
} from "./api";
import { apiFilters, FIXED_SEGMENT_VALUES, type Filters, SEGMENTS, type Segment } from "./filters";

/** One section's outcome: its data, "this server has no such route", or an error to show in place. */
export type Section<T> = { status: "ok"; data: T } | { status: "missing" } | { status: "error"; message: string };

/** The headline cards: the first paint, from one call to `/v1/dashboard/summary`. */
export interface Headline {
  nps: Section<NpsFigures>;
  csat: Section<CsatFigures>;
  ces: Section<CesFigures>;
  repurchase: Section<RepurchaseFigures>;
  /** The share of invited tickets that answered, for the same selection: what the scores rest on. */
  responseRate: Section<ResponseRate>;
}

/** The trends, breakdowns and comments, loaded after the headline is on screen. */
export interface Details {
  trendNps: Section<Grouped<NpsFigures>>;
  trendCsat: Section<Grouped<CsatFigures>>;
  csatByType: Section<Grouped<CsatFigures>>;
  repurchaseByType: Section<Grouped<RepurchaseFigures>>;
  repurchaseByChannel: Section<Grouped<RepurchaseFigures>>;
  repurchaseByNps: Section<Grouped<RepurchaseFigures>>;
  verbatims: Section<ResponsePage>;
}

/** Everything the dashboard shows for one set of filters. */
export type DashboardData = Headline & Details;

/** Thrown when the key is refused: the page signs out instead of showing sections of errors. */
export class KeyRejected extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

export async function section<T>(request: Promise<T>): Promise<Section<T>> {
  try {
    return { status: "ok", data: await request };
  } catch (e) {
    if (e instanceof ApiFailure) {
      if (e.status === 401 || e.status === 403) throw new KeyRejected(e);
      if (e.missingRoute) return { status: "missing" };
      return { status: "error", message: e.message };
    }
    return { status: "error", message: (e as Error).message };
  }
}

/** Settles every section in parallel; a refused key rejects once, whatever section noticed it first. */
async function settleAll<T extends Record<string, Promise<Section<unknown>>>>(
  entries: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const names = Object.keys(entries) as (keyof T)[];
  const settled = await Promise.allSettled(names.map((n) => entries[n]));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return Object.fromEntries(names.map((n, i) => [n, (settled[i] as PromiseFulfilledResult<unknown>).value])) as {
    [K in keyof T]: Awaited<T[K]>;
  };
}

export type SegmentOptions = Record<Segment, readonly string[]>;

/**
 * Before the summary answers: nothing to offer for the support tool's segments,
 * and the domain's own values for the shop-derived ones (they never vary).
 */
export const NO_OPTIONS: SegmentOptions = Object.fromEntries(
  SEGMENTS.map((s) => [s, FIXED_SEGMENT_VALUES[s] ?? []]),
) as SegmentOptions;

/** One figure of the summary: its figures, its own error, or "missing" when the server left it out. */
function figureOf<T>(value: T | { error: { code: string; message: string } } | undefined): Section<T> {
  if (value === undefined) return { status: "missing" };
  if (typeof value === "object" && value !== null && "error" in value) {
    return { status: "error", message: value.error.message };
  }
  return { status: "ok", data: value };
}

/**
 * The first paint in one request: the four headline figures and the values
 * each segment filter offers. A refused key throws {@link KeyRejected}.
 */
export async function loadHeadline(
  get: ApiGet,
  filters: Filters,
): Promise<{ headline: Headline; options: SegmentOptions }> {
  const summary = await section(get<DashboardSummary>("/v1/dashboard/summary", apiFilters(filters)));
  if (summary.status !== "ok") {
    const failed: Section<never> = summary;
    return {
      headline: { nps: failed, csat: failed, ces: failed, repurchase: failed, responseRate: failed },
      options: NO_OPTIONS,
    };
  }
  const body = summary.data;
  return {
    headline: {
      nps: figureOf<NpsFigures>(body.nps),
      csat: figureOf<CsatFigures>(body.csat),
      ces: figureOf<CesFigures>(body.ces),
      repurchase: figureOf<RepurchaseFigures>(body.repurchase),
      responseRate: figureOf<ResponseRate>(body.response_rate),
    },
    options: { ...NO_OPTIONS, ...body.filter_values },
  };
}

/**
 * The trends, breakdowns and latest comments, in parallel, once the headline
 * is shown. A section whose route this server lacks reads "missing" so its
 * chart shows a note; a refused key throws {@link KeyRejected} once.
 */
export function loadDetails(get: ApiGet, filters: Filters): Promise<Details> {
  const f = apiFilters(filters);
  const scores = <T>(metric: string, extra: Record<string, string> = {}) =>
    section(get<T>("/v1/scores", { metric, ...f, ...extra }));
  const repurchase = <T>(extra: Record<string, string> = {}) => section(get<T>("/v1/repurchase", { ...f, ...extra }));
  return settleAll({
    trendNps: scores<Grouped<NpsFigures>>("nps", { group_by: filters.trend }),
    trendCsat: scores<Grouped<CsatFigures>>("csat", { group_by: filters.trend }),
    csatByType: scores<Grouped<CsatFigures>>("csat", { group_by: "request_type" }),
    repurchaseByType: repurchase<Grouped<RepurchaseFigures>>({ group_by: "request_type" }),
    repurchaseByChannel: repurchase<Grouped<RepurchaseFigures>>({ group_by: "channel" }),
    repurchaseByNps: repurchase<Grouped<RepurchaseFigures>>({ group_by: "nps_category" }),
    verbatims: section(get<ResponsePage>("/v1/responses", { ...f, limit: 100 })),
  });
}
