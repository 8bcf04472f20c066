import type { Database } from "../db";
import { type RepurchaseFigures, repurchaseFigures } from "../metrics/repurchase-figures";
import { queryRepurchase, type RepurchaseSelection } from "../store/repurchase-query";
import { queryRepurchaseRollup, rollupPlanFor } from "../store/repurchase-rollup";

/** Which read answered: the daily rollup (with its grain) or the bounded query on interactions and orders. */
export type RepurchaseReadPath = `rollup:${string}` | "query";

export interface RepurchaseReport extends RepurchaseFigures {
  window_days: number;
  as_of: string;
  groups: (RepurchaseFigures & { key: string | null })[];
}

/**
 * The repurchase read (docs/scores.md, "Repurchase after an interaction"): from
 * the daily rollup when it holds the selection (worker/store/repurchase-rollup.ts
 * says which), else from the bounded query. Both give the same figures; the model
 * test checks each against the pure rules.
 */
export async function readRepurchase(
  db: Database,
  sel: RepurchaseSelection,
): Promise<{ report: RepurchaseReport; rowsRead: number; path: RepurchaseReadPath }> {
  const plan = rollupPlanFor(sel);
  let rowsRead = 0;
  let path: RepurchaseReadPath = "query";
  let rows = null;
  if (plan) {
    const rollup = await queryRepurchaseRollup(db, sel, plan);
    rowsRead += rollup.rowsRead;
    rows = rollup.rows;
    if (rows) path = `rollup:${plan.grain}`;
  }
  if (!rows) {
    rows = await queryRepurchase(db, sel);
    rowsRead += rows.rowsRead;
  }
  return {
    report: {
      window_days: sel.windowDays,
      as_of: new Date(sel.asOf).toISOString(),
      ...repurchaseFigures(rows.total),
      // docs/scores.md lists `groups` in the body: empty when the read is not grouped.
      groups: sel.groupBy ? rows.groups.map((g) => ({ key: g.key, ...repurchaseFigures(g.tally) })) : [],
    },
    rowsRead,
    path,
  };
}
