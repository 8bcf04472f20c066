import type { Database } from "../db";
import { addTally, emptyTally, type RepurchaseTally } from "../metrics/attribution";
import { type RepurchaseFigures, repurchaseFigures } from "../metrics/repurchase-figures";
import { queryRepurchase, type RepurchaseRows, type RepurchaseSelection } from "../store/repurchase-query";
import { queryRepurchaseRollup, rollupPlanFor } from "../store/repurchase-rollup";

/** Which read answered: the daily rollup (with its grain) or the bounded query on interactions and orders. */
export type RepurchaseReadPath = `rollup:${string}` | `rollup:${string}+query` | "query";

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
  let rows: RepurchaseRows;
  let path: RepurchaseReadPath = "query";
  if (!plan) {
    rows = await queryRepurchase(db, sel);
  } else {
    const rollup = await queryRepurchaseRollup(db, sel, plan);
    rows = rollup.rows;
    path = `rollup:${plan.grain}`;
    if (rollup.tailFrom !== null) {
      // Days whose windows may still be open: the bounded query, for those days only.
      rows = joinRows(rows, await queryRepurchase(db, sel, { after: rollup.tailFrom }));
      path = `rollup:${plan.grain}+query`;
    }
  }
  const rowsRead = rows.rowsRead;
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

/** The rollup's days and the tail's, one answer: groups by key (unset first, then in order), totals added. */
function joinRows(a: RepurchaseRows, b: RepurchaseRows): RepurchaseRows {
  const byKey = new Map<string | null, RepurchaseTally>();
  for (const g of [...a.groups, ...b.groups])
    addTally(byKey.get(g.key) ?? byKey.set(g.key, emptyTally()).get(g.key)!, g.tally);
  const groups = [...byKey.entries()]
    .sort(([x], [y]) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1))
    .map(([key, tally]) => ({ key, tally }));
  return { groups, total: addTally(addTally(emptyTally(), a.total), b.total), rowsRead: a.rowsRead + b.rowsRead };
}
