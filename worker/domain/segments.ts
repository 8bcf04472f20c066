/**
 * The segment dimensions: the ways an answer (and the interaction behind it) is
 * sliced, as opposed to time. Defined once here; the rollup trigger generator
 * (scripts/gen-rollup-triggers.mjs), the score read (`grainFor`), the query
 * schemas and the weekly report all derive from this list, so adding a
 * dimension is adding it here (plus its column) and regenerating the triggers.
 *
 * Pure data and functions: no imports, so Node can load it from the generator.
 */

/**
 * Each dimension is a column of `interactions`, `responses` and `score_rollups`
 * of the same name. `customer_tenure` and `value_tier` come from the
 * shop's orders (see CUSTOMER_TENURES, VALUE_TIERS); the others from the support tool.
 */
export const SEGMENT_DIMENSIONS = [
  // Given by the support tool (or the API caller) with the ticket.
  "channel",
  "request_type",
  "agent",
  "team",
  // Derived from the shop's orders, never sent.
  "customer_tenure",
  "value_tier",
] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** The dimensions derived from the shop's orders: computed in D1, never sent with a ticket. */
export const CUSTOMER_DIMENSIONS = ["customer_tenure", "value_tier"] as const satisfies readonly SegmentDimension[];

/** The dimensions a ticket carries as it is reported: every dimension but the customer ones. */
export const TICKET_DIMENSIONS = SEGMENT_DIMENSIONS.filter(
  (d): d is Exclude<SegmentDimension, (typeof CUSTOMER_DIMENSIONS)[number]> =>
    !(CUSTOMER_DIMENSIONS as readonly string[]).includes(d),
);
export type TicketDimension = (typeof TICKET_DIMENSIONS)[number];

/**
 * The rollup grains: the unsegmented one (`all`) plus one per dimension, named
 * after it. A grain keeps its own dimension and folds every other one to ''.
 * So a read filtered or grouped by one dimension costs days × values of that
 * dimension × answer values, whatever the number of combinations in the data.
 */
export const ROLLUP_GRAINS = ["all", ...SEGMENT_DIMENSIONS] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/**
 * The grain that holds a read involving `dimensions` (filtered or grouped on),
 * or null when none does (two or more dimensions at once): such reads fall back
 * to a bounded query on the responses themselves.
 */
export function grainOf(dimensions: readonly SegmentDimension[]): RollupGrain | null {
  const distinct = [...new Set(dimensions)];
  if (distinct.length === 0) return "all";
  return distinct.length === 1 ? distinct[0]! : null;
}

/** The values of `customer_tenure`: counting orders placed before the interaction closed. */
export const CUSTOMER_TENURES = ["first_order", "returning", "loyal"] as const;

/** The values of `value_tier`: counting orders over the 365 days before the interaction. */
export const VALUE_TIERS = ["low", "mid", "high", "unknown"] as const;
export type CustomerTenure = (typeof CUSTOMER_TENURES)[number];

/**
 * The rule the SQL triggers (migration 0011) keep on every interaction, as a pure
 * function for the model tests: counting orders placed before the interaction closed.
 */
export function customerTenure(priorCountingOrders: number): CustomerTenure {
  if (priorCountingOrders === 0) return "first_order";
  return priorCountingOrders <= 2 ? "returning" : "loyal";
}
