import { type Database, database } from "../db";
import type { Env } from "../env";
import { describeForLog } from "../http/errors";
import { placementShards, shardBinding } from "./bindings";
import { placedShards } from "./directory";

export interface Shard {
  name: string;
  db: Database;
}

/**
 * Every shard the Queue consumer and the crons must visit: those of `SHARDS` and those the
 * directory places a workspace on, when bound. A shard the directory names but the Worker
 * does not bind is logged and skipped: its workspaces wait until it is bound again.
 */
export async function everyShard(env: Env): Promise<Shard[]> {
  const names = new Set(placementShards(env));
  for (const name of await placedShards(database(env.DB))) names.add(name);
  const shards: Shard[] = [];
  for (const name of names) {
    const binding = shardBinding(env, name);
    if (binding) shards.push({ name, db: database(binding) });
    else console.error("shard not bound", describeForLog(new Error(`${name} holds workspaces but is not bound`)));
  }
  return shards;
}
