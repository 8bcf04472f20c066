/**
 * The contract's repurchase figures from a tally: counts, rate and money per
 * currency. Money stays integer minor units until formatted here.
 */

import type { RepurchaseTally } from "./attribution";
import { divideMinor, formatMinor } from "./money";

/** The contract's figures for one selection or group. */
export interface RepurchaseFigures {
  eligible: number;
  repurchased: number;
  rate: number | null;
  pending: number;
  pending_repurchased: number;
  revenue: Record<string, string>;
  revenue_per_interaction: Record<string, string>;
}

/** Formats a tally: rate null when nothing is eligible, amounts as decimal strings per currency. */
export function repurchaseFigures(tally: RepurchaseTally): RepurchaseFigures {
  const revenue: Record<string, string> = {};
  const perInteraction: Record<string, string> = {};
  for (const currency of Object.keys(tally.revenueMinor).sort()) {
    const minor = tally.revenueMinor[currency] as bigint;
    revenue[currency] = formatMinor(minor, currency);
    if (tally.eligible > 0) perInteraction[currency] = divideMinor(minor, tally.eligible, currency);
  }
  return {
    eligible: tally.eligible,
    repurchased: tally.repurchased,
    rate: tally.eligible === 0 ? null : tally.repurchased / tally.eligible,
    pending: tally.pending,
    pending_repurchased: tally.pendingRepurchased,
    revenue,
    revenue_per_interaction: perInteraction,
  };
}
