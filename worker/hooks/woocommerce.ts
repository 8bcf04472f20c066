import { z } from "@hono/zod-openapi";
import { base64, hmac, sameSignature } from "../auth/crypto";
import { shopOrderId } from "../domain/order-id";
import { amountText, currencyCode, header, idText, looseInstant, parseOr422, toMinor } from "./payload";
import { checkPlainSecret, type HookSource } from "./source";

/**
 * Statuses under which an order is no purchase. None is final: a failed card
 * retried on the same order moves it on to `processing`, and the order then
 * counts. Only a deletion (a body that is just the id) cancels for good.
 */
const CANCELLED = new Set(["cancelled", "refunded", "failed", "trash"]);

const WooOrder = z
  .object({
    id: idText,
    status: z.string().trim().max(50),
    currency: currencyCode,
    total: amountText,
    date_created_gmt: looseInstant.optional(),
    date_created: looseInstant.optional(),
    date_modified_gmt: looseInstant.optional().nullable().catch(null),
    date_modified: looseInstant.optional().nullable().catch(null),
    billing: z
      .object({ email: z.string().trim().max(320).email().optional().nullable().catch(null) })
      .optional()
      .nullable(),
  })
  .refine((o) => o.date_created_gmt !== undefined || o.date_created !== undefined, {
    message: "Expected date_created_gmt",
    path: ["date_created_gmt"],
  })
  .transform((o, ctx) => ({ ...o, totalMinor: toMinor(o.total, o.currency, ctx, ["total"]) }));

const ORDER_TOPICS = new Set(["order.created", "order.updated", "order.deleted", "order.restored"]);

/** WooCommerce's deletion body: `{"id": 123}` and nothing else. */
function isBareId(payload: unknown): boolean {
  return !!payload && typeof payload === "object" && !Array.isArray(payload) && Object.keys(payload).join() === "id";
}

/**
 * `woocommerce`: order webhooks (`X-WC-Webhook-Topic` order.created,
 * order.updated, order.deleted, order.restored), signed `X-WC-Webhook-Signature =
 * base64(HMAC-SHA256(secret, raw body))`, deduplicated on
 * `X-WC-Webhook-Delivery-ID`. Customer ids are WordPress user ids, so customers
 * match by billing e-mail only; order ids are namespaced `woocommerce:<id>`.
 *
 * The topic header is not signed, so it only routes: what an order is comes
 * from the signed body. A full order body is recorded with its `status` as of
 * its `date_modified_gmt`, whatever the topic; the row follows the latest
 * status. Only a body that is nothing but the id (what WooCommerce sends for
 * `order.deleted`) cancels for good.
 */
export const woocommerceSource: HookSource = {
  name: "woocommerce",
  trustsCustomerIds: false,
  checkSecret: checkPlainSecret,

  isHandshake(delivery) {
    // Saving a webhook in WooCommerce posts `webhook_id=<n>` and expects a 2xx.
    return /^webhook_id=\d+$/.test(delivery.text.trim());
  },

  async verify(delivery, secret) {
    const expected = base64(await hmac("SHA-256", secret, delivery.body));
    if (!(await sameSignature(header(delivery.headers, "x-wc-webhook-signature"), expected))) return false;
    const id = header(delivery.headers, "x-wc-webhook-delivery-id");
    return { deliveryId: id && id.length <= 200 ? id : null };
  },

  map(payload, delivery) {
    const topic = header(delivery.headers, "x-wc-webhook-topic");
    if (!topic || !ORDER_TOPICS.has(topic)) return { ignored: `topic ${topic ?? "(none)"}` };
    if (topic === "order.deleted" && isBareId(payload)) {
      const { id } = parseOr422(z.object({ id: idText }), payload);
      return { event: { kind: "cancellation", orderId: shopOrderId("woocommerce", id) } };
    }
    const o = parseOr422(WooOrder, payload);
    const created = (o.date_created_gmt ?? o.date_created) as number;
    const address = o.billing?.email ?? null;
    return {
      event: {
        kind: "order",
        order: {
          orderId: shopOrderId("woocommerce", o.id),
          customer: address ? { email: address } : null,
          placedAt: created,
          totalMinor: o.totalMinor,
          currency: o.currency,
          status: {
            cancelled: CANCELLED.has(o.status.toLowerCase()),
            at: o.date_modified_gmt ?? o.date_modified ?? created,
          },
        },
      },
    };
  },
};
