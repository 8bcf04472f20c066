import type { Database } from "../db";
import { isoWeek } from "../domain/local-day";
import { CSAT_CATEGORIES, categorySql, NPS_CATEGORIES } from "../domain/metrics";
import { SEGMENT_DIMENSIONS, type SegmentDimension } from "../domain/segments";
import { emptyTally, type RepurchaseTally } from "../metrics/attribution";
import { DAY_MS, DEFAULT_WINDOW_DAYS } from "../metrics/repurchase-window";

export const REPURCHASE_GROUPS = [
  ...SEGMENT_DIMENSIONS,
  "nps_category",
  "csat_category",
  "follow_up",
  "day",
  "week",
  "month",
] as const;
export type RepurchaseGroup = (typeof REPURCHASE_GROUPS)[number];

/** Filters: one optional value per segment dimension (worker/domain/segments.ts). */
export type RepurchaseSelection = { [D in SegmentDimension]?: string } & {
  workspaceId: string;
  windowDays: number;
  /** Unix ms. */
  asOf: number;
  /** Inclusive local day of `closed_day`. */
  from?: string;
  /** Exclusive local day. */
  to?: string;
  groupBy?: RepurchaseGroup;
};

/** The latest answer to a question for the ticket, any survey: NPS and CSAT categories come from it. */
const latestAnswer = (column: "nps" | "csat") =>
  `(SELECT r.${column} FROM responses r WHERE r.interaction_id = i.id AND r.${column} IS NOT NULL ORDER BY r.updated_at DESC, r.id DESC LIMIT 1)`;

/** SQL for each grouping; a fixed whitelist, never user text. */
export const GROUP_SQL: Record<RepurchaseGroup, string> = {
  ...(Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, `i.${d}`])) as Record<SegmentDimension, string>),
  nps_category: `COALESCE((SELECT ${categorySql(NPS_CATEGORIES, "v")} FROM (SELECT ${latestAnswer("nps")} AS v) WHERE v IS NOT NULL), 'unanswered')`,
  csat_category: `COALESCE((SELECT ${categorySql(CSAT_CATEGORIES, "v")} FROM (SELECT ${latestAnswer("csat")} AS v) WHERE v IS NOT NULL), 'unanswered')`,
  // contacted: a follow-up reached contacted or resolved by hand; not_contacted: opened, never
  // contacted (an `answer_changed` resolution is not a contact); none: no follow-up on the ticket.
  follow_up: `COALESCE((SELECT CASE WHEN MAX(f.contacted_at IS NOT NULL) = 1 THEN 'contacted' ELSE 'not_contacted' END FROM follow_ups f WHERE f.interaction_id = i.id HAVING COUNT(*) > 0), 'none')`,
  day: "i.closed_day",
  // The Monday of the ISO week; turned into its `YYYY-Www` label afterwards.
  week: "date(i.closed_day, '-' || ((CAST(strftime('%w', i.closed_day) AS INTEGER) + 6) % 7) || ' days')",
  month: "substr(i.closed_day, 1, 7)",
};

/**
 * The WHERE clause selecting interactions (alias `i`). Parameters: ?1
 * workspace, ?2 window ms, ?3 as_of, then the filters from ?4. Interactions
 * closed after `as_of` did not exist yet at that instant and are left out.
 */
export function selection(
  sel: RepurchaseSelection,
  options: { byDay?: boolean } = {},
): { where: string; params: unknown[] } {
  const params: unknown[] = [sel.workspaceId, sel.windowDays * DAY_MS, sel.asOf];
  // `byDay`: the unary + keeps SQLite off the (workspace, closed_at) index, so a range of
  // days bounded below only (the rollup's tail) is read through `interactions_day`.
  const where = ["i.workspace_id = ?1", options.byDay ? "+i.closed_at <= ?3" : "i.closed_at <= ?3"];
  const add = (condition: (n: number) => string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(condition(params.length));
  };
  add((n) => `i.closed_day >= ?${n}`, sel.from);
  add((n) => `i.closed_day < ?${n}`, sel.to);
  for (const d of SEGMENT_DIMENSIONS) add((n) => `i.${d} = ?${n}`, sel[d]);
  return { where: where.join(" AND "), params };
}

/**
 * The counting orders of an interaction, as a range probe on the
 * `orders_customer (workspace_id, customer_key, placed_at)` index: strictly
 * after `closed_at`, at most the window later, and by `as_of`.
 */
const COUNTING_ORDER = `o.workspace_id = ?1 AND o.customer_key = i.customer_key AND o.placed_at > i.closed_at
  AND o.placed_at <= MIN(i.closed_at + ?2, ?3) AND o.cancelled = 0`;

/**
 * Whether an interaction has a counting order. Up to the default 30-day window
 * this reads `repurchase_30d_at`, kept at write time by triggers (migration
 * 0003): the first counting order within 30 days is within W <= 30 days and by
 * as_of exactly when its time is. Longer windows probe the orders index.
 */
function hasCountingOrder(windowDays: number): string {
  return windowDays <= DEFAULT_WINDOW_DAYS
    ? "(i.repurchase_30d_at IS NOT NULL AND i.repurchase_30d_at <= MIN(i.closed_at + ?2, ?3))"
    : `EXISTS (SELECT 1 FROM orders o WHERE ${COUNTING_ORDER})`;
}

export interface RepurchaseRows {
  /** Tallies per group key (`null` key when the read is not grouped, or the segment is unset). */
  groups: { key: string | null; tally: RepurchaseTally }[];
  total: RepurchaseTally;
  /** Rows D1 read for the whole answer: the read's real cost. */
  rowsRead: number;
}

/**
 * Revenue of eligible interactions: the (group, order) pairs once each, summed
 * per group and, each order once, for the whole selection. Only interactions
 * with a counting order are joined, interactions first (CROSS JOIN fixes that
 * order in SQLite); `rid` is the order's rowid.
 */
const pairsSql = (group: string, where: string, hit: string, byDay = false) => `pairs AS MATERIALIZED (
       SELECT DISTINCT ${group} AS g, o.rowid AS rid, o.currency AS currency, o.total_minor AS total_minor,
         o.customer_key AS customer_key, o.placed_at AS placed_at
       FROM interactions i CROSS JOIN orders o ON ${COUNTING_ORDER}
       WHERE ${where} AND ${byDay ? "+" : ""}i.closed_at <= ?3 - ?2 AND ${hit} AND o.total_minor IS NOT NULL)`;

const revenueSql = (group: string, where: string, hit: string) => `WITH ${pairsSql(group, where, hit)}
     SELECT 0 AS whole, g, currency, CAST(SUM(total_minor) AS TEXT) AS minor FROM pairs GROUP BY g, currency
     UNION ALL
     SELECT 1 AS whole, NULL AS g, currency, CAST(SUM(total_minor) AS TEXT) AS minor
     FROM (SELECT DISTINCT rid, currency, total_minor FROM pairs) GROUP BY currency`;

/**
 * The tail's revenue (interactions from day ?after on): its pairs, less the orders
 * that already count for an interaction of the same selection before that day
 * (in the same group for the groups, anywhere for the whole), which the rollup
 * summed. Those earlier interactions are found from the tail's orders, through the
 * `interactions_customer` index: the tail stays bounded by its own interactions.
 */
const tailRevenueSql = (
  group: string,
  selectionWhere: string,
  tailWhere: string,
  hit: string,
  after: number,
) => `WITH ${pairsSql(group, tailWhere, hit, true)},
     earlier AS MATERIALIZED (
       SELECT DISTINCT p.rid AS rid, ${group} AS g
       FROM (SELECT DISTINCT rid, customer_key, placed_at FROM pairs) p
       CROSS JOIN interactions i ON i.workspace_id = ?1 AND i.customer_key = p.customer_key
         AND i.closed_at < p.placed_at AND i.closed_at >= p.placed_at - ?2
       WHERE ${selectionWhere} AND i.closed_day < ?${after})
     SELECT 0 AS whole, g, currency, CAST(SUM(total_minor) AS TEXT) AS minor FROM pairs
     WHERE NOT EXISTS (SELECT 1 FROM earlier e WHERE e.rid = pairs.rid AND e.g IS pairs.g) GROUP BY g, currency
     UNION ALL
     SELECT 1 AS whole, NULL AS g, currency, CAST(SUM(total_minor) AS TEXT) AS minor
     FROM (SELECT DISTINCT rid, currency, total_minor FROM pairs WHERE rid NOT IN (SELECT rid FROM earlier)) GROUP BY currency`;

/**
 * Computes the repurchase figures in SQL, in one D1 batch (one consistent
 * snapshot): money stays integer minor units, summed by SQLite and handed over
 * as text so that no total ever passes through a float.
 *
 * Counts add up across groups (an interaction is in one group), so the total is
 * their sum; revenue does not (an order may count for interactions in two
 * groups), so the whole selection's revenue is summed apart, each order once.
 */
export async function queryRepurchase(
  db: Database,
  sel: RepurchaseSelection,
  options: { after?: string } = {},
): Promise<RepurchaseRows> {
  const group = sel.groupBy ? GROUP_SQL[sel.groupBy] : "NULL";
  const base = selection(sel);
  const params = [...base.params];
  let where = options.after === undefined ? base.where : selection(sel, { byDay: true }).where;
  // The tail of a read whose earlier days the daily rollup answered (worker/store/repurchase-rollup.ts).
  const after = options.after === undefined ? null : params.push(options.after);
  if (after !== null) where += ` AND i.closed_day >= ?${after}`;
  const hit = hasCountingOrder(sel.windowDays);
  const counts = db.$client
    .prepare(
      `SELECT g, done, COUNT(*) AS n, SUM(hit) AS hits FROM (
       SELECT ${group} AS g, (i.closed_at + ?2 <= ?3) AS done, ${hit} AS hit FROM interactions i WHERE ${where})
     GROUP BY g, done ORDER BY g`,
    )
    .bind(...params);
  // Revenue of eligible interactions: the (group, order) pairs once each,
  // summed per group and, each order once, for the whole selection. Only
  // interactions with a counting order are joined, interactions first (CROSS
  // JOIN fixes that order in SQLite); `rid` is the order's rowid.
  const revenue = db.$client
    .prepare(after === null ? revenueSql(group, where, hit) : tailRevenueSql(group, base.where, where, hit, after))
    .bind(...params);
  const statements = [counts, revenue];
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);

  const byKey = new Map<string | null, RepurchaseTally>();
  const tallyOf = (key: string | null) => {
    const known = byKey.get(key);
    if (known) return known;
    const fresh = emptyTally();
    byKey.set(key, fresh);
    return fresh;
  };
  const total = emptyTally();
  for (const row of results[0]?.results ?? []) {
    const n = Number(row.n ?? 0);
    const hits = Number(row.hits ?? 0);
    for (const t of [tallyOf(groupKey(row.g, sel.groupBy)), total]) {
      if (row.done) {
        t.eligible += n;
        t.repurchased += hits;
      } else {
        t.pending += n;
        t.pendingRepurchased += hits;
      }
    }
  }
  const addRevenue = (into: RepurchaseTally, row: Record<string, unknown>) => {
    const currency = String(row.currency);
    into.revenueMinor[currency] = (into.revenueMinor[currency] ?? 0n) + BigInt(String(row.minor));
  };
  for (const row of results[1]?.results ?? []) {
    addRevenue(row.whole ? total : tallyOf(groupKey(row.g, sel.groupBy)), row);
  }

  const groups = [...byKey.entries()].map(([key, tally]) => ({ key, tally }));
  return { groups, total, rowsRead };
}

/** The public key of a group: unset segments read as null, weeks as `YYYY-Www`. */
function groupKey(value: unknown, groupBy: RepurchaseGroup | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const text = String(value);
  return groupBy === "week" ? isoWeek(text).label : text;
}
