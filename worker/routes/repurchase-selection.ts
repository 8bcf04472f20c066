import { z } from "@hono/zod-openapi";
import { invalid } from "../domain/errors";
import type { SegmentDimension } from "../domain/segments";
import { parseLooseInstant } from "../hooks/payload";
import { isoDay, segmentFilter } from "../http/openapi";
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from "../metrics/repurchase-window";

/**
 * The selection of interactions that the repurchase and impact reads share:
 * the window, `as_of`, the `from`/`to` days of `closed_at` and one filter per
 * segment dimension the read offers. One schema and one parser for both routes.
 */
export function selectionQuery<D extends SegmentDimension>(filters: readonly D[]) {
  return {
    window_days: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_WINDOW_DAYS)
      .default(DEFAULT_WINDOW_DAYS)
      .openapi({ description: "Days after `closed_at` an order may count, 1–365", example: 30 }),
    as_of: z.string().optional().openapi({
      description:
        "ISO-8601 instant (a date alone means its UTC midnight) at which windows are judged; default now. Interactions closed after it are left out.",
      example: "2026-11-17T00:00:00Z",
    }),
    from: isoDay.optional().openapi({ description: "Inclusive local day of `closed_at`" }),
    to: isoDay.optional().openapi({ description: "Exclusive local day of `closed_at`" }),
    ...(Object.fromEntries(filters.map((d) => [d, segmentFilter(d)])) as Record<D, z.ZodOptional<z.ZodType<string>>>),
  };
}

/** The parsed selection, before the workspace is added. */
export type InteractionSelection<D extends SegmentDimension> = { [K in D]?: string } & {
  windowDays: number;
  /** Unix ms. */
  asOf: number;
  from?: string;
  to?: string;
};

type SelectionQuery<D extends SegmentDimension> = { [K in D]?: string } & {
  window_days: number;
  as_of?: string;
  from?: string;
  to?: string;
};

/** Turns the validated query into a selection; 422 for an unreadable `as_of` or `to` not after `from`. */
export function parseSelection<D extends SegmentDimension>(
  q: SelectionQuery<D>,
  filters: readonly D[],
  now = Date.now(),
): InteractionSelection<D> {
  const asOf = q.as_of === undefined ? now : parseAsOf(q.as_of);
  if (q.from && q.to && q.to <= q.from) throw invalid([{ path: "to", message: "Must be a day after `from`" }]);
  const chosen = Object.fromEntries(filters.map((d) => [d, q[d]])) as unknown as { [K in D]?: string };
  return { ...chosen, windowDays: q.window_days, asOf, from: q.from, to: q.to };
}

/** An ISO-8601 instant, or a date alone as its UTC midnight. */
export function parseAsOf(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : parseLooseInstant(text);
  if (ms === null || !Number.isFinite(ms)) {
    throw invalid([{ path: "as_of", message: "Expected an ISO-8601 instant such as 2026-11-17T00:00:00Z" }]);
  }
  return ms;
}
