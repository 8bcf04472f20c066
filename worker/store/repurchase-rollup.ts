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
 * Any other read goes to the bounded query (worker/store/repurchase-query.ts).
 *
 * The rollup answers the days on which every window has closed by `as_of` (see
 * `FRONTIER`); the days after, the tail, where windows may still be open, go to
 * the bounded query, whose cost is then that of about `window_days` of interactions.
 */
export interface RollupPlan {
  grain: RollupGrain;
  /** The filtered value of the grain's dimension, if any. */
  value?: string;
}

const TIME_GROUPS: readonly RepurchaseGroup[] = ["day", "week", "month"];

/** The rollup grain and value for `sel`, or null when the rollup cannot answer it (see above). */
export function rollupPlanFor(sel: RepurchaseSelection): RollupPlan | null {
  if (sel.windowDays !== DEFAULT_WINDOW_DAYS) return null;
  const filtered = SEGMENT_DIMENSIONS.filter((d) => sel[d] !== undefined);
  const grouped = sel.groupBy === undefined || TIME_GROUPS.includes(sel.groupBy) ? [] : [sel.groupBy];
  if (grouped.length && !SEGMENT_DIMENSIONS.includes(grouped[0] as SegmentDimension)) return null;
  const grain = grainOf([...filtered, ...(grouped as SegmentDimension[])]);
  if (grain === null) return null;
  const value = filtered.length ? sel[filtered[0] as SegmentDimension] : undefined;
  return { grain, value };
}

/**
 * The first local day from which some interaction may still be open (or closed
 * after `as_of`): two days before the day of the earliest interaction closed
 * after `as_of − window` (?5). Every interaction on an earlier day closed before
 * it, so its window has closed; the two days absorb a workspace timezone change
 * (local days of one instant differ by at most 26 hours). NULL when every
 * interaction is eligible. One probe of the `interactions_attribution` index.
 */
const FRONTIER = `(SELECT date(closed_day, '-2 days') FROM interactions
  WHERE workspace_id = ?1 AND closed_at > ?5 ORDER BY closed_at LIMIT 1)`;
const NEVER = "9999-12-31";

/**
 * The rows of grain ?2 (and value ?6 when given) on the days of [?3, ?4) before
 * the frontier. The frontier is read in the same statement, so the rows and the
 * day they stop at come from one snapshot.
 */
const RANGE = `workspace_id = ?1 AND grain = ?2 AND day >= ?3 AND day < ?4
  AND day < COALESCE(${FRONTIER}, '${NEVER}') AND (?6 IS NULL OR value = ?6)`;

type RevenueRow = { day: string; value: string; next_day: string; currency: string; minor: string };

/**
 * Reads the rollup for `plan` over the selection's days before the frontier.
 * `tailFrom` is the frontier when the selection goes on past it (those days are
 * the bounded query's, `queryRepurchase(…, { after: tailFrom })`), else null.
 *
 * Counts add up per day. Revenue counts each order once per group, on its last
 * day in the group: repurchase_order_days keeps, per order, each of its days with
 * the next one, so that day is the one whose next day is not in the group.
 */
export async function queryRepurchaseRollup(
  db: Database,
  sel: RepurchaseSelection,
  plan: RollupPlan,
): Promise<{ rows: RepurchaseRows; tailFrom: string | null }> {
  const to = sel.to ?? NEVER;
  const since = sel.asOf - sel.windowDays * DAY_MS;
  const bind = (sql: string, grain: RollupGrain, value: string | undefined) =>
    db.$client.prepare(sql).bind(sel.workspaceId, grain, sel.from ?? "", to, since, value ?? null);
  const groupedByDimension = sel.groupBy !== undefined && !TIME_GROUPS.includes(sel.groupBy);
  // Grouped by a dimension, the total's revenue needs the `all` grain (or the filtered value):
  // an order counting in two groups counts once in the total.
  const totalGrain: RollupGrain = groupedByDimension && plan.value === undefined ? "all" : plan.grain;
  const revenueSql = `SELECT day, value, next_day, currency, CAST(minor AS TEXT) AS minor
    FROM repurchase_revenue_rollups WHERE ${RANGE}`;
  const statements = [
    // SQLite numbers parameters up to the highest used: ?1 to ?5 here.
    db.$client.prepare(`SELECT ${FRONTIER} AS frontier`).bind(sel.workspaceId, null, null, null, since),
    bind(
      `SELECT day, value, interactions AS n, repurchased AS hits FROM repurchase_day_rollups WHERE ${RANGE}`,
      plan.grain,
      plan.value,
    ),
    bind(revenueSql, plan.grain, plan.value),
  ];
  if (totalGrain !== plan.grain) statements.push(bind(revenueSql, totalGrain, undefined));
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
  const frontier = (results[0]?.results[0]?.frontier as string | null | undefined) ?? null;
  const tailFrom = frontier !== null && frontier < to ? frontier : null;
  /** Where the rollup's days stop: pairs of days reaching it are not both in the range. */
  const until = tailFrom ?? to;

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
  /**
   * An order counts once per group, on its last day in the group: the row of a day
   * whose next day of the same order is not in the group (none, at or after
   * `until`, or in another period).
   */
  const fold = (
    rows: RevenueRow[],
    into: (row: RevenueRow) => RepurchaseTally,
    sameGroup: (r: RevenueRow) => boolean,
  ) => {
    for (const row of rows) {
      if (row.next_day !== "" && row.next_day < until && sameGroup(row)) continue;
      const t = into(row);
      t.revenueMinor[row.currency] = (t.revenueMinor[row.currency] ?? 0n) + BigInt(row.minor);
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
  const groups = [...byKey.entries()]
    .filter(([, t]) => t.eligible > 0)
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([key, tally]) => ({ key, tally }));
  return { rows: { groups: sel.groupBy ? groups : [{ key: null, tally: total }], total, rowsRead }, tailFrom };
}
