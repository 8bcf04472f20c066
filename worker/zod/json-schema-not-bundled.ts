/**
 * What the Worker bundle gets in place of zod's JSON Schema output
 * (`zod/v4/core/json-schema-processors.js`, `to-json-schema.js`,
 * `json-schema-generator.js`; wrangler.toml `[alias]` maps the relative paths
 * zod's own modules import them by, as esbuild sees them): ~22 KB minified.
 * The Worker never turns a schema into JSON Schema: /openapi.json is built at
 * build time (scripts/build-openapi.mjs, which bundles the real modules) and the
 * worker tests, which compare it with the runtime document, resolve zod
 * without this alias. Each schema still wires a processor in and exposes
 * `~standard.jsonSchema`, so every name is here; calling one says so instead of
 * failing obscurely. `aggregateChecks` is real: the schemas' `minLength`,
 * `format`… getters read it.
 */
export { aggregateChecks } from "../../node_modules/zod/v4/core/json-schema-processors.js";

function notBundled(name: string) {
  return (..._args: unknown[]): never => {
    throw new Error(`zod's JSON Schema ${name} is not bundled in the Worker (worker/zod/json-schema-not-bundled.ts)`);
  };
}

// to-json-schema.js: the schemas call these two at construction, so they return the thrower.
export const createToJSONSchemaMethod = (..._args: unknown[]) => notBundled("createToJSONSchemaMethod");
export const createStandardJSONSchemaMethod = (..._args: unknown[]) => notBundled("createStandardJSONSchemaMethod");
export const initializeContext = notBundled("initializeContext");
export const handleUnrepresentable = notBundled("handleUnrepresentable");
export const processSchema = notBundled("processSchema");
export const process = processSchema;
export const extractDefs = notBundled("extractDefs");
export const finalize = notBundled("finalize");

// json-schema-generator.js
export class JSONSchemaGenerator {
  constructor() {
    notBundled("JSONSchemaGenerator")();
  }
}

// json-schema-processors.js
export const toJSONSchema = notBundled("toJSONSchema");
export const allProcessors = {};
export const anyProcessor = notBundled("anyProcessor");
export const arrayProcessor = notBundled("arrayProcessor");
export const bigintProcessor = notBundled("bigintProcessor");
export const booleanProcessor = notBundled("booleanProcessor");
export const catchProcessor = notBundled("catchProcessor");
export const customProcessor = notBundled("customProcessor");
export const dateProcessor = notBundled("dateProcessor");
export const defaultProcessor = notBundled("defaultProcessor");
export const enumProcessor = notBundled("enumProcessor");
export const fileProcessor = notBundled("fileProcessor");
export const functionProcessor = notBundled("functionProcessor");
export const intersectionProcessor = notBundled("intersectionProcessor");
export const lazyProcessor = notBundled("lazyProcessor");
export const literalProcessor = notBundled("literalProcessor");
export const mapProcessor = notBundled("mapProcessor");
export const nanProcessor = notBundled("nanProcessor");
export const neverProcessor = notBundled("neverProcessor");
export const nonoptionalProcessor = notBundled("nonoptionalProcessor");
export const nullProcessor = notBundled("nullProcessor");
export const nullableProcessor = notBundled("nullableProcessor");
export const numberProcessor = notBundled("numberProcessor");
export const objectProcessor = notBundled("objectProcessor");
export const optionalProcessor = notBundled("optionalProcessor");
export const pipeProcessor = notBundled("pipeProcessor");
export const prefaultProcessor = notBundled("prefaultProcessor");
export const promiseProcessor = notBundled("promiseProcessor");
export const readonlyProcessor = notBundled("readonlyProcessor");
export const recordProcessor = notBundled("recordProcessor");
export const setProcessor = notBundled("setProcessor");
export const stringProcessor = notBundled("stringProcessor");
export const successProcessor = notBundled("successProcessor");
export const symbolProcessor = notBundled("symbolProcessor");
export const templateLiteralProcessor = notBundled("templateLiteralProcessor");
export const transformProcessor = notBundled("transformProcessor");
export const tupleProcessor = notBundled("tupleProcessor");
export const undefinedProcessor = notBundled("undefinedProcessor");
export const unionProcessor = notBundled("unionProcessor");
export const unknownProcessor = notBundled("unknownProcessor");
export const voidProcessor = notBundled("voidProcessor");
