import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { receiveDelivery } from "../hooks/receiver";
import { SOURCE_NAMES } from "../hooks/sources";
import { webhookBodyLimit } from "../http/json-body";
import { errors, jsonResponse } from "../http/openapi";
import { InvitationBody } from "./invitations";

const HookAnswer = InvitationBody.partial()
  .extend({
    ok: z.literal(true),
    duplicate: z.literal(true).optional().openapi({ description: "This delivery id was already processed" }),
    ignored: z.string().optional().openapi({ description: "Authentic, but not an event Aftercare records" }),
    invitation: InvitationBody.optional().openapi({
      description:
        "The same invitation object as at the top level (kept for clients that read it here). For a solved ticket, when the workspace has a default survey, the top level carries `token`, `url`, `links`, `embed` and `expires_at` as `POST /v1/invitations` does: links for the closing e-mail.",
    }),
  })
  .openapi("HookAnswer");

const receive = createRoute({
  method: "post",
  path: "/v1/hooks/{workspace_id}/{source}",
  tags: ["Webhooks"],
  summary: "Receive a webhook from a support tool or a shop",
  description: [
    "Public, authenticated by the source's signature over the raw body (docs/webhooks.md gives each tool's setup).",
    "`standard`: our own events `interaction.closed`, `order.created`, `order.cancelled`, signed per Standard Webhooks v1.",
    "`shopify`: `orders/create`, `orders/cancelled`. `zendesk`: a trigger template producing the `interaction.closed` data, or Zendesk event webhooks (`zen:event-type:…`).",
    "`freshdesk`, `gorgias`: the same template body, with the secret in `X-Aftercare-Secret`.",
    "`helpscout`: conversation status events. `intercom`: `conversation.admin.closed` (API 1.x and 2.x). `woocommerce`: order topics.",
    "Only the signed body changes data: topic headers route, cancellation is read from the body. Test orders and $0.00 orders are acknowledged and not recorded.",
    "A replayed delivery id answers 200 with `duplicate: true` and changes nothing. Bodies up to 1 MB (413 beyond), nested at most 64 levels (422 `too_deeply_nested`).",
    "The endpoint's rate budget is spent by verified deliveries only; failed signatures are charged to the caller's address (429 past its budget).",
  ].join("\n\n"),
  request: {
    params: z.object({
      workspace_id: z.string().openapi({ example: "ws_8f3k…" }),
      source: z.string().openapi({ enum: SOURCE_NAMES }),
    }),
  },
  responses: {
    200: jsonResponse("Processed, replayed or acknowledged", HookAnswer),
    ...errors(400, 401, 413, 422, 429),
  },
});

/** POST /v1/hooks/:workspace_id/:source. Thin: the pipeline is `worker/hooks/receiver.ts`. */
export const hookRoutes = new OpenAPIHono<AppEnv>();
// Real orders run larger than the API's 64 KB (80 line items are ~84 KB): receivers take up to 1 MB.
hookRoutes.use("/v1/hooks/*", webhookBodyLimit);
hookRoutes.openapi(receive, async (c) => {
  const { workspace_id, source } = c.req.valid("param");
  const request = {
    headers: c.req.raw.headers,
    body: new Uint8Array(await c.req.arrayBuffer()),
    url: c.req.url,
    ip: c.req.header("cf-connecting-ip") ?? null,
  };
  return c.json(await receiveDelivery(c.var.db, c.env, request, workspace_id, source), 200);
});
