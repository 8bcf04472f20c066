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
 * The dimension every pair grain crosses with each other dimension: contracts and
 * dashboards cut scores by channel first ("CSAT ≥ 80 % on e-mail", "by agent, e-mail
 * only"), so a channel filter plus one more dimension is the crossed read that matters.
 */
export const PAIRED_DIMENSION = "channel" satisfies SegmentDimension;

/**
 * The rollup grains, each named by the dimensions it keeps (every other one is
 * folded to ''):
 * - `all`: no dimension, the unsegmented grain;
 * - one per dimension (`agent`…): a read filtered or grouped by that dimension
 *   costs days × its values, whatever the number of combinations in the data;
 * - one per pair `channel+X` for every other dimension X: a read with a channel
 *   filter (or group) and one more dimension (say e-mail only, by agent) costs
 *   days × channels × X's values instead of falling back to the answers.
 * Every grain is one more upsert per answer (scripts/gen-rollup-triggers.mjs), so
 * pairs are limited to the channel ones; any other crossing reads `responses`.
 */
export const ROLLUP_GRAINS = [
  "all",
  ...SEGMENT_DIMENSIONS,
  ...SEGMENT_DIMENSIONS.filter((d) => d !== PAIRED_DIMENSION).map((d) => `${PAIRED_DIMENSION}+${d}` as const),
] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/** The dimensions a grain keeps, in SEGMENT_DIMENSIONS order. */
export function dimensionsOfGrain(grain: RollupGrain): SegmentDimension[] {
  if (grain === "all") return [];
  const kept = grain.split("+");
  return SEGMENT_DIMENSIONS.filter((d) => kept.includes(d));
}

/**
 * The grain that holds a read involving `dimensions` (filtered or grouped on): the
 * one keeping exactly those dimensions, so it has no more rows than the read needs.
 * Null when none does (two dimensions without channel, or three and more): such
 * reads fall back to a bounded query on the responses themselves.
 */
export function grainOf(dimensions: readonly SegmentDimension[]): RollupGrain | null {
  const wanted = SEGMENT_DIMENSIONS.filter((d) => dimensions.includes(d));
  return (
    ROLLUP_GRAINS.find((g) => {
      const kept = dimensionsOfGrain(g);
      return kept.length === wanted.length && kept.every((d, i) => d === wanted[i]);
    }) ?? null
  );
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
