/**
 * The repurchase rules of docs/scores.md ("Repurchase after an interaction") as pure
 * functions: no I/O, no clock. The SQL in `worker/store/repurchase-query.ts` and
 * the daily rollup (`worker/store/repurchase-rollup.ts`) compute the same thing at
 * scale; the tests check both against `attribute()`.
 */

import { windowEnd, windowState } from "./repurchase-window";

export interface AttributionOrder {
  orderId: string;
  customerKey: string | null;
  /** Unix ms; null while only a cancellation has been received. */
  placedAt: number | null;
  totalMinor: bigint | null;
  currency: string | null;
  cancelled: boolean;
}

export interface AttributionInteraction {
  customerKey: string | null;
  closedAt: number;
  /** The group this interaction falls in, when the read is grouped. */
  group?: string | null;
}

/**
 * True when `order` counts for `interaction`: same customer, placed strictly
 * after `closed_at` and at most `windowDays` later, not cancelled, and placed by
 * `until` (the `as_of` of the read, for windows still open).
 */
export function orderCounts(
  interaction: AttributionInteraction,
  order: AttributionOrder,
  windowDays: number,
  until = Number.POSITIVE_INFINITY,
): boolean {
  if (order.cancelled || order.placedAt === null) return false;
  if (interaction.customerKey === null || interaction.customerKey !== order.customerKey) return false;
  return (
    order.placedAt > interaction.closedAt &&
    order.placedAt <= windowEnd(interaction.closedAt, windowDays) &&
    order.placedAt <= until
  );
}

/** Counts and revenue before formatting; revenue in minor units per currency. */
export interface RepurchaseTally {
  eligible: number;
  repurchased: number;
  pending: number;
  pendingRepurchased: number;
  revenueMinor: Record<string, bigint>;
}

export const emptyTally = (): RepurchaseTally => ({
  eligible: 0,
  repurchased: 0,
  pending: 0,
  pendingRepurchased: 0,
  revenueMinor: {},
});

/**
 * Adds `more` into `into`: counts add, and so does revenue, which is right only
 * when no order is in both (the rollup and the tail of one read are built so).
 */
export function addTally(into: RepurchaseTally, more: RepurchaseTally): RepurchaseTally {
  into.eligible += more.eligible;
  into.repurchased += more.repurchased;
  into.pending += more.pending;
  into.pendingRepurchased += more.pendingRepurchased;
  for (const [currency, minor] of Object.entries(more.revenueMinor)) {
    into.revenueMinor[currency] = (into.revenueMinor[currency] ?? 0n) + minor;
  }
  return into;
}

/**
 * The reference attribution: tallies interactions against orders at `asOf`.
 * Revenue counts the orders that count for eligible interactions, each order
 * once even when it counts for several of them.
 */
export function attribute(
  interactions: readonly AttributionInteraction[],
  orders: readonly AttributionOrder[],
  options: { windowDays: number; asOf: number },
): RepurchaseTally {
  const tally = emptyTally();
  const counted = new Set<string>();
  for (const interaction of interactions) {
    const state = windowState(interaction.closedAt, options.windowDays, options.asOf);
    if (state === "future") continue;
    const hits = orders.filter((o) => orderCounts(interaction, o, options.windowDays, options.asOf));
    if (state === "pending") {
      tally.pending += 1;
      if (hits.length > 0) tally.pendingRepurchased += 1;
      continue;
    }
    tally.eligible += 1;
    if (hits.length > 0) tally.repurchased += 1;
    for (const order of hits) {
      if (counted.has(order.orderId) || order.totalMinor === null || order.currency === null) continue;
      counted.add(order.orderId);
      tally.revenueMinor[order.currency] = (tally.revenueMinor[order.currency] ?? 0n) + order.totalMinor;
    }
  }
  return tally;
}

/** A reopened ticket keeps the latest `closed_at` received, whatever the delivery order. */
export function latestClosing(closings: readonly number[]): number {
  return Math.max(...closings);
}
