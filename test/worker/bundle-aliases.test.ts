import { env } from "cloudflare:workers";
import { entityKind, is } from "drizzle-orm";
import { pgEnum, PrimaryKeyBuilder as RealPrimaryKeyBuilder } from "drizzle-orm/pg-core";
import { primaryKey as sqlitePrimaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import fc from "fast-check";
import { hmac as realHmac } from "fast-sha256";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { isPgEnum as realIsPgEnum } from "../../node_modules/drizzle-orm/pg-core/columns/enum.js";
import * as realRelations from "../../node_modules/drizzle-orm/relations.js";
import * as realZod from "../../node_modules/zod/v4/classic/external.js";
import { aggregateChecks as realAggregateChecks } from "../../node_modules/zod/v4/core/json-schema-processors.js";
import { database } from "../../worker/db";
import { isPgEnum, PrimaryKeyBuilder } from "../../worker/drizzle/pg-core-not-bundled";
import * as relational from "../../worker/drizzle/relational-queries-not-bundled";
import { hmac } from "../../worker/standardwebhooks/fast-sha256";
import * as workerZod from "../../worker/zod/classic";
import { z } from "../../worker/zod/index";
import * as jsonSchema from "../../worker/zod/json-schema-not-bundled";

/**
 * The stand-ins wrangler.toml's [alias] puts in the deployed Worker in place of
 * library modules (the worker tests resolve the real ones, so they are compared
 * here, side by side): each must answer exactly as the module it replaces
 * wherever the Worker calls it.
 */
describe("fast-sha256 in the Worker (worker/standardwebhooks/fast-sha256.ts)", () => {
  it("computes the same HMAC-SHA256 as fast-sha256 for any key and message", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.uint8Array({ maxLength: 2000 }), (key, data) => {
        expect(hmac(key, data)).toEqual(realHmac(key, data));
      }),
    );
  });

  it("gives standardwebhooks the Uint8Array it base64-encodes, and the published test vector", () => {
    // The Standard Webhooks libraries' shared test vector (libraries/javascript/src/index.test.ts).
    const key = Uint8Array.from(atob("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), (c) => c.charCodeAt(0));
    const toSign = new TextEncoder().encode('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}');
    const mac = hmac(key, toSign);
    expect(mac).toBeInstanceOf(Uint8Array);
    expect(btoa(String.fromCharCode(...mac))).toBe("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    // standardwebhooks itself (real fast-sha256 here) signs the same.
    const wh = new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    expect(wh.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", new Date(1614265330_000), '{"test": 2432232314}')).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });
});

describe("drizzle's pg-core in the Worker (worker/drizzle/pg-core-not-bundled.ts)", () => {
  it("isPgEnum answers as drizzle's for a pg enum and for anything else", () => {
    const mood = pgEnum("mood", ["sad", "happy"]);
    const table = sqliteTable("t", { id: text("id") });
    for (const value of [mood, table, table.id, () => 1, null, undefined, "mood", {}, z.string()]) {
      expect(isPgEnum(value)).toBe(realIsPgEnum(value));
    }
    expect(isPgEnum(mood)).toBe(true);
  });

  it("is(…, PrimaryKeyBuilder) recognises drizzle's pg primary keys only, as with the real class", () => {
    expect(PrimaryKeyBuilder[entityKind]).toBe(RealPrimaryKeyBuilder[entityKind]);
    const pgKey = new RealPrimaryKeyBuilder([], "pk");
    const table = sqliteTable("t", { a: text("a"), b: text("b") });
    const sqliteKey = sqlitePrimaryKey({ columns: [table.a, table.b] });
    for (const value of [pgKey, sqliteKey, table, {}, null]) {
      expect(is(value, PrimaryKeyBuilder)).toBe(is(value, RealPrimaryKeyBuilder));
    }
    expect(is(pgKey, PrimaryKeyBuilder)).toBe(true);
  });
});

describe("zod's JSON Schema output in the Worker (worker/zod/json-schema-not-bundled.ts)", () => {
  it("keeps the real aggregateChecks, which the schemas' minLength/format getters read", () => {
    expect(jsonSchema.aggregateChecks).toBe(realAggregateChecks);
    const s = z.string().min(2).max(5);
    expect(jsonSchema.aggregateChecks(s)).toMatchObject({ minimum: 2, maximum: 5 });
  });

  it("says it is not bundled when asked for JSON Schema, instead of failing obscurely", () => {
    expect(() => jsonSchema.toJSONSchema()).toThrow(/not bundled in the Worker/);
    expect(() => jsonSchema.createStandardJSONSchemaMethod()()).toThrow(/not bundled in the Worker/);
    expect(() => new jsonSchema.JSONSchemaGenerator()).toThrow(/not bundled in the Worker/);
  });
});

describe("zod's `z` in the Worker (worker/zod/classic.ts)", () => {
  it("each member it keeps is zod's own, not a copy", () => {
    const kept = Object.entries(workerZod);
    expect(kept.length).toBeGreaterThan(10);
    for (const [name, value] of kept) {
      if (name === "coerce" || name === "iso") {
        for (const [inner, fn] of Object.entries(value)) {
          expect(fn, `z.${name}.${inner}`).toBe(
            (realZod as unknown as Record<string, Record<string, unknown>>)[name]?.[inner],
          );
        }
      } else expect(value, `z.${name}`).toBe((realZod as Record<string, unknown>)[name]);
    }
  });

  it("leaves out what the Worker never calls: locales, core, the compile JIT, JSON Schema in and out", () => {
    for (const name of ["locales", "core", "compile", "fromJSONSchema", "toJSONSchema", "map", "set", "file"]) {
      expect(name in realZod, `real zod has z.${name}`).toBe(true);
      expect(name in workerZod, `z.${name}`).toBe(false);
    }
  });

  it("still answers in English and carries .openapi() on every schema", () => {
    const result = workerZod.string().safeParse(1);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Invalid input: expected string, received number");
    expect(workerZod.object({})).toHaveProperty("openapi", expect.any(Function));
    expect(workerZod.coerce.number().int().safeParse("7").data).toBe(7);
    expect(workerZod.iso.datetime({ offset: true }).safeParse("2026-01-01T00:00:00+01:00").success).toBe(true);
  });
});

describe("drizzle's relational queries in the Worker (worker/drizzle/relational-queries-not-bundled.ts)", () => {
  it("are never reached: the Worker opens D1 without a schema, so drizzle builds no db.query", () => {
    const db = database(env.DB);
    expect(db._.schema).toBeUndefined();
    expect(db.query).toEqual({});
  });

  it("name drizzle's own exports, and is() tells One from Many as with drizzle's classes", () => {
    for (const name of Object.keys(relational).filter((n) => n !== "RelationalQueryBuilder")) {
      expect(realRelations, name).toHaveProperty(name);
    }
    expect(relational.One[entityKind]).toBe(realRelations.One[entityKind]);
    expect(relational.Many[entityKind]).toBe(realRelations.Many[entityKind]);
    expect(is(relational.One, relational.Many)).toBe(is(realRelations.One, realRelations.Many));
  });

  it("say they are not bundled if drizzle is ever given a schema, instead of failing obscurely", () => {
    expect(() => relational.extractTablesRelationalConfig({}, relational.createTableRelationsHelpers)).toThrow(
      /not bundled in the Worker/,
    );
    for (const fn of [relational.getOperators, relational.getOrderByOperators, relational.normalizeRelation]) {
      expect(() => fn()).toThrow(/not bundled in the Worker/);
    }
    expect(() => new relational.RelationalQueryBuilder()).toThrow(/not bundled in the Worker/);
  });
});
