// zod's classic API (`z.object`, `z.string`…) without `locales`, the `compile`
// JIT and `fromJSONSchema`: see ./index.ts.
// Local exports shadow the star export's `core`, `locales` and the rest.
export * from "../../node_modules/zod/v4/classic/external.js";
export * as core from "./core";
export const locales = {};
export { compile, INVALID, withParser, ZodCompileAsyncError, ZodCompileUnsupportedError } from "./not-bundled";
export const fromJSONSchema = (): never => {
  throw new Error("zod's fromJSONSchema is not bundled in the Worker (worker/zod/index.ts)");
};
