import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** GET /v1/repurchase (issue 5). Not built yet. */
export const repurchaseRoutes = new OpenAPIHono<AppEnv>();
