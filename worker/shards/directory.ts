import { and, count, eq, isNull } from "drizzle-orm";
import { apiKeys, workspaces } from "../../schema/tables";
import type { Database } from "../db";

/**
 * Queries on the directory (the `DB` binding): which workspace a key belongs to and which
 * shard holds a workspace. Nothing here reads a workspace's data, which lives on its shard.
 */

/** An API key's owner and where its data lives, or undefined for an unknown or revoked key. */
export function keyOwner(directory: Database, keyHash: string) {
  return directory
    .select({
      workspaceId: apiKeys.workspaceId,
      scopes: apiKeys.scopes,
      keyHash: apiKeys.keyHash,
      shard: workspaces.shard,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
}

/**
 * How long an isolate trusts a workspace's shard without asking the directory again. A move
 * (scripts/move-workspace.mjs) waits longer than this between freezing and copying.
 */
export const SHARD_CACHE_MS = 30_000;
const cache = new Map<string, { shard: string; until: number }>();

/**
 * The shard holding a workspace, or null when the directory does not know it. Answers come
 * from the isolate's memory for `SHARD_CACHE_MS`: survey answers and webhooks name their
 * workspace on every request, and placement changes only when a workspace is moved.
 */
export async function shardOf(directory: Database, workspaceId: string, now = Date.now()): Promise<string | null> {
  const known = cache.get(workspaceId);
  if (known && known.until > now) return known.shard;
  const row = await directory
    .select({ shard: workspaces.shard })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .get();
  if (!row) return null; // never cached: a workspace created a moment later must be found
  if (cache.size >= 10_000) cache.clear();
  cache.set(workspaceId, { shard: row.shard, until: now + SHARD_CACHE_MS });
  return row.shard;
}

/** Forgets what the isolate knows of placements (tests, after a move). */
export function forgetPlacements(): void {
  cache.clear();
}

/** How many workspaces each shard holds, for placing a new one. */
export async function workspacesPerShard(directory: Database): Promise<Map<string, number>> {
  const rows = await directory
    .select({ shard: workspaces.shard, n: count() })
    .from(workspaces)
    .groupBy(workspaces.shard)
    .all();
  return new Map(rows.map((r) => [r.shard, r.n]));
}

/** The shards the directory places at least one workspace on. */
export async function placedShards(directory: Database): Promise<string[]> {
  const rows = await directory.selectDistinct({ shard: workspaces.shard }).from(workspaces).all();
  return rows.map((r) => r.shard);
}
