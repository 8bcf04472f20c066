/** A request that failed for good: the server's status, or 0 when the network never answered. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
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

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `fetch` that retries what may succeed later: a network failure, a 5xx or a
 * 429. It waits as long as the server's `Retry-After` (seconds) asks, else an
 * exponential backoff with jitter, so a fleet of widgets does not hammer a
 * recovering server in step. Other statuses fail at once: retrying a 422 cannot
 * help. Safe for answers because the API is idempotent per token.
 */
export async function fetchWithRetry(url: string, init: RequestInit, options: RetryOptions = {}): Promise<Response> {
  const { attempts = 6, baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    let res: Response | undefined;
    try {
      res = await doFetch(url, init);
    } catch {
      // A network failure: no status to judge by, so it is worth another try.
    }
    if (res?.ok) return res;
    const status = res?.status ?? 0;
    if ((status && status < 500 && status !== 429) || attempt >= attempts) throw new HttpError(status);
    const retryAfter = Number(res?.headers.get("retry-after"));
    const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + random() / 2);
    await sleep(Math.min(retryAfter > 0 ? retryAfter * 1000 : backoff, maxDelayMs));
  }
}
