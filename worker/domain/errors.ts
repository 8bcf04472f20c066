/**
 * What can go wrong in a use case, in the domain's words. Services and the store throw these;
 * they know nothing of HTTP. The app's one `onError` turns each kind into a status and the
 * contract's `{"error": {"code", "message", "details"?}}` body (worker/http/errors.ts).
 */

/** One entry of an error's `details`: which field is wrong and why. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The kinds of failure a caller can act on. The HTTP layer maps each to one status
 * (invalid 422, malformed 400, not_found 404, conflict 409, gone 410, unauthenticated 401).
 */
export type FailureKind = "invalid" | "malformed" | "not_found" | "conflict" | "gone" | "unauthenticated";

/** A failure the client can act on, with a stable `code` and a message for people. */
export class DomainError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    /** Usually the invalid fields; some codes carry an object instead (`throttled`: `next_eligible_at`). */
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Something named by the request does not exist (in this workspace). */
export const notFound = (what: string) => new DomainError("not_found", "not_found", `${what} not found`);

/** Fields that are present but wrong; `details` names each. */
export const invalid = (details: ErrorDetail[], message = "Some fields are invalid") =>
  new DomainError("invalid", "invalid_fields", message, details);

/** The answer to any link of an erased ticket. */
export const goneTicket = () =>
  new DomainError("gone", "gone", "This survey link belonged to a ticket that was erased; it records nothing");
