/** The contract's tolerance for signed timestamps. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** True when a signed timestamp is within ±5 minutes of now. */
export function isFresh(timestampMs: number, now: number): boolean {
  return Number.isFinite(timestampMs) && Math.abs(now - timestampMs) <= TIMESTAMP_TOLERANCE_MS;
}
