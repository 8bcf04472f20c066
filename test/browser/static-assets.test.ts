import { inject } from "vitest";
import { describe, expect, test } from "../support/browser/fixture.js";

/**
 * The browser bundles and stylesheets are Workers Static Assets (wrangler.toml
 * [assets], headers from widget/dist/public/_headers), answered by the asset
 * server in front of the Worker: this checks them as `wrangler dev` serves them.
 */
const origin = inject("origin");

async function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, { headers: { origin: "https://shop.example", ...headers } });
}

/** Every asset a third-party page or our own pages load: CORS-readable, embeddable cross-origin, never sniffed. */
function expectEmbeddable(res: Response, type: RegExp) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(type);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("etag")).toBeTruthy();
}

/** The `src`/`href` of every script and stylesheet in a page. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link rel="stylesheet")[^>]*\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
}

describe("static assets", () => {
  test("/widget.js keeps its URL for shops to embed: short cache, revalidated by ETag", async () => {
    const res = await get("/widget.js");
    expectEmbeddable(res, /^text\/javascript/);
    const cache = res.headers.get("cache-control") ?? "";
    expect(cache).toContain("must-revalidate");
    expect(cache).not.toContain("immutable");
    expect(Number(/max-age=(\d+)/.exec(cache)?.[1])).toBeLessThanOrEqual(3600);
    expect((await res.text()).length).toBeGreaterThan(1000);

    const again = await get("/widget.js", { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  test("pages reference content-hashed scripts and styles, cached for a year, under the strict CSP", async ({
    api,
    workspace: ws,
  }) => {
    const { url } = await api.invite(ws, { ticket_id: "A-1" });
    const pages = ["/dashboard", "/docs", new URL(url).pathname];
    const seen = new Set<string>();
    for (const page of pages) {
      const res = await get(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get("content-security-policy"), page).toMatch(/script-src 'self'; style-src 'self'/);
      const html = await res.text();
      const assets = assetsOf(html);
      expect(assets.length, page).toBeGreaterThanOrEqual(2);
      for (const asset of assets) seen.add(asset);
    }
    for (const asset of seen) {
      expect(asset).toMatch(/^\/assets\/[\w-]+\.\w{10}\.(js|css)$/);
      const res = await get(asset);
      expectEmbeddable(res, asset.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      expect(res.headers.get("cache-control"), asset).toBe("public, max-age=31536000, immutable");
    }
  });

  test("does not serve the build's own files or unknown assets", async () => {
    expect((await get("/_headers")).status).toBe(404);
    const missing = await get("/assets/dashboard.0000000000.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/json/);
  });
});
