/**
 * When a failed delivery is tried again. Six tries in all: the first retry
 * within seconds (a receiver that blipped), then spread over about eight
 * hours (a receiver that is down for a deploy or an outage). Pure.
 */
export const RETRY_DELAYS_SECONDS = [10, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600] as const;

/** Tries before a delivery is given up as `failed` (the dead-letter state of the delivery log). */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** Seconds to wait after the `attempts`-th failed try, or null when it was the last one. */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)] ?? null;
}
