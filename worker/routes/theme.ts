import { OpenAPIHono } from "@hono/zod-openapi";
import { themeCss } from "../domain/brand";
import type { AppEnv } from "../env";

/**
 * A brand colour's stylesheet (worker/domain/brand.ts): the colour is the whole input, so the
 * answer never changes and caches for a year; the pages' CSP allows only same-origin styles.
 */
export const themeRoutes = new OpenAPIHono<AppEnv>().get("/theme/:file{[0-9a-fA-F]{6}\\.css}", (c) => {
  const hex = c.req.param("file").slice(0, 6);
  return c.body(themeCss(`#${hex}`), 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
  });
});
