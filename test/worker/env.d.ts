import type { D1Migration } from "cloudflare:test";

// The Worker's own bindings come from worker-configuration.d.ts (`npm run cf-typegen`);
// the tests add the migrations the setup file applies.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** wrangler.toml [assets]: the Worker never reads it, the tests do (exports.default.fetch skips the asset server). */
      ASSETS: Fetcher;
    }
  }
}
