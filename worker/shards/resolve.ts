import type { Context, MiddlewareHandler, Next } from "hono";
import { bearerToken } from "../auth/api-key";
import { sha256Hex } from "../auth/crypto";
import { bindingDatabase, database } from "../db";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { isPublicRoute, spentCredential } from "../http/rate-limit";
import { DEMO_WORKSPACE_ID } from "../routes/demo";
import { shardBinding } from "./bindings";
import { BOOKMARK_HEADER, sessionStart } from "./bookmark";
import { keyOwner, shardOf } from "./directory";
import { claimedWorkspace } from "./token-workspace";

/** Seconds a client waits before retrying a workspace whose database is not reachable. */
export const SHARD_RETRY_AFTER_SECONDS = 30;

/**
 * The one resolver: finds the request's workspace from what it carries (an API key, a signed
 * invitation token, the workspace id of a webhook URL, the demo page) and points `c.var.db` at
 * that workspace's shard, in a D1 session. A request that names no workspace, or one the
 * directory does not know, keeps the directory (worker/db.ts), where that workspace has no
 * rows: the route then answers as it does for any unknown workspace.
 */
export const resolveWorkspace: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A public route (survey token, webhook URL, demo) is answered for the workspace its own
  // credential names: an API key that a shared HTTP client happens to send must not pick
  // another workspace's shard for it.
  if (isPublicRoute(c.req.method, c.req.path)) return enterNamedWorkspace(c, next);
  const key = bearerToken(c.req.header("authorization"));
  if (key?.startsWith("ak_")) {
    // Hashed once here; the scope check (worker/auth/api-key.ts) compares this same hash.
    const keyHash = await sha256Hex(key);
    c.set("presentedKeyHash", keyHash);
    const owner = await keyOwner(c.var.directory, keyHash);
    if (owner) {
      c.set("apiKey", owner);
      enterShard(c, owner.shard, { session: true });
      return next();
    }
  }
  return enterNamedWorkspace(c, next);
};

/** Points a request without a usable API key at the shard of the workspace it names, if any. */
async function enterNamedWorkspace(c: Context<AppEnv>, next: Next) {
  const workspaceId = await namedWorkspace(c);
  if (workspaceId) {
    const shard = await shardOf(c.var.directory, workspaceId);
    if (shard) enterShard(c, shard);
  }
  return next();
}

/** The workspace a keyless request names: its token, its webhook URL, or the demo page's. */
async function namedWorkspace(c: Context<AppEnv>): Promise<string | null> {
  const path = c.req.path;
  if (path.startsWith("/v1/hooks/")) return path.split("/")[3] || null;
  if (path === "/demo") return DEMO_WORKSPACE_ID;
  const credential = await spentCredential(c);
  return credential ? claimedWorkspace(credential.value) : null;
}

/**
 * Points the request at `shard`. An unbound shard answers 503 with Retry-After for this
 * workspace only: every other workspace resolves to its own binding.
 *
 * `session`: the API's requests (an API key: the dashboard, integrations) run in a D1 session
 * and hand its bookmark back, so they may read from replicas without reading older than their
 * own writes. The public answer path (tokens, webhooks) writes and never reads back: it goes
 * straight to the primary without a session, which costs it nothing (docs/SCALING.md).
 */
export function enterShard(c: Context<AppEnv>, shard: string, { session: withSession = false } = {}): void {
  const binding = shardBinding(c.env, shard);
  if (!binding) {
    throw new ApiError(
      503,
      "database_unavailable",
      "This workspace's database is unavailable; retry shortly",
      undefined,
      { "Retry-After": String(SHARD_RETRY_AFTER_SECONDS) },
    );
  }
  c.set("shard", shard);
  if (!withSession) {
    c.set("db", bindingDatabase(binding));
    return;
  }
  const session = openSession(binding, sessionStart(c.req.method, c.req.path, c.req.header(BOOKMARK_HEADER)));
  c.set("session", session);
  c.set("db", session ? database(session) : bindingDatabase(binding));
}

/** A D1 session, or null where the binding has no Sessions API (a test's stand-in). */
function openSession(binding: D1Database, start: string): D1DatabaseSession | null {
  if (typeof binding.withSession !== "function") return null;
  try {
    return binding.withSession(start);
  } catch {
    // A bookmark D1 cannot use (too old, another database's) starts on the primary instead.
    return binding.withSession("first-primary");
  }
}
