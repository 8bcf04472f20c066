import type { Context, MiddlewareHandler } from "hono";
import { sha256Hex } from "../auth/crypto";
import type { AppEnv, Env } from "../env";
import { ApiError } from "./errors";

/**
 * Window lengths of the `[[ratelimits]]` bindings in wrangler.toml, in seconds.
 * The binding only answers yes or no, so Retry-After is the window: by then the
 * caller's counter has certainly reset.
 */
export const CLIENT_WINDOW_SECONDS = 60;
export const TOKEN_WINDOW_SECONDS = 10;
export const HOOK_WINDOW_SECONDS = 10;
export const HOOK_FAILURE_WINDOW_SECONDS = 60;

/**
 * The public, unauthenticated routes: the only ones anyone on the Internet can
 * hit without a key. Keyed routes are bounded by their key; these are not.
 */
export function isPublicRoute(method: string, path: string): boolean {
  if (method === "OPTIONS") return false; // preflights cost nothing and carry no token
  if (path === "/v1/responses") return method === "POST";
  // The demo shop writes a ticket and an invitation on every visit.
  if (path === "/demo") return true;
  return path.startsWith("/v1/hooks/") || path.startsWith("/s/") || path.startsWith("/r/");
}

/**
 * What a public request spends besides its client's budget: a survey token.
 * A webhook endpoint's budget is not spent here but by the receiver, once the
 * signature is verified (`chargeVerifiedHook`): an unsigned request must not
 * use up a genuine sender's budget.
 */
export type Credential = { kind: "token"; value: string };

/**
 * The token in the path (`/s/:token`, `/r/:token/…`, survey.json) or in the
 * body (`POST /v1/responses`).
 */
export async function spentCredential(c: Context<AppEnv>): Promise<Credential | undefined> {
  const path = c.req.path;
  if (path.startsWith("/s/") || path.startsWith("/r/")) {
    const token = path.split("/")[2];
    return token ? { kind: "token", value: token } : undefined;
  }
  if (path === "/v1/responses") {
    // The JSON body middleware has already read and checked the body; this is its cached text.
    try {
      const body: unknown = JSON.parse(await c.req.text());
      const token = (body as { token?: unknown } | null)?.token;
      return typeof token === "string" && token.length > 0 ? { kind: "token", value: token } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Rate keys never hold a token itself: a short SHA-256 prefix is enough to tell
 * callers apart and keeps credentials out of the rate limiter's storage.
 */
async function fingerprint(value: string): Promise<string> {
  return (await sha256Hex(value)).slice(0, 24);
}

const limited = (seconds: number) =>
  new ApiError(429, "rate_limited", `Too many requests; retry in ${seconds} s`, undefined, {
    "Retry-After": String(seconds),
    // Public routes answer any origin; without this the widget could not read the 429 and back off.
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Retry-After",
  });

/**
 * Limits the public routes with the Workers Rate Limiting binding: per client
 * IP (`cf-connecting-ip`, set by Cloudflare's edge), and per survey token, so
 * one leaked link cannot be hammered from many addresses. Webhook endpoints are
 * limited by the receiver after verification (below). Over any limit: 429 JSON
 * `rate_limited` with Retry-After.
 *
 * Requests without `cf-connecting-ip` only exist when the Worker is called
 * directly (tests, local tools): they skip the per-client limit but keep the
 * others. `RATE_LIMITING = "off"` disables all three, for operators who limit
 * at their own edge.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.env.RATE_LIMITING === "off" || !isPublicRoute(c.req.method, c.req.path)) return next();

  const ip = c.req.header("cf-connecting-ip");
  if (ip && c.env.CLIENT_RATE_LIMITER) {
    const { success } = await c.env.CLIENT_RATE_LIMITER.limit({ key: `ip:${ip}` });
    if (!success) throw limited(CLIENT_WINDOW_SECONDS);
  }

  const credential = await spentCredential(c);
  const limiter = c.env.TOKEN_RATE_LIMITER;
  if (credential && limiter) {
    const { success } = await limiter.limit({ key: `${credential.kind}:${await fingerprint(credential.value)}` });
    if (!success) throw limited(TOKEN_WINDOW_SECONDS);
  }
  return next();
};

type HookLimits = Pick<Env, "RATE_LIMITING" | "HOOK_RATE_LIMITER" | "HOOK_FAILURE_RATE_LIMITER">;

/**
 * Spends one unit of a webhook endpoint's budget (`workspace/source`). Called
 * only for deliveries whose signature verified, so the budget belongs to the
 * genuine sender: a flood of unsigned posts cannot turn its deliveries into 429s.
 */
export async function chargeVerifiedHook(env: HookLimits, endpoint: string): Promise<void> {
  if (env.RATE_LIMITING === "off" || !env.HOOK_RATE_LIMITER) return;
  const { success } = await env.HOOK_RATE_LIMITER.limit({ key: `hook:${await fingerprint(endpoint)}` });
  if (!success) throw limited(HOOK_WINDOW_SECONDS);
}

/**
 * Charges a failed webhook authentication to the caller's address. Past its
 * budget the caller gets 429 instead of 401; other callers, and the genuine
 * sender, are untouched. Requests without `cf-connecting-ip` (tests, local
 * tools) are not charged, as for the per-client limit.
 */
export async function chargeHookFailure(env: HookLimits, ip: string | null | undefined): Promise<void> {
  if (env.RATE_LIMITING === "off" || !env.HOOK_FAILURE_RATE_LIMITER || !ip) return;
  const { success } = await env.HOOK_FAILURE_RATE_LIMITER.limit({ key: `hookfail:${ip}` });
  if (!success) throw limited(HOOK_FAILURE_WINDOW_SECONDS);
}
