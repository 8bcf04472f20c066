import { z } from "@hono/zod-openapi";
import { looksLikeShopOrderId, SHOP_ORDER_SOURCES } from "../domain/order-id";
import { LOCALES } from "../domain/questions";
import { Compensation, HandlingMinutes } from "../http/cost-schemas";
import { amountText, currencyCode, HookCustomer, idText, isoInstant, segment, toMinor } from "./payload";
import type { HookEvent } from "./source";

/**
 * Our own events (docs/webhooks.md, "Our own events"), as the `standard` source sends
 * them. The `data` of `interaction.closed` is also the body Zendesk, Freshdesk
 * and Gorgias templates produce.
 */

/** `interaction.closed` data. `closed_at` is required here; templated sources default it. */
export const InteractionData = z
  .object({
    ticket_id: idText,
    customer: HookCustomer.optional(),
    channel: segment.optional(),
    request_type: segment.optional(),
    agent: segment.optional(),
    team: segment.optional(),
    closed_at: isoInstant,
    locale: z.enum(LOCALES as ["en", "fr"]).optional(),
    handling_minutes: HandlingMinutes.optional(),
    compensation: Compensation.optional(),
  })
  .openapi("InteractionClosedData");

/** An order id in the workspace's own numbering: any id but one that reads as a shop's (domain/order-id.ts). */
const ownOrderId = idText.refine((id) => !looksLikeShopOrderId(id), {
  message: `An order id of your own may not begin with a shop's prefix (${SHOP_ORDER_SOURCES.map((s) => `${s}:`).join(", ")}): those name the orders that shop reported`,
});

export const OrderData = z
  .object({
    order_id: ownOrderId,
    customer: HookCustomer.optional(),
    placed_at: isoInstant,
    total: amountText,
    currency: currencyCode,
  })
  .transform((d, ctx) => ({ ...d, totalMinor: toMinor(d.total, d.currency, ctx, ["total"]) }))
  .openapi("OrderCreatedData");

export const StandardEvent = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("interaction.closed"), data: InteractionData }),
    z.object({ type: z.literal("order.created"), data: OrderData }),
    z.object({ type: z.literal("order.cancelled"), data: z.object({ order_id: ownOrderId }) }),
  ])
  .openapi("StandardEvent");

export type InteractionDataIn = Omit<z.output<typeof InteractionData>, "closed_at"> & { closed_at?: number };

/** Turns `interaction.closed` data into our event. */
export function interactionEvent(data: InteractionDataIn): HookEvent {
  return {
    kind: "interaction",
    interaction: {
      ticketId: data.ticket_id,
      customer: data.customer,
      channel: data.channel,
      requestType: data.request_type,
      agent: data.agent,
      team: data.team,
      closedAt: data.closed_at,
      handlingSeconds: data.handling_minutes,
      compensation: data.compensation,
    },
    ...(data.locale ? { locale: data.locale } : {}),
  };
}

/** Turns a parsed standard event into ours. */
export function standardEvent(event: z.output<typeof StandardEvent>): HookEvent {
  switch (event.type) {
    case "interaction.closed":
      return interactionEvent(event.data);
    case "order.created":
      return {
        kind: "order",
        order: {
          orderId: event.data.order_id,
          customer: event.data.customer,
          placedAt: event.data.placed_at,
          totalMinor: event.data.totalMinor,
          currency: event.data.currency,
        },
      };
    case "order.cancelled":
      return { kind: "cancellation", orderId: event.data.order_id };
  }
}
