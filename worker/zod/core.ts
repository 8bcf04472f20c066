// zod's core without `locales` and the `compile` JIT: see ./index.ts.
// Local exports shadow the star export.
export * from "../../node_modules/zod/v4/core/index.js";
export const locales = {};
export {
  compile,
  compileFn,
  INVALID,
  withParser,
  ZodCompileAsyncError,
  ZodCompileUnsupportedError,
} from "./not-bundled";
