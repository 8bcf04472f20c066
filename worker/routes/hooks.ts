import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** POST /v1/hooks/:workspace_id/:source (issue 5). Not built yet. */
export const hookRoutes = new OpenAPIHono<AppEnv>();
