import {
  ApiFailure,
  type ApiGet,
  type CesFigures,
  type CsatFigures,
  type Grouped,
  type NpsFigures,
  type RepurchaseFigures,
  type ResponsePage,
} from "./api";
import { apiFilters, type Filters, SEGMENTS, type Segment } from "./filters";

/** One section's outcome: its data, "this server has no such route", or an error to show in place. */
export type Section<T> = { status: "ok"; data: T } | { status: "missing" } | { status: "error"; message: string };

/** Everything the dashboard shows for one set of filters. */
export interface DashboardData {
  nps: Section<NpsFigures>;
  csat: Section<CsatFigures>;
  ces: Section<CesFigures>;
  repurchase: Section<RepurchaseFigures>;
  trendNps: Section<Grouped<NpsFigures>>;
  trendCsat: Section<Grouped<CsatFigures>>;
  csatByType: Section<Grouped<CsatFigures>>;
  repurchaseByType: Section<Grouped<RepurchaseFigures>>;
  repurchaseByChannel: Section<Grouped<RepurchaseFigures>>;
  repurchaseByNps: Section<Grouped<RepurchaseFigures>>;
  verbatims: Section<ResponsePage>;
}

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

/**
 * Loads every section in parallel. A section whose route this server lacks
 * reads "missing" so its card shows a dash and a note; a refused key throws
 * {@link KeyRejected} once, whatever section noticed it first.
 */
export async function loadDashboard(get: ApiGet, filters: Filters): Promise<DashboardData> {
  const f = apiFilters(filters);
  const scores = <T>(metric: string, extra: Record<string, string> = {}) =>
    section(get<T>("/v1/scores", { metric, ...f, ...extra }));
  const repurchase = <T>(extra: Record<string, string> = {}) => section(get<T>("/v1/repurchase", { ...f, ...extra }));
  const entries = {
    nps: scores<NpsFigures>("nps"),
    csat: scores<CsatFigures>("csat"),
    ces: scores<CesFigures>("ces"),
    repurchase: repurchase<RepurchaseFigures>(),
    trendNps: scores<Grouped<NpsFigures>>("nps", { group_by: filters.trend }),
    trendCsat: scores<Grouped<CsatFigures>>("csat", { group_by: filters.trend }),
    csatByType: scores<Grouped<CsatFigures>>("csat", { group_by: "request_type" }),
    repurchaseByType: repurchase<Grouped<RepurchaseFigures>>({ group_by: "request_type" }),
    repurchaseByChannel: repurchase<Grouped<RepurchaseFigures>>({ group_by: "channel" }),
    repurchaseByNps: repurchase<Grouped<RepurchaseFigures>>({ group_by: "nps_category" }),
    verbatims: section(get<ResponsePage>("/v1/responses", { ...f, limit: 100 })),
  };
  const names = Object.keys(entries) as (keyof typeof entries)[];
  const settled = await Promise.allSettled(names.map((n) => entries[n]));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return Object.fromEntries(
    names.map((n, i) => [n, (settled[i] as PromiseFulfilledResult<unknown>).value]),
  ) as unknown as DashboardData;
}

export type SegmentOptions = Record<Segment, string[]>;

/**
 * The values each segment filter offers: every channel, request type, agent
 * and team seen in interactions (repurchase groups cover unanswered tickets
 * too) or, on a server without repurchase, in answers.
 */
export async function loadSegmentOptions(get: ApiGet): Promise<SegmentOptions> {
  const keysOf = async (path: string, params: Record<string, string>): Promise<string[]> => {
    try {
      const body = await get<{ groups?: { key: string | null }[] }>(path, params);
      return (body.groups ?? []).map((g) => g.key ?? "").filter((k) => k !== "");
    } catch (e) {
      if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) throw new KeyRejected(e);
      return [];
    }
  };
  const lists = await Promise.all(
    SEGMENTS.map(async (segment) => {
      const seen = new Set<string>();
      const sources = await Promise.all([
        keysOf("/v1/repurchase", { group_by: segment }),
        keysOf("/v1/scores", { metric: "nps", group_by: segment }),
        keysOf("/v1/scores", { metric: "csat", group_by: segment }),
      ]);
      for (const key of sources.flat()) seen.add(key);
      return [segment, [...seen].sort((a, b) => a.localeCompare(b))] as const;
    }),
  );
  return Object.fromEntries(lists) as SegmentOptions;
}
