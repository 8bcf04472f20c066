import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One entry of an error's `details`: which field is wrong and why. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * An error the client can act on. Thrown anywhere in a request, it becomes
 * `{"error": {"code", "message", "details"?}}` with its status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Usually the invalid fields; some codes carry an object instead (`throttled`: `next_eligible_at`). */
    readonly details?: ErrorDetail[] | Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

export const invalid = (details: ErrorDetail[], message = "Some fields are invalid") =>
  new ApiError(422, "invalid_fields", message, details);

export function errorResponse(c: Context, err: ApiError): Response {
  const body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  return c.json(body, err.status, err.headers);
}

/** D1 errors that mean "the database is unavailable right now", as opposed to a bug. */
const UNAVAILABLE =
  /D1_ERROR: (Network connection lost|.*overloaded|.*reset|.*unavailable|.*timed out)|storage caused object to be reset|D1 DB is overloaded|Internal error in D1/i;

/**
 * Whether an error, or any error it wraps, is D1 being unavailable. Drizzle
 * wraps driver errors ("Failed query: …") and keeps D1's own as `cause`.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (UNAVAILABLE.test(e.message)) return true;
  }
  return false;
}

/**
 * An unexpected error as one log entry, without the values it carried. Drizzle
 * puts a failed query's bound values in the message (`params: …`), and those
 * can be a webhook secret, an e-mail or a comment: the SQL and the stack frames
 * say what failed, the values are withheld. Non-Error throwables log their type.
 */
export function describeForLog(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e !== undefined; depth++) {
    if (!(e instanceof Error)) {
      parts.push(`thrown ${typeof e}`);
      break;
    }
    const message = e.message.split("\nparams:")[0] ?? "";
    const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
    parts.push([`${e.name}: ${message}`, ...frames.slice(0, 10)].join("\n"));
    e = e.cause;
  }
  return parts.join("\ncaused by: ");
}
