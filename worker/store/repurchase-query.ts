import { isoWeek } from "../domain/local-day";
import type { Env } from "../env";
import { DAY_MS, emptyTally, type RepurchaseTally } from "../metrics/repurchase";

export const REPURCHASE_GROUPS = [
  "channel",
  "request_type",
  "agent",
  "team",
  "nps_category",
  "csat_category",
  "day",
  "week",
  "month",
] as const;
export type RepurchaseGroup = (typeof REPURCHASE_GROUPS)[number];

export interface RepurchaseSelection {
  workspaceId: string;
  windowDays: number;
  /** Unix ms. */
  asOf: number;
  /** Inclusive local day of `closed_day`. */
  from?: string;
  /** Exclusive local day. */
  to?: string;
  channel?: string;
  requestType?: string;
  agent?: string;
  team?: string;
  groupBy?: RepurchaseGroup;
}

/** The latest answer to a question for the ticket, any survey: NPS and CSAT categories come from it. */
const latestAnswer = (column: "nps" | "csat") =>
  `(SELECT r.${column} FROM responses r WHERE r.interaction_id = i.id AND r.${column} IS NOT NULL ORDER BY r.updated_at DESC, r.id DESC LIMIT 1)`;

/** SQL for each grouping; a fixed whitelist, never user text. */
const GROUP_SQL: Record<RepurchaseGroup, string> = {
  channel: "i.channel",
  request_type: "i.request_type",
  agent: "i.agent",
  team: "i.team",
  nps_category: `COALESCE((SELECT CASE WHEN v >= 9 THEN 'promoter' WHEN v >= 7 THEN 'passive' ELSE 'detractor' END FROM (SELECT ${latestAnswer("nps")} AS v) WHERE v IS NOT NULL), 'unanswered')`,
  csat_category: `COALESCE((SELECT CASE WHEN v >= 4 THEN 'satisfied' ELSE 'unsatisfied' END FROM (SELECT ${latestAnswer("csat")} AS v) WHERE v IS NOT NULL), 'unanswered')`,
  day: "i.closed_day",
  // The Monday of the ISO week; turned into its `YYYY-Www` label afterwards.
  week: "date(i.closed_day, '-' || ((CAST(strftime('%w', i.closed_day) AS INTEGER) + 6) % 7) || ' days')",
  month: "substr(i.closed_day, 1, 7)",
};

/**
 * The selected interactions, as a CTE. Parameters: ?1 workspace, ?2 window ms,
 * ?3 as_of, then the filters from ?4. Interactions closed after `as_of` did not
 * exist yet at that instant and are left out.
 */
function selection(sel: RepurchaseSelection, group: string): { cte: string; params: unknown[] } {
  const params: unknown[] = [sel.workspaceId, sel.windowDays * DAY_MS, sel.asOf];
  const where = ["i.workspace_id = ?1", "i.closed_at <= ?3"];
  const filter = (sqlText: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${sqlText} = ?${params.length}`);
  };
  if (sel.from !== undefined) {
    params.push(sel.from);
    where.push(`i.closed_day >= ?${params.length}`);
  }
  if (sel.to !== undefined) {
    params.push(sel.to);
    where.push(`i.closed_day < ?${params.length}`);
  }
  filter("i.channel", sel.channel);
  filter("i.request_type", sel.requestType);
  filter("i.agent", sel.agent);
  filter("i.team", sel.team);
  const cte = `sel AS (
    SELECT i.customer_key AS ck, i.closed_at AS t, ${group} AS g, (i.closed_at + ?2 <= ?3) AS done
    FROM interactions i WHERE ${where.join(" AND ")})`;
  return { cte, params };
}

/**
 * The counting orders of an interaction, as a range probe on the
 * `orders_customer (workspace_id, customer_key, placed_at)` index: strictly
 * after `closed_at`, at most the window later, and by `as_of`.
 */
const COUNTING_ORDER = `o.workspace_id = ?1 AND o.customer_key = sel.ck AND o.placed_at > sel.t
  AND o.placed_at <= MIN(sel.t + ?2, ?3) AND o.cancelled = 0`;

export interface RepurchaseRows {
  /** Tallies per group key (`null` key when the read is not grouped, or the segment is unset). */
  groups: { key: string | null; tally: RepurchaseTally }[];
  total: RepurchaseTally;
  /** Rows D1 read for the whole answer: the read's real cost. */
  rowsRead: number;
}

/**
 * Computes the repurchase figures in SQL, in one D1 batch (one consistent
 * snapshot): money stays integer minor units, summed by SQLite and handed over
 * as text so that no total ever passes through a float.
 *
 * Counts add up across groups (an interaction is in one group), so the total is
 * their sum; revenue does not (an order may count for interactions in two
 * groups), so it is computed again for the whole selection, each order once.
 */
export async function queryRepurchase(env: Pick<Env, "DB">, sel: RepurchaseSelection): Promise<RepurchaseRows> {
  const group = sel.groupBy ? GROUP_SQL[sel.groupBy] : "NULL";
  const grouped = selection(sel, group);
  const counts = env.DB.prepare(
    `WITH ${grouped.cte}
     SELECT g, SUM(done) AS eligible, SUM(done AND hit) AS repurchased,
            SUM(NOT done) AS pending, SUM(NOT done AND hit) AS pending_repurchased
     FROM (SELECT g, done, EXISTS (SELECT 1 FROM orders o WHERE ${COUNTING_ORDER}) AS hit FROM sel)
     GROUP BY g ORDER BY g`,
  ).bind(...grouped.params);
  const revenueSql = (cte: string) =>
    `WITH ${cte}
     SELECT g, currency, CAST(SUM(total_minor) AS TEXT) AS minor FROM (
       SELECT DISTINCT sel.g AS g, o.order_id, o.currency, o.total_minor
       FROM sel JOIN orders o ON ${COUNTING_ORDER}
       WHERE sel.done AND o.total_minor IS NOT NULL)
     GROUP BY g, currency`;
  const statements = [counts, env.DB.prepare(revenueSql(grouped.cte)).bind(...grouped.params)];
  if (sel.groupBy) {
    const whole = selection(sel, "NULL");
    statements.push(env.DB.prepare(revenueSql(whole.cte)).bind(...whole.params));
  }
  const results = await env.DB.batch<Record<string, unknown>>(statements);
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
    const t = tallyOf(groupKey(row.g, sel.groupBy));
    t.eligible += Number(row.eligible ?? 0);
    t.repurchased += Number(row.repurchased ?? 0);
    t.pending += Number(row.pending ?? 0);
    t.pendingRepurchased += Number(row.pending_repurchased ?? 0);
    total.eligible += Number(row.eligible ?? 0);
    total.repurchased += Number(row.repurchased ?? 0);
    total.pending += Number(row.pending ?? 0);
    total.pendingRepurchased += Number(row.pending_repurchased ?? 0);
  }
  const addRevenue = (into: RepurchaseTally, row: Record<string, unknown>) => {
    const currency = String(row.currency);
    into.revenueMinor[currency] = (into.revenueMinor[currency] ?? 0n) + BigInt(String(row.minor));
  };
  for (const row of results[1]?.results ?? []) {
    addRevenue(tallyOf(groupKey(row.g, sel.groupBy)), row);
    if (!sel.groupBy) addRevenue(total, row);
  }
  for (const row of results[2]?.results ?? []) addRevenue(total, row);

  const groups = [...byKey.entries()].map(([key, tally]) => ({ key, tally }));
  return { groups, total, rowsRead };
}

/** The public key of a group: unset segments read as null, weeks as `YYYY-Www`. */
function groupKey(value: unknown, groupBy: RepurchaseGroup | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const text = String(value);
  return groupBy === "week" ? isoWeek(text).label : text;
}
