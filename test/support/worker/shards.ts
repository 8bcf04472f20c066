import { env } from "cloudflare:workers";
import { database } from "../../../worker/db";
import { shardBinding } from "../../../worker/shards/bindings";

/** Every D1 binding of the test Worker (the directory `DB` and the shards), by name. */
export function d1Bindings(): [string, D1Database][] {
  return Object.keys(env).flatMap((name) => {
    const d1 = shardBinding(env, name);
    return d1 ? [[name, d1] as [string, D1Database]] : [];
  });
}

/** The name of the shard the directory places `workspaceId` on. */
export async function shardNameOf(workspaceId: string): Promise<string> {
  const row = await env.DB.prepare("SELECT shard FROM workspaces WHERE id = ?")
    .bind(workspaceId)
    .first<{ shard: string }>();
  if (!row) throw new Error(`the directory has no workspace ${workspaceId}`);
  return row.shard;
}

/**
 * The D1 database holding a workspace's rows, for tests that seed or read them directly:
 * with two shards, a test's second workspace lives on `SHARD_2`, not on `env.DB`.
 */
export async function databaseOf(workspaceId: string): Promise<D1Database> {
  const d1 = shardBinding(env, await shardNameOf(workspaceId));
  if (!d1) throw new Error(`the shard of ${workspaceId} is not bound`);
  return d1;
}

/** The same, as a Drizzle handle. */
export async function drizzleOf(workspaceId: string) {
  return database(await databaseOf(workspaceId));
}
