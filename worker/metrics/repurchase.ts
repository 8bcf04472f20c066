/**
 * The repurchase rules of docs/scores.md ("Repurchase after an interaction") as pure
 * functions: no I/O, no clock. The SQL in `worker/store/repurchase-query.ts`
 * computes the same thing at scale; the tests check it against `attribute()`.
 *
 * Money is integer minor units (`bigint`) from parsing to formatting: never a
 * float, never summed across currencies.
 */

export const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 365;

/** The last instant an order may be placed at and still count (the end is inclusive). */
export function windowEnd(closedAt: number, windowDays: number): number {
  return closedAt + windowDays * DAY_MS;
}

/**
 * Where an interaction stands at `asOf`: `eligible` once its whole window has
 * passed, `pending` while it is open (never a miss), `future` when it closed
 * after `asOf` and so did not exist yet at that instant.
 */
export function windowState(closedAt: number, windowDays: number, asOf: number): "eligible" | "pending" | "future" {
  if (closedAt > asOf) return "future";
  return windowEnd(closedAt, windowDays) <= asOf ? "eligible" : "pending";
}

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

// ── Money ─────────────────────────────────────────────────────────────────────

const CURRENCY = /^[A-Z]{3}$/;
const digitsCache = new Map<string, number>();

/** True for an ISO 4217-shaped code (three upper-case letters). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY.test(code);
}

/** Minor-unit digits of a currency per ICU/ISO 4217: EUR 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The largest amount accepted, in minor units: keeps every value exact in JS numbers and D1. */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses a decimal amount such as "49.90" into minor units of `currency`
 * (4990n for EUR). Extra decimals are accepted only when they are zeros
 * ("1000.00" JPY is 1000n); anything else, a negative or a huge amount is null.
 */
export function parseAmount(text: string, currency: string): bigint | null {
  const m = /^(\d{1,16})(?:\.(\d{1,12}))?$/.exec(text.trim());
  if (!m) return null;
  const digits = currencyDigits(currency);
  const fraction = m[2] ?? "";
  if (/[1-9]/.test(fraction.slice(digits))) return null;
  const minor = BigInt(`${m[1]}${fraction.slice(0, digits).padEnd(digits, "0")}`);
  return minor <= MAX_MINOR ? minor : null;
}

/** Minor units back to a decimal string: 123450n EUR is "1234.50", 500n JPY is "500". */
export function formatMinor(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** `minor / count` rounded half up to the currency's minor unit, as a decimal string. */
export function divideMinor(minor: bigint, count: number, currency: string): string {
  const n = BigInt(count);
  return formatMinor((2n * minor + n) / (2n * n), currency);
}

// ── Event folding: what the ledger keeps whatever order deliveries arrive in ──

/** A reopened ticket keeps the latest `closed_at` received, whatever the delivery order. */
export function latestClosing(closings: readonly number[]): number {
  return Math.max(...closings);
}

/** A customer as one event names them: a normalized e-mail, an id, or both. */
export interface IdentityRef {
  email?: string | null;
  id?: string | null;
}

/** Trimmed and lower-cased: the contract's normalized e-mail. */
export const normalizeEmailAddress = (email: string) => email.trim().toLowerCase();

/**
 * Groups identities into customers: one customer per normalized e-mail or id,
 * and an event that carries both joins the two, in whatever order the events
 * come. Returns a function from an identity to its customer (a stable
 * representative), or null when the identity names no one.
 */
export function linkIdentities(events: readonly IdentityRef[]): (ref: IdentityRef) => string | null {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const keys = (ref: IdentityRef) =>
    [ref.email?.trim() ? `e:${normalizeEmailAddress(ref.email)}` : null, ref.id ? `i:${ref.id}` : null].filter(
      (k): k is string => k !== null,
    );
  for (const event of events) {
    const [a, b] = keys(event);
    if (a) add(a);
    if (b) {
      add(b);
      const ra = find(a as string);
      const rb = find(b);
      // The smaller root wins, so the representative does not depend on event order.
      const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
      if (low !== high) parent.set(high, low);
    }
  }
  return (ref) => {
    const [first] = keys(ref);
    return first && parent.has(first) ? find(first) : null;
  };
}
