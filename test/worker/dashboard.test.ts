import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ASSET_MANIFEST } from "../../widget/dist/manifest";
import { createApp } from "../../worker/app";
import { PAGE_CSP } from "../../worker/http/security-headers";
import { call } from "../support/worker/helpers";

/** A static asset, as the asset server (wrangler.toml [assets]) answers it before the Worker runs. */
function asset(path: string): Promise<Response> {
  return env.ASSETS.fetch(`https://aftercare.test${path}`);
}

describe("GET /dashboard and GET /docs", () => {
  for (const [path, script] of [
    ["/dashboard", "/assets/dashboard.js"],
    ["/docs", "/assets/docs.js"],
  ] as const) {
    it(`${path} is an HTML shell under the strict CSP, with no inline script or style`, async () => {
      const res = await call("GET", path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("content-security-policy")).toBe(PAGE_CSP);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      // Every script has a src; no <style> element; no style attribute.
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(res.text).not.toMatch(/<style/i);
      expect(res.text).not.toMatch(/\sstyle=/i);
      expect(res.text).toMatch(/<html lang="en">/);
      expect(res.text).toMatch(/<meta name="viewport"/);

      // Content-hashed names, served by the asset server (test/browser/static-assets.test.ts checks its headers).
      const [base, ext] = script.split(".") as [string, string];
      const scriptUrl = new RegExp(`src="(${base}\\.\\w{10}\\.${ext})"`).exec(res.text)?.[1];
      const cssUrl = /href="(\/assets\/dashboard\.\w{10}\.css)"/.exec(res.text)?.[1];
      expect(scriptUrl).toBeTruthy();
      expect(cssUrl).toBeTruthy();
      const js = await asset(scriptUrl as string);
      expect(js.status).toBe(200);
      expect(js.headers.get("content-type")).toMatch(/javascript/);
      const css = await asset(cssUrl as string);
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toMatch(/text\/css/);
    });
  }

  it("keeps the dashboard and docs bundles lean", async () => {
    const sizes: Record<string, number> = {};
    for (const path of ["/assets/dashboard.js", "/assets/docs.js", "/assets/dashboard.css"]) {
      const res = await asset(ASSET_MANIFEST[path] as string);
      expect(res.status).toBe(200);
      const gz = await new Response(
        new Blob([await res.text()]).stream().pipeThrough(new CompressionStream("gzip")),
      ).arrayBuffer();
      sizes[path] = gz.byteLength;
    }
    // Preact, hand-written SVG charts and two languages; swagger-ui alone would be ~400 KB.
    expect(sizes["/assets/dashboard.js"]).toBeLessThan(30_000);
    expect(sizes["/assets/docs.js"]).toBeLessThan(15_000);
    expect(sizes["/assets/dashboard.css"]).toBeLessThan(6_000);
  });
});

describe("GET /openapi.json", () => {
  it("documents every /v1 route the Worker serves", async () => {
    const res = await call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1/);
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = new Set(
      createApp()
        .routes.filter((r) => r.path.startsWith("/v1/") && r.method !== "ALL" && r.method !== "OPTIONS")
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect(served.size).toBeGreaterThan(5);
    const missing = [...served].filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });
});
