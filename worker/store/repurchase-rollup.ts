import type { Database } from "../db";
import { addDays, isoWeek } from "../domain/local-day";
import { SEGMENT_DIMENSIONS, type SegmentDimension } from "../domain/segments";
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
 *   grain, as the score rollups' own: worker/domain/segments.ts);
 * - the grouping is none, that dimension, day, week or month (nps_category,
 *   csat_category and follow_up change after the interaction closed, with its
 *   answers and follow-ups, and are not rolled up);
 * Any other read goes to the bounded query (worker/store/repurchase-query.ts).
 *
 * The rollup answers the days on which every window has closed by `as_of` (see
 * `FRONTIER`); the days after, the tail, where windows may still be open, go to
 * the bounded query, whose cost is then that of about `window_days` of interactions.
 */
/**
 * The rollup's grains: the unsegmented one and one per segment dimension (the
 * score rollups' channel pairs are not kept here: scripts/gen-repurchase-rollup.mjs).
 */
export type RepurchaseGrain = "all" | SegmentDimension;

export interface RollupPlan {
  grain: RepurchaseGrain;
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
  const dimensions = [...new Set([...filtered, ...(grouped as SegmentDimension[])])];
  if (dimensions.length > 1) return null;
  const grain: RepurchaseGrain = dimensions[0] ?? "all";
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

type RevenueRow = { kind: string; day: string; next_day: string; value: string; orders: string; minor: string };

/** The start of the group period holding `day` (ISO week or month), and the start of the next one. */
function periodOf(day: string, groupBy: "week" | "month"): { start: string; end: string } {
  if (groupBy === "week") {
    const start = isoWeek(day).start;
    return { start, end: addDays(start, 7) };
  }
  const [y, m] = day.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { start: `${day.slice(0, 7)}-01`, end: `${next}-01` };
}

/** `{"EUR": 123}` to exact integers (JSON.parse would go through floats). */
function perCurrency(json: string): [string, bigint][] {
  return [...json.matchAll(/"([A-Z]{3})":(-?\d+)/g)].map((m) => [m[1] as string, BigInt(m[2] as string)]);
}

/**
 * Reads the rollup for `plan` over the selection's days before the frontier.
 * `tailFrom` is the frontier when the selection goes on past it (those days are
 * the bounded query's, `queryRepurchase(…, { after: tailFrom })`), else null.
 *
 * Counts add up per day. Revenue counts each order once per group, over the
 * group's days [s, e): `first` over them, plus `open` at s (orders begun before
 * s that go on past it), less `cross` at s whose next day is e or later (those
 * skip the group). A day group is `any` on that day.
 */
export async function queryRepurchaseRollup(
  db: Database,
  sel: RepurchaseSelection,
  plan: RollupPlan,
): Promise<{ rows: RepurchaseRows; tailFrom: string | null }> {
  const from = sel.from ?? "";
  const to = sel.to ?? NEVER;
  const since = sel.asOf - sel.windowDays * DAY_MS;
  const bind = (sql: string, grain: RepurchaseGrain, value: string | undefined) =>
    db.$client.prepare(sql).bind(sel.workspaceId, grain, from, to, since, value ?? null);
  const groupBy = sel.groupBy;
  const byPeriod = groupBy === "week" || groupBy === "month";
  // Grouped by a dimension, the total's revenue needs the `all` grain (or the filtered value):
  // an order counting in two groups counts once in the total.
  const totalGrain: RepurchaseGrain =
    groupBy !== undefined && !TIME_GROUPS.includes(groupBy) && plan.value === undefined ? "all" : plan.grain;
  const revenue = (kind: string, where = RANGE) =>
    `SELECT kind, day, next_day, value, orders_by_currency AS orders, minor_by_currency AS minor
    FROM repurchase_revenue_rollups WHERE kind = '${kind}' AND ${where}`;
  const until = `MIN(?4, COALESCE(${FRONTIER}, '${NEVER}'))`;
  // The boundary rows at the range's start (one point of the key); `cross` only those whose
  // next day is past the range (a seek: none for a range longer than the window).
  const atStart = RANGE.replace("day >= ?3 AND day < ?4", "day = ?3 AND day < ?4");
  const crossAtStart = `${atStart} AND next_day >= ${until}`;
  // By week or month, the boundaries at each period start in the range (and at its start).
  const periodStart = groupBy === "week" ? "strftime('%w', day) = '1'" : "substr(day, 9) = '01'";
  const periodEnd = groupBy === "week" ? "date(day, '+1 day', 'weekday 1')" : "date(day, 'start of month', '+1 month')";
  const atPeriods = `${RANGE} AND (day = ?3 OR ${periodStart})`;
  const crossAtPeriods = `${atPeriods} AND next_day >= MIN(${periodEnd}, ${until})`;
  const filteredValue = (grain: RepurchaseGrain) => (grain === plan.grain ? plan.value : undefined);
  const statements = [
    // SQLite numbers parameters up to the highest used: ?1 to ?5 here.
    db.$client.prepare(`SELECT ${FRONTIER} AS frontier`).bind(sel.workspaceId, null, null, null, since),
    bind(
      `SELECT day, value, interactions AS n, repurchased AS hits FROM repurchase_day_rollups WHERE ${RANGE}`,
      plan.grain,
      plan.value,
    ),
    // The total: `first` over the range, `open` and `cross` at its start.
    bind(revenue("first"), totalGrain, filteredValue(totalGrain)),
    bind(revenue("open", atStart), totalGrain, filteredValue(totalGrain)),
    bind(revenue("cross", crossAtStart), totalGrain, filteredValue(totalGrain)),
  ];
  if (groupBy === "day") statements.push(bind(revenue("any"), plan.grain, plan.value));
  else if (groupBy !== undefined) {
    // The groups: `first` over their days, `open` and `cross` at their starts.
    statements.push(
      bind(revenue("first"), plan.grain, plan.value),
      bind(revenue("open", byPeriod ? atPeriods : atStart), plan.grain, plan.value),
      bind(revenue("cross", byPeriod ? crossAtPeriods : crossAtStart), plan.grain, plan.value),
    );
  }
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
  const frontier = (results[0]?.results[0]?.frontier as string | null | undefined) ?? null;
  const tailFrom = frontier !== null && frontier < to ? frontier : null;
  /** Where the rollup's days stop. */
  const end = tailFrom ?? to;

  const groupOf = (day: string, value: string): string | null => {
    switch (groupBy) {
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

  // Money and order counts per tally and currency; a currency shows when its orders net above 0.
  const sums = new Map<RepurchaseTally, Map<string, { orders: bigint; minor: bigint }>>();
  const add = (t: RepurchaseTally, row: RevenueRow, sign: 1n | -1n) => {
    const perTally = sums.get(t) ?? new Map<string, { orders: bigint; minor: bigint }>();
    sums.set(t, perTally);
    const orders = new Map(perCurrency(row.orders));
    for (const [currency, minor] of perCurrency(row.minor)) {
      const sum = perTally.get(currency) ?? { orders: 0n, minor: 0n };
      sum.orders += sign * (orders.get(currency) ?? 0n);
      sum.minor += sign * minor;
      perTally.set(currency, sum);
    }
  };
  /** Folds `first`/`any` rows and boundary rows into the group of [s, e) each belongs to. */
  const fold = (rows: RevenueRow[], into: (row: RevenueRow) => RepurchaseTally, end: (row: RevenueRow) => string) => {
    for (const row of rows) {
      if (row.kind === "first" || row.kind === "any" || row.kind === "open") add(into(row), row, 1n);
      else if (row.next_day >= end(row)) add(into(row), row, -1n);
    }
  };
  const rowsOf = (i: number) => (results[i]?.results ?? []) as RevenueRow[];
  // An empty range (it starts at or past the frontier) has no boundary either.
  if (from < end) {
    fold(
      [...rowsOf(2), ...rowsOf(3), ...rowsOf(4)],
      () => total,
      () => end,
    );
    if (groupBy === "day")
      fold(
        rowsOf(5),
        (r) => tallyOf(r.day),
        () => end,
      );
    else if (groupBy !== undefined) {
      const groupEnd = (day: string) => (byPeriod ? ([periodOf(day, groupBy).end, end].sort()[0] as string) : end);
      fold(
        [...rowsOf(5), ...rowsOf(6), ...rowsOf(7)],
        (r) => tallyOf(groupOf(r.day, r.value)),
        (r) => groupEnd(r.day),
      );
    }
  }
  for (const [t, perTally] of sums) {
    for (const [currency, sum] of perTally) if (sum.orders > 0n) t.revenueMinor[currency] = sum.minor;
  }

  const groups = [...byKey.entries()]
    .filter(([, t]) => t.eligible > 0)
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([key, tally]) => ({ key, tally }));
  return { rows: { groups: groupBy ? groups : [{ key: null, tally: total }], total, rowsRead }, tailFrom };
}
