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

/** One Drizzle handle per binding for the isolate's life: the directory is read on most requests. */
const handles = new WeakMap<D1Database, Database>();

/** The isolate's handle over a binding (never a session, which lives for one request). */
export function bindingDatabase(d1: D1Database): Database {
  let db = handles.get(d1);
  if (!db) {
    db = database(d1);
    handles.set(d1, db);
  }
  return db;
}

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
  const directory = bindingDatabase(c.env.DB);
  c.set("directory", directory);
  // Until the resolver finds a workspace: the directory, where an unknown workspace has no rows.
  c.set("db", directory);
  await next();
  const bookmark = c.var.session?.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});
