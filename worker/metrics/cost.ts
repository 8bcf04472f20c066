/**
 * What an interaction cost, as exact money: pure functions, no I/O.
 *
 * An interaction's cost = handling_minutes / 60 × cost_per_hour + compensation,
 * per currency, never converted. Agent time is kept as whole seconds and money
 * as integer minor units (`bigint`), and every average is one exact fraction
 * rounded once, half away from zero, to the currency's minor unit.
 */

import { currencyDigits, formatMinor, parseAmount } from "./money";

/** The most agent time one interaction may carry: a week (10 080 minutes). */
export const MAX_HANDLING_MINUTES = 10_080;
/** The largest hourly cost accepted, in whole currency units. */
export const MAX_COST_PER_HOUR_UNITS = 100_000;
/** The largest compensation accepted, in whole currency units: a gesture, not an acquisition. */
export const MAX_COMPENSATION_UNITS = 1_000_000;

/** Money in minor units of one currency. */
export interface Money {
  minor: bigint;
  currency: string;
}

/**
 * Minutes as recorded: whole seconds, so that sums stay exact integers
 * (7.5 minutes is 450 s; 0.004 minutes rounds to 0 s).
 */
export function handlingSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

/**
 * Parses an amount no larger than `maxUnits` whole units of `currency`, or
 * null (malformed, negative, more decimals than the currency has, too large).
 */
export function parseBoundedAmount(text: string, currency: string, maxUnits: number): bigint | null {
  const minor = parseAmount(text, currency);
  if (minor === null) return null;
  return minor <= BigInt(maxUnits) * 10n ** BigInt(currencyDigits(currency)) ? minor : null;
}

/** An exact fraction of minor units; `den` > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const fraction = (num: bigint, den: bigint | number = 1n): Fraction => ({ num, den: BigInt(den) });
const add = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
const negate = (a: Fraction): Fraction => ({ num: -a.num, den: a.den });

/** Rounds to a whole number of minor units, half away from zero. */
export function roundFraction(f: Fraction): bigint {
  const twice = 2n * (f.num < 0n ? -f.num : f.num) + f.den;
  const magnitude = twice / (2n * f.den);
  return f.num < 0n ? -magnitude : magnitude;
}

/** The cost ingredients of a set of interactions, as SQL sums them. */
export interface CostTally {
  /** Interactions in the set. */
  interactions: number;
  /** Of those, the ones that reported their handling time. */
  timed: number;
  /** Their handling time, in seconds. */
  handlingSeconds: bigint;
  /** Compensations per currency, in minor units. */
  compensationMinor: Record<string, bigint>;
}

export const emptyCostTally = (): CostTally => ({
  interactions: 0,
  timed: 0,
  handlingSeconds: 0n,
  compensationMinor: {},
});

/**
 * The exact mean cost of one interaction per currency. Handling time is
 * averaged over the interactions that reported it (a missing time is unknown,
 * not zero), compensation over all of them (a missing compensation is none).
 * Handling time is priced only when the workspace has a `cost_per_hour`.
 */
export function meanCost(tally: CostTally, costPerHour: Money | null): Map<string, Fraction> {
  const out = new Map<string, Fraction>();
  if (tally.interactions === 0) return out;
  if (costPerHour && tally.timed > 0) {
    out.set(costPerHour.currency, fraction(tally.handlingSeconds * costPerHour.minor, 3600n * BigInt(tally.timed)));
  }
  for (const [currency, minor] of Object.entries(tally.compensationMinor)) {
    const part = fraction(minor, tally.interactions);
    const known = out.get(currency);
    out.set(currency, known ? add(known, part) : part);
  }
  return out;
}

/** Formats fractions per currency as decimal strings, currencies sorted. */
export function formatFractions(fractions: Map<string, Fraction>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const currency of [...fractions.keys()].sort()) {
    out[currency] = formatMinor(roundFraction(fractions.get(currency) as Fraction), currency);
  }
  return out;
}

/** `cost_per_interaction`: null for an empty set (no interaction, no mean). */
export function costPerInteraction(tally: CostTally, costPerHour: Money | null): Record<string, string> | null {
  return tally.interactions === 0 ? null : formatFractions(meanCost(tally, costPerHour));
}

/**
 * `net_per_interaction`: revenue per interaction minus cost per interaction,
 * per currency (a currency with cost and no revenue is negative). Null for an
 * empty set.
 */
export function netPerInteraction(
  revenueMinor: Record<string, bigint>,
  tally: CostTally,
  costPerHour: Money | null,
): Record<string, string> | null {
  if (tally.interactions === 0) return null;
  const net = new Map<string, Fraction>();
  for (const [currency, minor] of Object.entries(revenueMinor)) net.set(currency, fraction(minor, tally.interactions));
  for (const [currency, cost] of meanCost(tally, costPerHour)) {
    const known = net.get(currency);
    net.set(currency, known ? add(known, negate(cost)) : negate(cost));
  }
  return formatFractions(net);
}

/** One interaction's cost per currency, as decimal strings: `{}` when it carried none. */
export function interactionCost(
  seconds: number | null,
  compensation: Money | null,
  costPerHour: Money | null,
): Record<string, string> {
  return formatFractions(
    meanCost(
      {
        interactions: 1,
        timed: seconds === null ? 0 : 1,
        handlingSeconds: BigInt(seconds ?? 0),
        compensationMinor: compensation ? { [compensation.currency]: compensation.minor } : {},
      },
      costPerHour,
    ),
  );
}
