import { Hono } from "hono";
import { ASSETS } from "../../widget/dist/assets";
import type { AppEnv } from "../env";

/**
 * Serves the bundles built by scripts/build-client.mjs from inside the Worker.
 * Clients revalidate with the ETag; a 304 costs a few bytes. `?v=<etag>` URLs
 * are content-addressed, so they may be cached for a year.
 */
export const assetRoutes = new Hono<AppEnv>().get("*", async (c, next) => {
  const asset = ASSETS[c.req.path];
  if (!asset) return next();
  const immutable = c.req.query("v") !== undefined && `"${c.req.query("v")}"` === asset.etag;
  const headers = {
    "Content-Type": asset.type,
    ETag: asset.etag,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300, must-revalidate",
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304, headers);
  return c.body(asset.body, 200, headers);
});

/** A versioned URL of an asset, for pages that embed it. */
export function assetUrl(path: string): string {
  const asset = ASSETS[path];
  return asset ? `${path}?v=${asset.etag.slice(1, -1)}` : path;
}
