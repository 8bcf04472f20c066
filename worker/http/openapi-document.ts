import type { Context } from "hono";
import { OPENAPI_ASSET_PATH } from "../../widget/dist/openapi";
import type { AppEnv } from "../env";

/**
 * `/openapi.json`'s top-level fields. The rest (paths, components) comes from
 * the routes' zod schemas: scripts/build-openapi.mjs generates the document at
 * build time with this config and `PLACEHOLDER_ORIGIN` and writes it as a
 * static asset, so neither the document (~10 KB gzip) nor zod-to-openapi's
 * generators (worker/zod-to-openapi/index.ts) weigh on the Worker bundle.
 */
export function openApiConfig(origin: string) {
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Aftercare API",
      version: "1",
      description: "CSAT, NPS and CES surveys tied to support tickets, and the repurchase rate after an interaction.",
    },
    servers: [{ url: origin }],
  };
}

/** The origin the build writes into `servers`; each request gets its own instead. */
export const PLACEHOLDER_ORIGIN = "https://aftercare.invalid";

/** Serves the build-time document with `servers` naming the origin the request came to. */
export async function serveOpenApiDocument(c: Context<AppEnv>) {
  const asset = await c.env.ASSETS.fetch(new URL(OPENAPI_ASSET_PATH, c.req.url));
  if (!asset.ok) throw new Error(`the OpenAPI document asset ${OPENAPI_ASSET_PATH} answered ${asset.status}`);
  const document = await asset.json<Record<string, unknown>>();
  // Spread: `servers` keeps its place among the keys, so the JSON reads as generated.
  return c.json({ ...document, servers: [{ url: new URL(c.req.url).origin }] });
}
