import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** /s/:token, /r/:token/:type/:value and /demo: the customer-facing HTML pages (issue 3). Not built yet. */
export const pageRoutes = new OpenAPIHono<AppEnv>();
