/**
 * What the Worker bundle gets for `import … from "@asteasolutions/zod-to-openapi"`
 * (wrangler.toml `[alias]`): the registry and zod's `.openapi()` extension that
 * the routes use at startup, without the document generators. `/openapi.json`
 * is generated at build time (scripts/build-openapi.mjs) and served from
 * worker/http/openapi-document.ts, so the generators (most of the package)
 * would ship unused: @hono/zod-openapi names them only in `getOpenAPIDocument`
 * and `doc`, which the Worker never calls. Calling one says so.
 * A relative path into node_modules, because the alias also rewrites `…/zod-to-openapi/…`.
 */
export {
  extendZodWithOpenApi,
  getOpenApiMetadata,
  OpenAPIRegistry,
  // @ts-expect-error: the package types this file as dist/index.d.ts; code imports the package by name, so its types come from there.
} from "../../node_modules/@asteasolutions/zod-to-openapi/dist/index.mjs";

class NotBundledGenerator {
  constructor() {
    throw new Error(
      "zod-to-openapi's generators are not bundled in the Worker: /openapi.json is built by scripts/build-openapi.mjs",
    );
  }
}
export const OpenApiGeneratorV3 = NotBundledGenerator;
export const OpenApiGeneratorV31 = NotBundledGenerator;
