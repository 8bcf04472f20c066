import type { Context } from "hono";
import { endTime, setMetric, startTime, timing } from "hono/timing";

/**
 * `Server-Timing` through Hono's timing middleware. A read reports what it cost D1 under one name,
 * `d1`: `d1;dur=<ms>;desc="rows_read=<N>"` (the benches and tests parse `rows_read`). Responses
 * that report nothing carry no header, and no `total` metric is added.
 */
export const serverTiming = timing({
  total: false,
  enabled: (c) => (c.get("metric")?.headers.length ?? 0) > 0,
});

/** Adds the `d1` metric: the time since `startedAt` (from `performance.now()`) and the rows D1 read. */
export function reportD1Cost(c: Context, startedAt: number, rowsRead: number): void {
  setMetric(c, "d1", performance.now() - startedAt, `rows_read=${rowsRead}`);
}

/**
 * Times named steps of a request into its `Server-Timing` (e.g. `token`, `read`, `write` of an
 * answer), so a bench or an operator's browser sees where the time went.
 */
export function timedSteps<S extends string>(c: Context) {
  return {
    async measure<T>(step: S, work: () => Promise<T>): Promise<T> {
      startTime(c, step);
      try {
        return await work();
      } finally {
        endTime(c, step);
      }
    },
  };
}
