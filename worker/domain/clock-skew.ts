/**
 * Times other systems send us (a ticket's `closed_at`, an order's `placed_at`, an imported
 * answer's `submitted_at`) are on their clocks, not ours. A clock a little ahead of ours is
 * skew, not the future: up to `CLOCK_SKEW_MS` ahead counts as now. Further ahead is a mistake,
 * which an API caller hears about (422 naming the field) and a webhook, which would only retry
 * the same body, has clamped to when it was received (docs/future-times.md). Stored times are
 * therefore never ahead of the moment they arrived: a future `closed_at` would otherwise stay
 * the ticket's latest one for good and hold its repurchase window open.
 */

/** How far ahead of ours a sender's clock may be (the same ±5 minutes as signed webhook timestamps). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** True when `at` is further ahead of `now` than clock skew explains. */
export const isBeyondSkew = (at: number, now: number): boolean => at > now + CLOCK_SKEW_MS;

/** `at`, or `now` when `at` is later: what a time that arrived at `now` can at most be. */
export const notAfter = (at: number, now: number): number => Math.min(at, now);
