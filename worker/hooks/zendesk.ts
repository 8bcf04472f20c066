import { z } from "@hono/zod-openapi";
import { base64, concatBytes, hmac, sameSignature, utf8 } from "../auth/crypto";
import { isFresh } from "./freshness";
import { header, idText, looseInstant, parseOr422 } from "./payload";
import { checkPlainSecret, type Delivery, type HookSource, type Mapped } from "./source";
import { mapTemplated } from "./templated";

/** Zendesk's event webhooks (`"type": "zen:event-type:…"`): the parts read from `ticket.status_changed`. */
const TicketStatusChanged = z.object({
  type: z.literal("zen:event-type:ticket.status_changed"),
  time: looseInstant.optional().nullable().catch(null),
  detail: z
    .object({
      id: idText,
      status: z.string().max(50).optional().nullable(),
      assignee_id: idText.optional().nullable().catch(null),
      group_id: idText.optional().nullable().catch(null),
      via: z
        .object({ channel: z.string().max(50).optional().nullable() })
        .partial()
        .nullable()
        .optional()
        .catch(null),
    })
    .passthrough(),
  // `current` is the new status; some event versions wrap it as `{"status": …}`.
  event: z
    .object({
      current: z
        .union([z.string().max(50), z.object({ status: z.string().max(50).optional().nullable() }).partial()])
        .optional()
        .nullable(),
    })
    .partial()
    .nullable()
    .optional()
    .catch(null),
});

const SOLVED = ["solved", "closed"];

/**
 * An event webhook body. Only a ticket whose status became solved or closed is
 * an interaction; every other event is acknowledged (200) and records nothing,
 * so Zendesk neither retries it nor flags the webhook. These bodies name the
 * requester by Zendesk's own id only, so the ticket is recorded without a
 * customer (Zendesk ids are not shared with other tools).
 */
function mapEvent(payload: { type: string }, delivery: Delivery): Mapped {
  if (payload.type !== "zen:event-type:ticket.status_changed") return { ignored: `event ${payload.type}` };
  const e = parseOr422(TicketStatusChanged, payload);
  const current = e.event?.current;
  const status = ((typeof current === "string" ? current : current?.status) ?? e.detail.status ?? "").toLowerCase();
  if (!SOLVED.includes(status)) return { ignored: `status ${status || "(none)"}` };
  return {
    event: {
      kind: "interaction",
      interaction: {
        ticketId: e.detail.id,
        customer: null,
        channel: e.detail.via?.channel?.trim() || undefined,
        agent: e.detail.assignee_id ?? undefined,
        team: e.detail.group_id ?? undefined,
        closedAt: e.time ?? delivery.receivedAt,
      },
    },
  };
}

const isEventBody = (payload: unknown): payload is { type: string } =>
  typeof (payload as { type?: unknown } | null)?.type === "string" &&
  (payload as { type: string }).type.startsWith("zen:event-type:");

/**
 * `zendesk`: a trigger's webhook whose JSON body is the `interaction.closed`
 * data (docs/webhooks.md gives the trigger template). Signed as Zendesk documents:
 * `X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret, timestamp + body))`
 * with no separator, the timestamp being `X-Zendesk-Webhook-Signature-Timestamp`
 * (ISO-8601), accepted within ±5 min. Retries of one trigger firing share
 * `X-Zendesk-Webhook-Invocation-Id`, the idempotency key. A webhook
 * subscribed to Zendesk events instead sends its own shape (`mapEvent`).
 */
export const zendeskSource: HookSource = {
  name: "zendesk",
  trustsCustomerIds: false,
  checkSecret: checkPlainSecret,

  async verify(delivery, secret) {
    const signature = header(delivery.headers, "x-zendesk-webhook-signature");
    const timestamp = header(delivery.headers, "x-zendesk-webhook-signature-timestamp");
    if (!signature || !timestamp || !isFresh(Date.parse(timestamp), delivery.receivedAt)) return false;
    const expected = base64(await hmac("SHA-256", secret, concatBytes(utf8(timestamp), delivery.body)));
    if (!(await sameSignature(signature, expected))) return false;
    const invocation = header(delivery.headers, "x-zendesk-webhook-invocation-id");
    return { deliveryId: invocation && invocation.length <= 200 ? invocation : null };
  },

  map: (payload, delivery) =>
    isEventBody(payload) ? mapEvent(payload, delivery) : mapTemplated(payload, delivery, SOLVED),
};
