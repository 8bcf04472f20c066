import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type ErrorDetail, type FailureKind } from "../domain/errors";

export type { ErrorDetail };

/**
 * An error of the HTTP edge (authentication, body limits, media types, rate limits): thrown by
 * middleware and routes, it becomes `{"error": {"code", "message", "details"?}}` with its status.
 * Services and the store throw a `DomainError` instead (worker/domain/errors.ts).
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

/** The one status for each kind of domain failure. */
const STATUS_OF: Record<FailureKind, ContentfulStatusCode> = {
  invalid: 422,
  malformed: 400,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unauthenticated: 401,
};

/** A domain failure as the HTTP error it answers with. */
export function fromDomain(err: DomainError): ApiError {
  return new ApiError(STATUS_OF[err.kind], err.code, err.message, err.details);
}

export function errorResponse(c: Context, err: ApiError | DomainError): Response {
  if (err instanceof DomainError) err = fromDomain(err);
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
