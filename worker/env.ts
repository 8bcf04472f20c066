/** Bindings and variables the Worker runs with (wrangler.toml, .dev.vars, secrets). */
export interface Env {
  DB: D1Database;
  /** Bearer token that may create workspaces. */
  ADMIN_TOKEN: string;
  /**
   * Invitation signing keys, newest first: `kid:secret[,kid:secret…]`. The first
   * signs new tokens; every listed key still verifies, so a rotation keeps the
   * links already e-mailed working until their expiry.
   */
  SIGNING_KEYS: string;
  /** Origin used in survey links; empty means the request's own origin. */
  PUBLIC_ORIGIN?: string;
  /** Per-token limit on `POST /v1/responses` (wrangler.toml `[[ratelimits]]`); absent means unlimited. */
  RESPONSE_LIMITER?: RateLimit;
}

export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** The workspace of the authenticated API key. */
    workspaceId: string;
    scopes: readonly Scope[];
  };
};

export type Scope = "read" | "write" | "admin";
