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
  /** Public routes per client IP (`[[ratelimits]]`, 60 s window). Absent: no per-client limit. */
  CLIENT_RATE_LIMITER?: RateLimit;
  /** Public survey routes per invitation token (`[[ratelimits]]`, 10 s window). */
  TOKEN_RATE_LIMITER?: RateLimit;
  /** Webhook receivers per workspace and source (`[[ratelimits]]`, 10 s window). */
  HOOK_RATE_LIMITER?: RateLimit;
  /** Failed webhook authentications per client IP (`[[ratelimits]]`, 60 s window). */
  HOOK_FAILURE_RATE_LIMITER?: RateLimit;
  /** `"off"` disables rate limiting, for operators who limit at their own edge. */
  RATE_LIMITING?: string;
  /** Outbound events: the consumer of this Queue delivers them to webhook endpoints. */
  EVENTS: Queue<EventMessage>;
  /**
   * `"on"` lets webhook endpoints use `http://127.0.0.1` and `http://localhost`
   * (set by `npm start` for a developer's local receiver); never in production.
   */
  ALLOW_LOCAL_WEBHOOKS?: string;
}

/** What the events Queue carries: the outbox row to deliver. */
export interface EventMessage {
  delivery_id: string;
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
