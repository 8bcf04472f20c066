/**
 * What the Worker bundle gets for `import … from "zod"` (wrangler.toml `[alias]`):
 * only the members of `z` the Worker uses (./classic.ts lists them). @hono/zod-openapi
 * passes the `z` namespace object to extendZodWithOpenApi, so the bundler cannot
 * drop members nobody reads: with `export *` every schema kind (map, set, file,
 * template literal, function, codecs, bigint, the string-format builders…),
 * `z.core`, every translation of zod's error messages (`z.locales`), the
 * `z.compile` JIT (`new Function`, which Workers forbid) and `z.fromJSONSchema`
 * shipped. An explicit list keeps only what it names and what those reach.
 * The Worker answers errors in its own words (worker/http/validation.ts) and zod
 * keeps English, which its ZodType constructor registers.
 * zod's JSON Schema output is left out by aliasing the relative paths zod's own
 * modules import it by (./json-schema-not-bundled.ts).
 * Relative paths into node_modules, because the alias also rewrites `zod/…`.
 */
import * as z from "./classic";

export * from "./classic";
export { z, z as default };
