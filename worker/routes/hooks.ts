import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { receiveDelivery } from "../hooks/receiver";
import { SOURCE_NAMES } from "../hooks/sources";
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
    "Public, authenticated by the source's signature over the raw body (see docs/webhooks.md for each tool's setup).",
    "`standard`: our own events `interaction.closed`, `order.created`, `order.cancelled`, signed per Standard Webhooks v1.",
    "`shopify`: `orders/create`, `orders/cancelled`. `zendesk`: a trigger template producing the `interaction.closed` data.",
    "`freshdesk`, `gorgias`: the same template body, with the secret in `X-Aftercare-Secret`.",
    "`helpscout`: conversation status events. `intercom`: `conversation.admin.closed`. `woocommerce`: order topics.",
    "A replayed delivery id answers 200 with `duplicate: true` and changes nothing.",
  ].join("\n\n"),
  request: {
    params: z.object({
      workspace_id: z.string().openapi({ example: "ws_8f3k…" }),
      source: z.string().openapi({ enum: SOURCE_NAMES }),
    }),
  },
  responses: {
    200: jsonResponse("Processed, replayed or acknowledged", HookAnswer),
    ...errors(400, 401, 413, 422),
  },
});

/** POST /v1/hooks/:workspace_id/:source. Thin: the pipeline is `worker/hooks/receiver.ts`. */
export const hookRoutes = new OpenAPIHono<AppEnv>().openapi(receive, async (c) => {
  const { workspace_id, source } = c.req.valid("param");
  return c.json(await receiveDelivery(c.env, c.req.raw, workspace_id, source), 200);
});
