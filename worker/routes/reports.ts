import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** GET /v1/reports/weekly (issue 4). Not built yet. */
export const reportRoutes = new OpenAPIHono<AppEnv>();
