/**
 * Stand-ins for zod entry points the Worker never calls and the bundle leaves
 * out (see ./index.ts): the `z` namespace object keeps every member it names,
 * so a member shadowed here is the only way its module stays out. Calling one
 * says so instead of failing obscurely.
 */
function notBundled(name: string) {
  return () => {
    throw new Error(`zod's ${name} is not bundled in the Worker (worker/zod/index.ts)`);
  };
}

// zod/v4/core/compile.js, the schema-to-function JIT (~31 KB minified).
export const compile = notBundled("compile");
export const withParser = notBundled("withParser");
export const compileFn = notBundled("compileFn");
export const INVALID = Symbol.for("zod.compile.invalid");
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
