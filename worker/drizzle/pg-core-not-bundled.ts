/**
 * What the Worker bundle gets for the two PostgreSQL pieces drizzle-orm's shared
 * code imports by relative path (wrangler.toml `[alias]` matches the import
 * string exactly): `sql/sql.js` asks `isPgEnum(chunk)` and `relations.js` asks
 * `is(entry, PrimaryKeyBuilder)`. Aftercare is SQLite (D1) only, so both answers
 * are always "no", but the real modules pull in pg-core's column, table and
 * constraint classes (6.6 KB minified). These give the same answers the same
 * way (drizzle recognises entities by `Symbol.for` keys, not by identity).
 */
import { entityKind } from "drizzle-orm";

const isPgEnumSym = Symbol.for("drizzle:isPgEnum");

/** Same test as drizzle-orm/pg-core/columns/enum.js. */
export function isPgEnum(obj: unknown): boolean {
  return (
    !!obj &&
    typeof obj === "function" &&
    isPgEnumSym in obj &&
    (obj as unknown as Record<symbol, unknown>)[isPgEnumSym] === true
  );
}

/** Carries the entity kind drizzle-orm/pg-core/primary-keys.js gives it, which is all `is()` reads. */
// biome-ignore lint/complexity/noStaticOnlyClass: drizzle's is() takes a class and reads its static entity kind.
export class PrimaryKeyBuilder {
  static readonly [entityKind]: string = "PgPrimaryKeyBuilder";
}
