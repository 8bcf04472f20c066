/**
 * The Worker's bindings come from `wrangler types` (worker-configuration.d.ts, regenerated with
 * `npm run cf-typegen` after a change to wrangler.toml); this file adds only what wrangler cannot
 * see: the values middleware puts on the request context.
 */
export type Env = Cloudflare.Env;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** The workspace of the authenticated API key. */
    workspaceId: string;
    scopes: readonly Scope[];
  };
};

export type Scope = "read" | "write" | "admin";

/** What the events Queue (`EVENTS`) carries: the outbox row to deliver. */
export interface EventMessage {
  delivery_id: string;
}
