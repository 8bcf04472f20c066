import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWorkerBundle, WORKER_BUNDLE_BUDGET_KB } from "../../bench/lib/worker-bundle.mjs";

/**
 * The Worker bundle stays within its budget as deployed: the browser bundles
 * are static assets (not inlined), `minify = true` holds and zod's locales stay
 * out (wrangler.toml [alias]). A dependency or an inlined asset that pushes it
 * over fails here, not in production's cold starts. bench/bundle-size.mjs says
 * which package costs what.
 *
 * The zod modules worker/zod/ leaves out are named too, so a change that brings
 * one back says which, before the budget notices.
 */
const outdir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bundle-guard-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("the Worker bundle (wrangler deploy --dry-run)", () => {
  it(`is at most ${WORKER_BUNDLE_BUDGET_KB} KB gzip`, { timeout: 120_000 }, () => {
    const metafile = path.join(outdir, "meta.json");
    const { raw, gzip } = buildWorkerBundle(outdir, ["--metafile", metafile]);
    const meta = JSON.parse(readFileSync(metafile, "utf8"));
    const bundled = Object.values(meta.outputs as Record<string, { inputs: Record<string, unknown> }>).flatMap((o) =>
      Object.keys(o.inputs),
    );
    const leftOut = [
      /zod\/v4\/locales\/(?!en\.js)/,
      /zod\/v4\/core\/compile\.js/,
      /zod\/v4\/classic\/from-json-schema\.js/,
      // wrangler.toml [alias]: zod's JSON Schema output, fast-sha256, drizzle's PostgreSQL classes
      // and relational queries.
      /zod\/v4\/core\/to-json-schema\.js/,
      /zod\/v4\/core\/json-schema-generator\.js/,
      /node_modules\/fast-sha256\//,
      /drizzle-orm\/pg-core\//,
      /drizzle-orm\/relations\.js/,
      /drizzle-orm\/sqlite-core\/query-builders\/query\.js/,
    ];
    expect(bundled.filter((file) => leftOut.some((re) => re.test(file)))).toEqual([]);
    // zod-to-openapi is one file, so its generators (/openapi.json is built at build time,
    // scripts/build-openapi.mjs) show as its size: 31 KB minified with them, under 8 KB without.
    expect(bundled).toContain("worker/zod-to-openapi/index.ts");
    const zodToOpenApi = Object.values(
      meta.outputs as Record<string, { inputs: Record<string, { bytesInOutput: number }> }>,
    ).reduce(
      (sum, o) =>
        sum +
        Object.entries(o.inputs)
          .filter(([file]) => file.includes("@asteasolutions/zod-to-openapi/"))
          .reduce((n, [, input]) => n + input.bytesInOutput, 0),
      0,
    );
    expect(zodToOpenApi, "zod-to-openapi's document generators are bundled").toBeLessThan(15_000);
    const kb = gzip / 1024;
    expect(raw, "wrangler wrote an empty bundle").toBeGreaterThan(50_000);
    expect(kb, `Worker bundle ${kb.toFixed(1)} KB gzip -9 (${(raw / 1024).toFixed(0)} KB raw)`).toBeLessThanOrEqual(
      WORKER_BUNDLE_BUDGET_KB,
    );
  });
});
