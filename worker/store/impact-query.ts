import type { Database } from "../db";
import type { RepurchaseTally } from "../metrics/attribution";
import { type CostTally, emptyCostTally } from "../metrics/cost";
import type { ImpactBy } from "../metrics/impact";
import {
  GROUP_SQL,
  queryRepurchase,
  type RepurchaseGroup,
  type RepurchaseSelection,
  selection,
} from "./repurchase-query";

/** The impact read's selection: the repurchase read's, grouped by one of the impact categories. */
export type ImpactSelection = Omit<RepurchaseSelection, "groupBy"> & { by: ImpactBy };

export interface ImpactRows {
  repurchase: { groups: Map<string, RepurchaseTally>; total: RepurchaseTally };
  cost: { groups: Map<string, CostTally>; total: CostTally };
  rowsRead: number;
}

/**
 * The repurchase grouping behind each impact category. `follow_up` reads the
 * repurchase read's own grouping (contacted / not_contacted / none), so both
 * reads count the same interactions; impact compares the first two.
 */
const IMPACT_GROUP: Record<ImpactBy, RepurchaseGroup> = {
  nps_category: "nps_category",
  csat_category: "csat_category",
  follow_up: "follow_up",
};

/**
 * Repurchase counts and revenue come from the repurchase read itself (never
 * computed twice); cost is summed here, over the same eligible interactions,
 * grouped the same way. Both reads go to D1 at once.
 */
export async function queryImpact(db: Database, sel: ImpactSelection): Promise<ImpactRows> {
  const groupBy = IMPACT_GROUP[sel.by];
  const repurchaseSelection = { ...sel, groupBy };
  const [repurchase, cost] = await Promise.all([
    queryRepurchase(db, repurchaseSelection),
    queryCost(db, repurchaseSelection, groupBy),
  ]);
  const groups = new Map<string, RepurchaseTally>();
  for (const g of repurchase.groups) if (g.key !== null) groups.set(g.key, g.tally);
  return {
    repurchase: { groups, total: repurchase.total },
    cost: { groups: cost.groups, total: cost.total },
    rowsRead: repurchase.rowsRead + cost.rowsRead,
  };
}

/**
 * Handling time and compensations of the eligible interactions (window closed
 * by `as_of`), per group and compensation currency. Sums come back as text so
 * no total passes through a float.
 */
async function queryCost(
  db: Database,
  sel: RepurchaseSelection,
  groupBy: RepurchaseGroup,
): Promise<{ groups: Map<string, CostTally>; total: CostTally; rowsRead: number }> {
  const { where, params } = selection(sel);
  const result = await db.$client
    .prepare(
      `SELECT g, currency, COUNT(*) AS n, COUNT(seconds) AS timed, CAST(COALESCE(SUM(seconds), 0) AS TEXT) AS seconds,
       CAST(COALESCE(SUM(minor), 0) AS TEXT) AS minor
     FROM (SELECT ${GROUP_SQL[groupBy]} AS g, i.handling_seconds AS seconds, i.compensation_minor AS minor,
             i.compensation_currency AS currency
           FROM interactions i WHERE ${where} AND i.closed_at + ?2 <= ?3)
     GROUP BY g, currency`,
    )
    .bind(...params)
    .all<{ g: string; currency: string | null; n: number; timed: number; seconds: string; minor: string }>();
  const groups = new Map<string, CostTally>();
  const total = emptyCostTally();
  for (const row of result.results ?? []) {
    let group = groups.get(row.g);
    if (!group) {
      group = emptyCostTally();
      groups.set(row.g, group);
    }
    for (const t of [group, total]) {
      t.interactions += Number(row.n);
      t.timed += Number(row.timed);
      t.handlingSeconds += BigInt(row.seconds);
      if (row.currency)
        t.compensationMinor[row.currency] = (t.compensationMinor[row.currency] ?? 0n) + BigInt(row.minor);
    }
  }
  return { groups, total, rowsRead: result.meta.rows_read ?? 0 };
}
