import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Env } from "./env";

/**
 * The Drizzle handle for a request. One D1 database today; the seam where a
 * database per workspace would be chosen later (see docs/SCALING.md).
 */
export function database(env: Pick<Env, "DB">) {
  return drizzle(env.DB);
}

export type Database = ReturnType<typeof database>;

/**
 * Makes the request's database handle once and puts it on `c.var.db`, so routes hand the
 * store a `Database` and nothing below the routes reads `Env` for it.
 *
 * @example
 * app.use("*", withDatabase);
 * app.get("/x", (c) => getWorkspace(c.var.db, id));
 */
export const withDatabase = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", database(c.env));
  await next();
});
