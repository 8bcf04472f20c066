/** A request that failed for good: the server's status, or 0 when the network never answered. */
export declare class HttpError extends Error {
    readonly status: number;
    constructor(status: number);
}
export interface RetryOptions {
    /** Tries in all, the first included. */
    attempts?: number;
    /** Delay before the first retry; it doubles each time, with jitter. */
    baseDelayMs?: number;
    /** Ceiling of any one wait, Retry-After included. */
    maxDelayMs?: number;
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
}
/**
 * `fetch` that retries what may succeed later: a network failure, a 5xx or a
 * 429. It waits as long as the server's `Retry-After` (seconds) asks, else an
 * exponential backoff with jitter, so a fleet of widgets does not hammer a
 * recovering server in step. Other statuses fail at once: retrying a 422 cannot
 * help. Safe for answers because the API is idempotent per token.
 */
export declare function fetchWithRetry(url: string, init: RequestInit, options?: RetryOptions): Promise<Response>;
