/**
 * The Worker's bindings come from `wrangler types` (worker-configuration.d.ts, regenerated with
 * `npm run cf-typegen` after a change to wrangler.toml); this file adds only what wrangler cannot
 * see: the values middleware puts on the request context.
 */
import type { Database } from "./db";

export type Env = Cloudflare.Env;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** The request's workspace database (its shard, in a D1 session), set by the resolver. */
    db: Database;
    /** The directory: workspaces, API key hashes, each workspace's shard. */
    directory: Database;
    /** The binding name of the request's shard, once resolved. */
    shard: string;
    /** The D1 session `db` reads through; its bookmark goes back to the client. */
    session: D1DatabaseSession | null;
    /** The API key the request carries, as the directory knows it (before any scope check). */
    apiKey: { workspaceId: string; scopes: string; keyHash: string; shard: string };
    /** The SHA-256 of the API key the request presents, computed once by the resolver. */
    presentedKeyHash: string;
    /** The workspace of the authenticated API key. */
    workspaceId: string;
    scopes: readonly Scope[];
  };
};

export type Scope = "read" | "write" | "admin";

/** What the events Queue (`EVENTS`) carries: the outbox row to deliver. */
export interface EventMessage {
  /** Ids are random (128 bits), so unique across shards. */
  delivery_id: string;
  /**
   * The binding name of the shard holding the outbox row, so the consumer reads that shard alone.
   * A hint: messages sent before it existed have none, and a moved workspace's may name its old
   * shard; either way the consumer then asks every shard.
   */
  shard?: string;
}
