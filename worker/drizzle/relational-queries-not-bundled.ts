/**
 * What the Worker bundle gets for drizzle-orm's relational query API (`db.query.…`
 * with `relations()`): wrangler.toml `[alias]` maps the relative paths drizzle's
 * D1 driver, SQLite dialect and SQLite database import `relations.js` and
 * `query-builders/query.js` by. The Worker opens D1 with `drizzle(env.DB)`, no
 * `schema` (worker/db.ts), so drizzle never builds `db.query` and never calls
 * these; the real modules still ship (6 KB minified, plus every SQL operator
 * `getOperators()` hands to a `where` callback) because the driver's and the
 * dialect's code names them. Passing a `schema` would call one of these at once
 * and say so, rather than run without relational queries.
 * test/worker/bundle-aliases.test.ts compares them with drizzle's.
 */
import { entityKind } from "drizzle-orm";

function notBundled(name: string) {
  return (..._args: unknown[]): never => {
    throw new Error(
      `drizzle's relational queries (${name}) are not bundled in the Worker: worker/drizzle/relational-queries-not-bundled.ts`,
    );
  };
}

// relations.js, as d1/driver.js imports it: called only when drizzle() is given a schema.
export const extractTablesRelationalConfig = notBundled("extractTablesRelationalConfig");
export const createTableRelationsHelpers = notBundled("createTableRelationsHelpers");
// relations.js, as sqlite-core/dialect.js imports it: read only by buildRelationalQuery.
export const getOperators = notBundled("getOperators");
export const getOrderByOperators = notBundled("getOrderByOperators");
export const normalizeRelation = notBundled("normalizeRelation");

/** drizzle's is() reads only the static entity kind, as with drizzle-orm/relations.js's classes. */
// biome-ignore lint/complexity/noStaticOnlyClass: drizzle's is() takes a class and reads its static entity kind.
export class One {
  static readonly [entityKind]: string = "One";
}
// biome-ignore lint/complexity/noStaticOnlyClass: as One.
export class Many {
  static readonly [entityKind]: string = "Many";
}

// sqlite-core/query-builders/query.js, as sqlite-core/db.js imports it: built per table only with a schema.
export class RelationalQueryBuilder {
  constructor(..._args: unknown[]) {
    notBundled("RelationalQueryBuilder")();
  }
}
