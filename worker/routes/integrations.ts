import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { SOURCE_NAMES } from "../hooks/sources";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import { publicOrigin } from "../http/public-origin";
import { removeIntegration } from "../services/remove-integration";
import { setIntegrationSecret } from "../services/set-integration-secret";
import { listIntegrations } from "../store/integrations";

const SourceParam = z.object({
  source: z.string().openapi({ enum: SOURCE_NAMES, description: "The webhook source" }),
});

const PutIntegration = z
  .object({
    secret: z.string().max(512).openapi({
      description:
        "The source's signing secret. `standard`: `whsec_` + base64 key; `freshdesk`, `gorgias`: a random value of 24+ characters sent as `X-Aftercare-Secret`; others: the secret the tool shows or accepts.",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
  })
  .openapi("PutIntegration");

const IntegrationBody = z
  .object({
    source: z.string(),
    webhook_url: z.string().openapi({ description: "Paste this URL into the tool" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Integration");

const put = createRoute({
  method: "put",
  path: "/v1/integrations/{source}",
  tags: ["Integrations"],
  summary: "Set a webhook source's signing secret",
  description: "Creates (201) or replaces (200) the secret. The secret is never returned, listed or logged.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: { params: SourceParam, ...jsonRequest(PutIntegration) },
  responses: {
    200: jsonResponse("Replaced", IntegrationBody),
    201: jsonResponse("Created", IntegrationBody),
    ...errors(400, 401, 403, 404, 413, 415, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/integrations",
  tags: ["Integrations"],
  summary: "List the webhook sources that are set",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  responses: {
    200: jsonResponse("The sources set, without secrets", z.object({ items: z.array(IntegrationBody) })),
    ...errors(401, 403),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/integrations/{source}",
  tags: ["Integrations"],
  summary: "Remove a webhook source",
  description: "Its receiver then answers 401 to every delivery.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: { params: SourceParam },
  responses: { 204: { description: "Removed" }, ...errors(401, 403, 404) },
});

function integrationJson(
  origin: string,
  workspaceId: string,
  row: { source: string; createdAt: number; updatedAt: number },
) {
  return {
    source: row.source,
    webhook_url: `${origin}/v1/hooks/${workspaceId}/${row.source}`,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
  };
}

/** PUT/GET/DELETE /v1/integrations (admin scope). */
export const integrationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(put, async (c) => {
    const { secret } = c.req.valid("json");
    const { created, row } = await setIntegrationSecret(
      c.var.db,
      c.var.workspaceId,
      c.req.valid("param").source,
      secret,
    );
    const body = integrationJson(publicOrigin(c.env, c.req.url), c.var.workspaceId, row);
    return created ? c.json(body, 201) : c.json(body, 200);
  })
  .openapi(list, async (c) => {
    const rows = await listIntegrations(c.var.db, c.var.workspaceId);
    const origin = publicOrigin(c.env, c.req.url);
    return c.json({ items: rows.map((r) => integrationJson(origin, c.var.workspaceId, r)) }, 200);
  })
  .openapi(remove, async (c) => {
    await removeIntegration(c.var.db, c.var.workspaceId, c.req.valid("param").source);
    return c.body(null, 204);
  });
