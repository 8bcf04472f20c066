import type { Database } from "../db";
import { invalid } from "../domain/errors";
import type { Env } from "../env";
import { placementShards, shardBinding } from "./bindings";
import { workspacesPerShard } from "./directory";

/**
 * The shard a new workspace goes to: the one the admin named, or else the shard of `SHARDS`
 * holding the fewest workspaces (the first listed on a tie). A named shard must be bound to
 * the Worker, so the directory never points at a database that does not exist (422).
 */
export async function chooseShard(env: Env, directory: Database, requested: string | undefined): Promise<string> {
  if (requested !== undefined) {
    if (!shardBinding(env, requested)) {
      throw invalid(
        [
          {
            path: "shard",
            message: `No D1 database is bound as ${requested}; new workspaces go to ${placementShards(env).join(", ")}`,
          },
        ],
        "Unknown shard",
      );
    }
    return requested;
  }
  const bound = placementShards(env).filter((name) => shardBinding(env, name));
  if (bound.length === 0) throw new Error("None of the SHARDS bindings is bound to the Worker (wrangler.toml)");
  const counts = await workspacesPerShard(directory);
  return bound.reduce((best, name) => ((counts.get(name) ?? 0) < (counts.get(best) ?? 0) ? name : best));
}
