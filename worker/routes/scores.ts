import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** GET /v1/scores (issue 4). Not built yet. */
export const scoreRoutes = new OpenAPIHono<AppEnv>();
