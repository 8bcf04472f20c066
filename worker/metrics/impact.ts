/**
 * "What support is worth" (the impact read) from tallies: pure, no I/O.
 *
 * Repurchase counts and revenue come from the repurchase read, unchanged; this
 * module only compares its categories, prices them and adds the intervals.
 */

import { type Interval, wilsonInterval } from "../domain/intervals";
import type { RepurchaseTally } from "./attribution";
import { type CostTally, costPerInteraction, type Money, netPerInteraction, roundFraction } from "./cost";
import { formatMinor } from "./money";
import { newcombeHybridInterval } from "./newcombe";
import { repurchaseFigures } from "./repurchase-figures";

/** Each `by` with its categories in display order, best first and worst last. */
export const IMPACT_CATEGORIES = {
  nps_category: ["promoter", "passive", "detractor", "unanswered"],
  csat_category: ["satisfied", "unsatisfied", "unanswered"],
  follow_up: ["contacted", "not_contacted"],
} as const;
export type ImpactBy = keyof typeof IMPACT_CATEGORIES;

/** The two categories the uplift compares: `key` (best) against `vs` (worst). */
export const UPLIFT_SIDES: Record<ImpactBy, { key: string; vs: string }> = {
  nps_category: { key: "promoter", vs: "detractor" },
  csat_category: { key: "satisfied", vs: "unsatisfied" },
  follow_up: { key: "contacted", vs: "not_contacted" },
};

export interface ImpactCategory {
  key: string;
  eligible: number;
  repurchased: number;
  rate: number | null;
  ci95: Interval | null;
  revenue_per_interaction: Record<string, string> | null;
  cost_per_interaction: Record<string, string> | null;
  net_per_interaction: Record<string, string> | null;
}

export interface AtStake {
  value: string;
  low: string;
  high: string;
}

export interface ImpactFigures {
  categories: ImpactCategory[];
  uplift: { key: string; vs: string; difference: number | null; ci95: Interval | null };
  at_stake?: Record<string, AtStake>;
  cost_per_interaction: Record<string, string> | null;
  net_per_interaction: Record<string, string> | null;
}

export interface ImpactInput {
  by: ImpactBy;
  repurchase: { groups: Map<string, RepurchaseTally>; total: RepurchaseTally };
  cost: { groups: Map<string, CostTally>; total: CostTally };
  costPerHour: Money | null;
}

const emptyRepurchase = (): RepurchaseTally => ({
  eligible: 0,
  repurchased: 0,
  pending: 0,
  pendingRepurchased: 0,
  revenueMinor: {},
});
const emptyCost = (): CostTally => ({ interactions: 0, timed: 0, handlingSeconds: 0n, compensationMinor: {} });

/** Assembles the impact figures; empty categories are listed with nulls, never zeros or NaN. */
export function impactFigures(input: ImpactInput): ImpactFigures {
  const categories = IMPACT_CATEGORIES[input.by].map((key): ImpactCategory => {
    const tally = input.repurchase.groups.get(key) ?? emptyRepurchase();
    const cost = input.cost.groups.get(key) ?? emptyCost();
    const figures = repurchaseFigures(tally);
    const empty = tally.eligible === 0;
    return {
      key,
      eligible: tally.eligible,
      repurchased: tally.repurchased,
      rate: figures.rate,
      ci95: wilsonInterval(tally.repurchased, tally.eligible),
      revenue_per_interaction: empty ? null : figures.revenue_per_interaction,
      cost_per_interaction: empty ? null : costPerInteraction(cost, input.costPerHour),
      net_per_interaction: empty ? null : netPerInteraction(tally.revenueMinor, cost, input.costPerHour),
    };
  });

  const sides = UPLIFT_SIDES[input.by];
  const best = input.repurchase.groups.get(sides.key) ?? emptyRepurchase();
  const worst = input.repurchase.groups.get(sides.vs) ?? emptyRepurchase();
  const both = best.eligible > 0 && worst.eligible > 0;
  const difference = both ? best.repurchased / best.eligible - worst.repurchased / worst.eligible : null;
  const ci95 = newcombeHybridInterval(best.repurchased, best.eligible, worst.repurchased, worst.eligible);
  const totalEmpty = input.repurchase.total.eligible === 0;

  return {
    categories,
    uplift: { key: sides.key, vs: sides.vs, difference, ci95 },
    ...(both && ci95 ? { at_stake: atStake(best, worst, ci95) } : {}),
    cost_per_interaction: totalEmpty ? null : costPerInteraction(input.cost.total, input.costPerHour),
    net_per_interaction: totalEmpty
      ? null
      : netPerInteraction(input.repurchase.total.revenueMinor, input.cost.total, input.costPerHour),
  };
}

/** Interval ends are floats; they price money through this many parts per unit, then exact integers. */
const SCALE = 1_000_000_000n;

/**
 * What the worst category would have bought at the best one's rate, per
 * currency the best category's repurchasers spent in:
 * eligible(vs) × difference × revenue(key) / repurchased(key). The value is
 * exact (the difference is a ratio of counts); `low`/`high` price the
 * uplift's interval. All three are clipped at 0: a negative uplift puts
 * nothing at stake.
 */
export function atStake(best: RepurchaseTally, worst: RepurchaseTally, ci95: Interval): Record<string, AtStake> {
  const out: Record<string, AtStake> = {};
  if (best.repurchased === 0) return out;
  const nKey = BigInt(best.eligible);
  const nVs = BigInt(worst.eligible);
  const buyers = BigInt(best.repurchased);
  // eligible(vs) × (r_k/n_k − r_v/n_v) = (r_k·n_v − r_v·n_k) / n_k
  const differenceTimesVs = BigInt(best.repurchased) * nVs - BigInt(worst.repurchased) * nKey;
  const clip = (minor: bigint) => (minor < 0n ? 0n : minor);
  for (const currency of Object.keys(best.revenueMinor).sort()) {
    const revenue = best.revenueMinor[currency] as bigint;
    const bound = (share: number) =>
      clip(roundFraction({ num: nVs * BigInt(Math.round(share * Number(SCALE))) * revenue, den: SCALE * buyers }));
    out[currency] = {
      value: formatMinor(clip(roundFraction({ num: differenceTimesVs * revenue, den: nKey * buyers })), currency),
      low: formatMinor(bound(ci95[0]), currency),
      high: formatMinor(bound(ci95[1]), currency),
    };
  }
  return out;
}
