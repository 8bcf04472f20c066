import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** GET /dashboard and GET /docs (issue 6). Not built yet. */
export const dashboardRoutes = new OpenAPIHono<AppEnv>();
