import { CUSTOMER_TENURES, SEGMENT_DIMENSIONS, VALUE_TIERS } from "../../../worker/domain/segments";
import type { Params } from "./api";

/** The segment filters the API takes (worker/domain/segments.ts), in the order the dashboard shows them. */
export const SEGMENTS = SEGMENT_DIMENSIONS;
export type Segment = (typeof SEGMENTS)[number];

/**
 * The segments whose values the domain fixes (derived from the shop's orders),
 * with those values; the others take whatever the support tool sends.
 */
export const FIXED_SEGMENT_VALUES: Partial<Record<Segment, readonly string[]>> = {
  customer_tenure: CUSTOMER_TENURES,
  value_tier: VALUE_TIERS,
};

export const TREND_GRAINS = ["day", "week", "month"] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];

/**
 * What the manager is looking at, as kept in the page's URL query so that a
 * view can be bookmarked and shared. `from` and `to` are both inclusive here
 * (people say "from the 1st to the 7th"); the API's `to` is exclusive, so
 * {@link apiFilters} adds a day.
 */
export type Filters = {
  from?: string;
  to?: string;
  trend: TrendGrain;
} & { [S in Segment]?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string | null): text is string {
  if (!text || !DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** The day after `day`, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Reads filters from a query string; anything malformed is dropped, not guessed at. */
export function readFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const filters: Filters = { trend: "week" };
  const from = q.get("from");
  const to = q.get("to");
  if (isDay(from)) filters.from = from;
  if (isDay(to)) filters.to = to;
  for (const segment of SEGMENTS) {
    const value = q.get(segment)?.trim();
    const fixed = FIXED_SEGMENT_VALUES[segment];
    if (value && (!fixed || fixed.includes(value))) filters[segment] = value.slice(0, 200);
  }
  const trend = q.get("trend");
  if ((TREND_GRAINS as readonly string[]).includes(trend ?? "")) filters.trend = trend as TrendGrain;
  return filters;
}

/**
 * Writes filters into a query string, keeping the parameters that are not
 * filters. The default trend grain is left out so that plain URLs stay plain.
 */
export function writeFilters(filters: Filters, search = ""): string {
  const q = new URLSearchParams(search);
  for (const name of ["from", "to", ...SEGMENTS, "trend"] as const) q.delete(name);
  if (filters.from) q.set("from", filters.from);
  if (filters.to) q.set("to", filters.to);
  for (const segment of SEGMENTS) {
    const value = filters[segment];
    if (value) q.set(segment, value);
  }
  if (filters.trend !== "week") q.set("trend", filters.trend);
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** The API query parameters of these filters (`to` made exclusive). */
export function apiFilters(filters: Filters, options: { segments?: boolean } = {}): Params {
  const params: Params = { from: filters.from, to: filters.to ? nextDay(filters.to) : undefined };
  if (options.segments !== false) for (const segment of SEGMENTS) params[segment] = filters[segment];
  return params;
}

/** True when any segment filter is set. */
export function hasSegmentFilter(filters: Filters): boolean {
  return SEGMENTS.some((s) => Boolean(filters[s]));
}
