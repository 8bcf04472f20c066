import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { openApiConfig } from "../../worker/http/openapi-document";

/**
 * /openapi.json is generated at build time (scripts/build-openapi.mjs, run by
 * `npm run build`, which `npm test` runs first; run it before
 * `vitest run --project worker` alone) and served from the static assets,
 * so the Worker bundle leaves out zod-to-openapi's generators. The tests do
 * not alias zod-to-openapi (vitest.config.ts), so the generators are here to
 * say what the Worker would have answered: a route changed without a rebuild,
 * or a build that generated something else, fails here.
 */
describe("GET /openapi.json (built at build time)", () => {
  for (const origin of ["https://aftercare.test", "http://localhost:8787"]) {
    it(`is the document the routes generate at runtime, servers naming ${origin}`, async () => {
      const res = await exports.default.fetch(new Request(`${origin}/openapi.json`));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const runtime = createApp().getOpenAPI31Document(openApiConfig(origin));
      // The same JSON text, key order included, not only deep-equal.
      expect(await res.text()).toBe(JSON.stringify(runtime));
    });
  }
});
