import { z } from "@hono/zod-openapi";
import { base64, hmac, sameSignature } from "../auth/crypto";
import { shopOrderId } from "../domain/order-id";
import { amountText, currencyCode, header, idText, looseInstant, parseOr422, toMinor } from "./payload";
import { checkPlainSecret, type HookSource } from "./source";

const email = z.string().trim().max(320).email();

/** The fields of Shopify's order payload that Aftercare reads; the rest is ignored. */
const ShopifyOrder = z
  .object({
    id: idText,
    created_at: looseInstant,
    total_price: amountText,
    currency: currencyCode,
    test: z.boolean().optional().nullable().catch(null),
    cancelled_at: z.string().optional().nullable().catch(null),
    email: email.optional().nullable().catch(null),
    contact_email: email.optional().nullable().catch(null),
    customer: z
      .object({ email: email.optional().nullable().catch(null) })
      .nullable()
      .optional()
      .catch(null),
  })
  .transform((o, ctx) => ({ ...o, totalMinor: toMinor(o.total_price, o.currency, ctx, ["total_price"]) }));

/** The order topics whose body is an order; any other topic is acknowledged and ignored. */
const ORDER_TOPICS = new Set(["orders/create", "orders/cancelled"]);

/**
 * `shopify`: `orders/create` and `orders/cancelled` (`X-Shopify-Topic`), signed
 * `X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, raw body))` with the app's
 * client secret (or the store's webhook signing secret), deduplicated on
 * `X-Shopify-Webhook-Id`. `created_at` carries its UTC offset. Shopify's
 * customer ids are its own, so customers match by e-mail only. Order ids are
 * namespaced (`shopify:<id>`) so they never collide with another shop tool's.
 *
 * The topic header is not signed, so it only routes: whether the order is
 * cancelled is read from the signed body (`cancelled_at`), and a captured
 * `orders/create` replayed as `orders/cancelled` cancels nothing. A test order
 * (`test: true`, e.g. "Send test notification") is acknowledged and not recorded.
 */
export const shopifySource: HookSource = {
  name: "shopify",
  trustsCustomerIds: false,
  checkSecret: checkPlainSecret,

  async verify(delivery, secret) {
    const expected = base64(await hmac("SHA-256", secret, delivery.body));
    if (!(await sameSignature(header(delivery.headers, "x-shopify-hmac-sha256"), expected))) return false;
    const id = header(delivery.headers, "x-shopify-webhook-id");
    return { deliveryId: id && id.length <= 200 ? id : null };
  },

  map(payload, delivery) {
    const topic = header(delivery.headers, "x-shopify-topic");
    if (!topic || !ORDER_TOPICS.has(topic)) return { ignored: `topic ${topic ?? "(none)"}` };
    const o = parseOr422(ShopifyOrder, payload);
    if (o.test === true) return { ignored: "test order" };
    // The order's own address is the one the customer typed at checkout; `customer.email`
    // is the account's, which may be older. Shopify's own sample has them differ.
    const address = o.email ?? o.contact_email ?? o.customer?.email ?? null;
    return {
      event: {
        kind: "order",
        order: {
          orderId: shopOrderId("shopify", o.id),
          customer: address ? { email: address } : null,
          placedAt: o.created_at,
          totalMinor: o.totalMinor,
          currency: o.currency,
        },
        cancelled: Boolean(o.cancelled_at?.trim()),
      },
    };
  },
};
