import { z } from "@hono/zod-openapi";
import { InteractionData, interactionEvent } from "./events";
import { dropBlanks, looseInstant, parseOr422 } from "./payload";
import type { Delivery, Mapped } from "./source";

/**
 * The body a support tool's trigger template produces: the `data` of
 * `interaction.closed`, with `closed_at` optional (receipt time when absent)
 * and an optional `status` so one template can serve a trigger that fires on
 * every update. Placeholders the ticket lacks render as "" and count as absent.
 */
export const TemplatedBody = InteractionData.extend({
  closed_at: looseInstant.optional(),
  status: z.string().trim().max(50).optional(),
});

/**
 * Maps a templated body. A `status` outside `closedStatuses` is acknowledged
 * and ignored, so a trigger may fire on every update. The whole
 * `{"type": "interaction.closed", "data": {...}}` envelope is accepted too.
 */
export function mapTemplated(payload: unknown, delivery: Delivery, closedStatuses: readonly string[]): Mapped {
  let body = dropBlanks(payload);
  if (
    body &&
    typeof body === "object" &&
    "data" in body &&
    (body as { type?: unknown }).type === "interaction.closed"
  ) {
    body = (body as { data: unknown }).data;
  }
  const data = parseOr422(TemplatedBody, body);
  if (data.status && !closedStatuses.includes(data.status.toLowerCase())) {
    return { ignored: `status "${data.status}" is not a closing status` };
  }
  return { event: interactionEvent({ ...data, closed_at: data.closed_at ?? delivery.receivedAt }) };
}
