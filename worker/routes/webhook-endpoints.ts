import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { database } from "../db";
import { LOCALES } from "../domain/questions";
import type { AppEnv } from "../env";
import { checkEndpointUrl } from "../events/endpoint-url";
import { ENDPOINT_FORMATS, EVENT_TYPES } from "../events/event-types";
import { newEndpointSecret } from "../events/sign";
import { localeForTimezone } from "../events/slack";
import { invalid, notFound } from "../http/errors";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import {
  createEndpoint,
  deleteEndpoint,
  endpointExists,
  listDeliveries,
  listEndpoints,
} from "../store/webhook-endpoints";
import { getWorkspace } from "../store/workspaces";

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
      .enum(LOCALES as ["en", "fr"])
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
    locale: z.enum(["en", "fr"]),
    created_at: z.string(),
  })
  .openapi("WebhookEndpoint");

const Delivery = z
  .object({
    id: z.string().openapi({ description: "The `webhook-id`, the same on every try" }),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
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
    const problem = checkEndpointUrl(body.url, c.env.ALLOW_LOCAL_WEBHOOKS === "on");
    if (problem) throw invalid([{ path: "url", message: problem }]);
    const workspace = await getWorkspace(database(c.env), c.var.workspaceId);
    const secret = newEndpointSecret();
    const origin = c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
    const endpoint = await createEndpoint(c.env.DB, c.var.workspaceId, {
      url: body.url,
      events: body.events ?? [...EVENT_TYPES],
      format: body.format,
      description: body.description ?? null,
      locale: body.locale ?? localeForTimezone(workspace.timezone),
      secret,
      dashboardUrl: `${origin}/dashboard#follow-ups`,
    });
    // A Slack incoming webhook checks no signature; the secret is only given where it signs.
    return c.json(body.format === "standard" ? { ...endpoint, secret } : endpoint, 201);
  })
  .openapi(list, async (c) => c.json({ items: await listEndpoints(c.env.DB, c.var.workspaceId) }, 200))
  .openapi(remove, async (c) => {
    if (!(await deleteEndpoint(c.env.DB, c.var.workspaceId, c.req.valid("param").id)))
      throw notFound("Webhook endpoint");
    return c.body(null, 204);
  })
  .openapi(deliveries, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await endpointExists(c.env.DB, c.var.workspaceId, id))) throw notFound("Webhook endpoint");
    const items = await listDeliveries(c.env.DB, c.var.workspaceId, id, c.req.valid("query").limit);
    return c.json({ items: items as z.infer<typeof Delivery>[] }, 200);
  });
