import type { MiddlewareHandler } from "hono";
import type { AppEnv, Scope } from "../env";
import { ApiError } from "../http/errors";
import { timingSafeEqualText } from "./crypto";

const unauthorized = (message: string) =>
  new ApiError(401, "unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="aftercare"' });

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * Authenticates `Authorization: Bearer <api_key>` and requires `scope` (or, given
 * several, any one of them). The resolver hashed the key once (SHA-256, `presentedKeyHash`)
 * and looked it up in the directory by that hash (which also chose the request's shard);
 * the stored hash is compared with it here in constant time, so neither the lookup nor the
 * comparison tells an attacker how close a guess was, and the key is not hashed again.
 */
export function requireScope(scope: Scope | readonly Scope[]): MiddlewareHandler<AppEnv> {
  const accepted: readonly Scope[] = typeof scope === "string" ? [scope] : scope;
  return async (c, next) => {
    const key = bearerToken(c.req.header("authorization"));
    if (!key) throw unauthorized("Send an API key as Authorization: Bearer <key>");
    // The resolver (worker/shards/resolve.ts) looked the key up in the directory by its hash.
    const row = c.var.apiKey;
    const presented = c.var.presentedKeyHash;
    if (!row || !presented || !(await timingSafeEqualText(row.keyHash, presented))) {
      throw unauthorized("Unknown or revoked API key");
    }
    const scopes = JSON.parse(row.scopes) as Scope[];
    if (!accepted.some((s) => scopes.includes(s))) {
      throw new ApiError(403, "forbidden", `This key lacks the ${accepted.map((s) => `"${s}"`).join(" or ")} scope`);
    }
    c.set("workspaceId", row.workspaceId);
    c.set("scopes", scopes);
    return next();
  };
}

/** Authenticates the operator's `ADMIN_TOKEN`, which may create workspaces. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  const expected = c.env.ADMIN_TOKEN;
  if (!token || !expected || !(await timingSafeEqualText(token, expected))) {
    throw unauthorized("This route needs the admin token");
  }
  return next();
};
