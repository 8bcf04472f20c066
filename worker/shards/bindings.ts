import type { Env } from "../env";

/** The directory's binding. A one-database deployment uses it as its only shard too. */
export const DIRECTORY = "DB";

/**
 * Where new workspaces may be placed: the `SHARDS` variable of wrangler.toml, binding names
 * separated by commas. Unset or empty means the directory alone, so a deployment made before
 * shards existed keeps working without a new variable.
 */
export function placementShards(env: Pick<Env, "SHARDS">): string[] {
  const names = (env.SHARDS ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length > 0 ? [...new Set(names)] : [DIRECTORY];
}

/** The names a shard's binding may have: the directory's, or `SHARD_` and a suffix. */
const SHARD_NAME = /^(?:DB|SHARD_[A-Z0-9_]{1,32})$/;

/**
 * The D1 binding of the shard called `name`, or null when the Worker has none by that name.
 * Any bound shard may hold workspaces: one taken out of `SHARDS` takes no new workspace but
 * keeps serving those it holds. The name pattern keeps the lookup to D1 bindings (a service
 * binding answers any method name, so shape alone cannot tell).
 */
export function shardBinding(env: Env, name: string): D1Database | null {
  if (!SHARD_NAME.test(name)) return null;
  const value = (env as unknown as Record<string, unknown>)[name];
  return isD1(value) ? value : null;
}

function isD1(value: unknown): value is D1Database {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as D1Database).prepare === "function" &&
    typeof (value as D1Database).batch === "function"
  );
}
