// The Worker bundle as `wrangler deploy --dry-run --outdir` writes it (offline),
// measured gzip -9. Shared by bench/bundle-size.mjs and the CI guard
// test/static/worker-bundle.test.ts, so both hold the same figure to the same budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { wrangler } from "./wrangler-dev.mjs";

/** Issue 16's target for the Worker bundle, in KiB of gzip -9. */
export const WORKER_BUNDLE_BUDGET_KB = 150;

/** Builds into `outdir` (wrangler.toml as is, plus `extra` flags); returns raw and gzip -9 bytes. */
export function buildWorkerBundle(outdir, extra = []) {
  wrangler(["deploy", "--dry-run", "--outdir", outdir, ...extra]);
  const js = readFileSync(path.join(outdir, "index.js"));
  return { raw: js.length, gzip: gzipSync(js, { level: 9 }).length };
}
