/**
 * The repurchase window of docs/scores.md ("Repurchase after an interaction"):
 * when an order may count for an interaction and when the interaction is judged.
 * Pure data and functions with no imports, so Node can load it from the trigger
 * generator (scripts/gen-repurchase-rollup.mjs).
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
