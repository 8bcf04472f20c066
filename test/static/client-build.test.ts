import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildClient, ENTRIES } from "../../scripts/build-client.mjs";

// `npm run build` (and so `npm run typecheck` and `npm test`) is all or nothing: a run that fails
// leaves the previous build whole, so widget/dist/openapi.ts never names an asset that is gone
// and public/ is never half emptied.

const scratch = mkdtempSync(path.join(os.tmpdir(), "aftercare-client-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir` with a digest of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = createHash("sha1").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

/** The asset widget/dist/openapi.ts points at, which must exist under public/. */
function openapiAsset(dist: string): string {
  const match = /OPENAPI_ASSET_PATH = "([^"]+)"/.exec(readFileSync(path.join(dist, "openapi.ts"), "utf8"));
  return path.join(dist, "public", match?.[1] ?? "(none)");
}

describe("the client build", () => {
  const dist = path.join(scratch, "dist");

  it("writes the assets, the manifest and the OpenAPI module pointing at its document", async () => {
    await buildClient({ dist });
    const asset = openapiAsset(dist);
    expect(existsSync(asset)).toBe(true);
    expect(JSON.parse(readFileSync(asset, "utf8"))).toMatchObject({ openapi: "3.1.0" });
    const manifest = readFileSync(path.join(dist, "manifest.ts"), "utf8");
    for (const [, served] of manifest.matchAll(/": "([^"]+)"/g)) {
      expect(existsSync(path.join(dist, "public", served as string)), served).toBe(true);
    }
  }, 120_000);

  it("leaves the previous build whole when the app the document comes from fails", async () => {
    const before = snapshot(dist);
    const broken = path.join(scratch, "broken-app.ts");
    writeFileSync(broken, 'export function createApp(): never {\n  throw new Error("a route failed to load");\n}\n');
    await expect(buildClient({ dist, app: broken })).rejects.toThrow(/a route failed to load/);
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(openapiAsset(dist))).toBe(true);
  }, 120_000);

  it("leaves the previous build whole when a bundle does not compile", async () => {
    const before = snapshot(dist);
    const broken = path.join(scratch, "broken-entry.ts");
    writeFileSync(broken, "export const half = ;\n");
    await expect(buildClient({ dist, entries: { ...ENTRIES, "/assets/broken.js": broken } })).rejects.toThrow();
    expect(snapshot(dist)).toEqual(before);
  }, 120_000);
});
