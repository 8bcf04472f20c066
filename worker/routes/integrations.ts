import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/** PUT/GET /v1/integrations (issue 5). Not built yet. */
export const integrationRoutes = new OpenAPIHono<AppEnv>();
