import type { MiddlewareHandler } from "hono";
import { parseSigningKeys, SigningKeysError } from "../auth/invitation-token";
import type { AppEnv } from "../env";
import { ApiError, errorResponse } from "./errors";

/**
 * A Worker has no start-up hook that sees its secrets, so the first thing every
 * request does is check SIGNING_KEYS (parsed once per isolate and spec). A
 * malformed spec refuses every request, /healthz included, with a message that
 * says what to fix and never quotes the secret: better no service than tokens
 * that carry part of a key, or a deployment that only fails at the first
 * invitation.
 */
export const refuseMalformedSigningKeys: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    parseSigningKeys(c.env.SIGNING_KEYS);
  } catch (error) {
    if (!(error instanceof SigningKeysError)) throw error;
    console.error("misconfigured", error.message);
    return errorResponse(c, new ApiError(500, "misconfigured", error.message));
  }
  return next();
};
