import { ApiError } from "./errors";

/** Seconds a limited client is told to wait: the limiter's window is one minute. */
const RETRY_AFTER_SECONDS = 60;

/**
 * Spends one unit of `key` on a Cloudflare rate-limiting binding, or throws the
 * contract's 429 with Retry-After. Without a binding (a deployment that did not
 * configure one) nothing is limited.
 */
export async function spendRateLimit(limiter: RateLimit | undefined, key: string): Promise<void> {
  if (!limiter) return;
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError(429, "rate_limited", "Too many answers for this survey link; retry shortly", undefined, {
      "Retry-After": String(RETRY_AFTER_SECONDS),
    });
  }
}
