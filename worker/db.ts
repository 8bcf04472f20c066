import { drizzle } from "drizzle-orm/d1";
import type { Env } from "./env";

/**
 * The Drizzle handle for a request. One D1 database today; the seam where a
 * database per workspace would be chosen later (see docs/SCALING.md).
 */
export function database(env: Pick<Env, "DB">) {
  return drizzle(env.DB);
}

export type Database = ReturnType<typeof database>;
