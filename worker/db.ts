import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";
import { BOOKMARK_HEADER } from "./shards/bookmark";

/**
 * A Drizzle handle over one D1 database: a binding, or a D1 session of one (the Sessions API
 * has the `prepare` and `batch` Drizzle uses; its types ask for the whole binding).
 */
export function database(d1: D1Database | D1DatabaseSession) {
  return drizzle(d1 as D1Database);
}

export type Database = ReturnType<typeof database>;

/**
 * Puts the directory's handle on `c.var.directory`; the resolver (worker/shards/resolve.ts) then
 * points `c.var.db` at the workspace's shard, so routes hand the store a `Database` and nothing
 * below the routes reads `Env` for it. The response carries the session's D1 bookmark.
 *
 * @example
 * app.use("*", withDatabase);
 * app.get("/x", (c) => getWorkspace(c.var.db, id));
 */
export const withDatabase = createMiddleware<AppEnv>(async (c, next) => {
  const directory = database(c.env.DB);
  c.set("directory", directory);
  // Until the resolver finds a workspace: the directory, where an unknown workspace has no rows.
  c.set("db", directory);
  await next();
  const bookmark = c.var.session?.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});
