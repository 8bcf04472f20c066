import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { DELIVERY_STATUSES, ENDPOINT_FORMATS, EVENT_TYPES } from "../domain/event-types";
import { LOCALES } from "../domain/questions";
import type { AppEnv } from "../env";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import { removeEndpoint } from "../services/remove-webhook-endpoint";
import { subscribeEndpoint } from "../services/subscribe-webhook-endpoint";
import { endpointDeliveries } from "../services/webhook-endpoint-deliveries";
import { listEndpoints } from "../store/webhook-endpoints";

const CreateEndpoint = z
  .object({
    url: z.string().trim().min(1).max(2000),
    events: z
      .array(z.enum(EVENT_TYPES))
      .min(1)
      .refine((e) => new Set(e).size === e.length, "Events must not repeat")
      .optional()
      .openapi({ description: "Default: every event" }),
    format: z.enum(ENDPOINT_FORMATS).default("standard"),
    description: z.string().trim().max(500).optional(),
    locale: z
      .enum(LOCALES)
      .optional()
      .openapi({ description: "Language of Slack messages; default from the workspace's timezone" }),
  })
  .strict()
  .openapi("CreateWebhookEndpoint");

const Endpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(EVENT_TYPES)),
    format: z.enum(ENDPOINT_FORMATS),
    description: z.string().nullable(),
    locale: z.enum(LOCALES),
    created_at: z.string(),
  })
  .openapi("WebhookEndpoint");

const Delivery = z
  .object({
    id: z.string().openapi({ description: "The `webhook-id`, the same on every try" }),
    type: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number(),
    last_status: z.number().nullable().openapi({ description: "HTTP status of the last try; null if none came" }),
    last_error: z
      .string()
      .nullable()
      .openapi({ description: "`http_status`, `redirect` (never followed), `timeout` or `network`" }),
    last_attempt_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("WebhookDelivery");

const IdParam = z.object({ id: z.string().max(100) });

const create = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  tags: ["Events out"],
  summary: "Subscribe a URL to events",
  description:
    "`standard` deliveries are signed as Standard Webhooks with `secret` (shown once); `slack` deliveries are Slack incoming-webhook bodies. URLs are https on a public host name.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: jsonRequest(CreateEndpoint),
  responses: {
    201: jsonResponse("Created", Endpoint.extend({ secret: z.string().optional() })),
    ...errors(400, 401, 403, 413, 415, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  tags: ["Events out"],
  summary: "List the workspace's webhook endpoints (never their secrets)",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  responses: { 200: jsonResponse("The endpoints", z.object({ items: z.array(Endpoint) })), ...errors(401, 403) },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Events out"],
  summary: "Delete an endpoint and its delivery log",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404) },
});

const deliveries = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints/{id}/deliveries",
  tags: ["Events out"],
  summary: "The endpoint's delivery log, newest first",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: {
    params: IdParam,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  },
  responses: {
    200: jsonResponse("The deliveries", z.object({ items: z.array(Delivery) })),
    ...errors(401, 403, 404, 422),
  },
});

export const webhookEndpointRoutes = new OpenAPIHono<AppEnv>()
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const { endpoint, secret } = await subscribeEndpoint(c.var.db, c.var.workspaceId, body, {
      allowLocal: c.env.ALLOW_LOCAL_WEBHOOKS === "on",
      origin: c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin,
    });
    // A Slack incoming webhook checks no signature; the secret is only given where it signs.
    return c.json(body.format === "standard" ? { ...endpoint, secret } : endpoint, 201);
  })
  .openapi(list, async (c) => c.json({ items: await listEndpoints(c.var.db, c.var.workspaceId) }, 200))
  .openapi(remove, async (c) => {
    await removeEndpoint(c.var.db, c.var.workspaceId, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(deliveries, async (c) => {
    const { id } = c.req.valid("param");
    const items = await endpointDeliveries(c.var.db, c.var.workspaceId, id, c.req.valid("query").limit);
    return c.json({ items }, 200);
  });
