/**
 * What the Worker bundle gets for `import … from "zod"` (wrangler.toml `[alias]`):
 * zod as it is, minus `z.locales` and `z.core.locales`. @hono/zod-openapi uses
 * the `z` namespace object, so the bundler cannot drop members nobody reads and
 * every translation of zod's error messages (~260 KB minified, half the Worker)
 * shipped. The Worker answers errors in its own words (worker/http/validation.ts)
 * and zod keeps English, which its schemas import directly. For the same reason
 * `z.compile` (a JIT built on `new Function`, which Workers forbid) and
 * `z.fromJSONSchema` are shadowed by stand-ins (./not-bundled.ts): −12.8 KB gzip.
 * zod's JSON Schema output is left out by aliasing the relative paths zod's own
 * modules import it by (./json-schema-not-bundled.ts).
 * Relative paths into node_modules, because the alias also rewrites `zod/…`.
 */
import * as z from "./classic";

export * from "./classic";
export { z, z as default };
