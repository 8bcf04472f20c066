import type { Database } from "../db";
import { isoWeek } from "../domain/local-day";
import { grainOf, type RollupGrain, SEGMENT_DIMENSIONS, type SegmentDimension } from "../domain/segments";
import { emptyTally, type RepurchaseTally } from "../metrics/attribution";
import { DAY_MS, DEFAULT_WINDOW_DAYS } from "../metrics/repurchase-window";
import type { RepurchaseGroup, RepurchaseRows, RepurchaseSelection } from "./repurchase-query";

/**
 * The daily repurchase rollup's read (issue 16; tables and triggers in
 * scripts/gen-repurchase-rollup.mjs). It costs days × values of one grain,
 * whatever the number of interactions and orders behind them.
 *
 * It answers a read when:
 * - the window is the default 30 days (the rollup holds that window only);
 * - at most one segment dimension is filtered or grouped on (a single-dimension
 *   grain, as for scores: worker/domain/segments.ts);
 * - the grouping is none, that dimension, day, week or month (nps_category,
 *   csat_category and follow_up change after the interaction closed, with its
 *   answers and follow-ups, and are not rolled up);
 * - `to` is given and every interaction before it is eligible at `as_of` (see
 *   `frontierSql`), so no window is still open in the range.
 * Any other read goes to the bounded query (worker/store/repurchase-query.ts).
 */
export interface RollupPlan {
  grain: RollupGrain;
  /** The filtered value of the grain's dimension, if any. */
  value?: string;
  /** The read's `to`: the end of the range the rollup answers. */
  to: string;
}

const TIME_GROUPS: readonly RepurchaseGroup[] = ["day", "week", "month"];

/** The rollup grain and value for `sel`, or null when the rollup cannot answer it (see above). */
export function rollupPlanFor(sel: RepurchaseSelection): RollupPlan | null {
  if (sel.windowDays !== DEFAULT_WINDOW_DAYS || sel.to === undefined) return null;
  const filtered = SEGMENT_DIMENSIONS.filter((d) => sel[d] !== undefined);
  const grouped = sel.groupBy === undefined || TIME_GROUPS.includes(sel.groupBy) ? [] : [sel.groupBy];
  if (grouped.length && !SEGMENT_DIMENSIONS.includes(grouped[0] as SegmentDimension)) return null;
  const grain = grainOf([...filtered, ...(grouped as SegmentDimension[])]);
  if (grain === null) return null;
  const value = filtered.length ? sel[filtered[0] as SegmentDimension] : undefined;
  return { grain, value, to: sel.to };
}

/**
 * The first local day from which some interaction may still be open (or closed
 * after `as_of`): two days before the day of the earliest interaction closed
 * after `as_of − window`. Every interaction on an earlier day closed before it,
 * so its window has closed; the two days absorb a workspace timezone change
 * (local days of one instant differ by at most 26 hours). NULL when every
 * interaction is eligible. One probe of the `interactions_attribution` index.
 */
const frontierSql = `SELECT date(closed_day, '-2 days') AS frontier FROM interactions
  WHERE workspace_id = ?1 AND closed_at > ?2 ORDER BY closed_at LIMIT 1`;

/** The rows of one grain over [from, to), optionally one value. Parameters: workspace, grain, from, to, value. */
const rangeWhere = (value: string | undefined) =>
  `workspace_id = ?1 AND grain = ?2 AND day >= ?3 AND day < ?4${value === undefined ? "" : " AND value = ?5"}`;

type RevenueRow = { day: string; value: string; next_day: string; currency: string; orders: number; minor: string };

/**
 * Reads the rollup for `plan`, or returns null (with the rows the probe cost)
 * when the range reaches a day where a window may still be open at `as_of`.
 *
 * Counts add up per day. Revenue counts each order once per group: an order adds
 * its total on each of its days in the group and takes it back on each pair of
 * consecutive days both in the group, which leaves exactly one when it has a
 * day there (repurchase_order_days, one row per day with the next day).
 */
export async function queryRepurchaseRollup(
  db: Database,
  sel: RepurchaseSelection,
  plan: RollupPlan,
): Promise<{ rows: RepurchaseRows | null; rowsRead: number }> {
  const from = sel.from ?? "";
  const bind = (sql: string, grain: RollupGrain, value: string | undefined) =>
    db.$client.prepare(sql).bind(sel.workspaceId, grain, from, plan.to, ...(value === undefined ? [] : [value]));
  const groupedByDimension = sel.groupBy !== undefined && !TIME_GROUPS.includes(sel.groupBy);
  // Grouped by a dimension, the total's revenue needs the `all` grain (or the filtered value):
  // an order counting in two groups counts once in the total.
  const totalGrain: RollupGrain = groupedByDimension && plan.value === undefined ? "all" : plan.grain;
  const statements = [
    db.$client.prepare(frontierSql).bind(sel.workspaceId, sel.asOf - sel.windowDays * DAY_MS),
    bind(
      `SELECT day, value, interactions AS n, repurchased AS hits FROM repurchase_day_rollups WHERE ${rangeWhere(plan.value)}`,
      plan.grain,
      plan.value,
    ),
    bind(
      `SELECT day, value, next_day, currency, orders, CAST(minor AS TEXT) AS minor FROM repurchase_revenue_rollups WHERE ${rangeWhere(plan.value)}`,
      plan.grain,
      plan.value,
    ),
  ];
  if (totalGrain !== plan.grain) {
    statements.push(
      bind(
        `SELECT day, value, next_day, currency, orders, CAST(minor AS TEXT) AS minor FROM repurchase_revenue_rollups WHERE ${rangeWhere(undefined)}`,
        totalGrain,
        undefined,
      ),
    );
  }
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
  const frontier = results[0]?.results[0]?.frontier as string | undefined;
  if (frontier !== undefined && plan.to > frontier) return { rows: null, rowsRead };

  const groupOf = (day: string, value: string): string | null => {
    switch (sel.groupBy) {
      case undefined:
        return null;
      case "day":
        return day;
      case "week":
        return isoWeek(day).label;
      case "month":
        return day.slice(0, 7);
      default:
        return value === "" ? null : value;
    }
  };
  const byKey = new Map<string | null, RepurchaseTally>();
  const tallyOf = (key: string | null) => {
    let tally = byKey.get(key);
    if (!tally) {
      tally = emptyTally();
      byKey.set(key, tally);
    }
    return tally;
  };
  const total = emptyTally();
  for (const row of results[1]?.results ?? []) {
    for (const t of [tallyOf(groupOf(String(row.day), String(row.value))), total]) {
      t.eligible += Number(row.n);
      t.repurchased += Number(row.hits);
    }
  }
  // Orders per currency alongside the money, so that a currency whose orders all net
  // out is dropped (as the bounded query, which lists only currencies with orders)
  // while one with orders of total 0 stays.
  const orderCounts = new Map<RepurchaseTally, Map<string, number>>();
  const add = (t: RepurchaseTally, row: RevenueRow, sign: 1n | -1n) => {
    t.revenueMinor[row.currency] = (t.revenueMinor[row.currency] ?? 0n) + sign * BigInt(row.minor);
    const counts = orderCounts.get(t) ?? new Map<string, number>();
    orderCounts.set(t, counts);
    counts.set(row.currency, (counts.get(row.currency) ?? 0) + Number(sign) * Number(row.orders));
  };
  /** +total on an order's day; −total on a pair of its days both in the same group and before `to`. */
  const fold = (
    rows: RevenueRow[],
    into: (row: RevenueRow) => RepurchaseTally,
    sameGroup: (r: RevenueRow) => boolean,
  ) => {
    for (const row of rows) {
      if (row.next_day === "") add(into(row), row, 1n);
      else if (row.next_day < plan.to && sameGroup(row)) add(into(row), row, -1n);
    }
  };
  const revenueRows = (results[2]?.results ?? []) as RevenueRow[];
  const totalRows = totalGrain === plan.grain ? revenueRows : ((results[3]?.results ?? []) as RevenueRow[]);
  fold(
    revenueRows,
    (r) => tallyOf(groupOf(r.day, r.value)),
    (r) => groupOf(r.next_day, r.value) === groupOf(r.day, r.value),
  );
  fold(
    totalRows,
    () => total,
    () => true,
  );
  for (const [t, counts] of orderCounts) {
    for (const [currency, n] of counts) if (n === 0) delete t.revenueMinor[currency];
  }

  const groups = [...byKey.entries()]
    .filter(([, t]) => t.eligible > 0)
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([key, tally]) => ({ key, tally }));
  return { rows: { groups: sel.groupBy ? groups : [{ key: null, tally: total }], total, rowsRead }, rowsRead };
}
