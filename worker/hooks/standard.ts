import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { StandardEvent, standardEvent } from "./events";
import { header, parseOr422 } from "./payload";
import type { HookSource } from "./source";

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/**
 * `standard`: our own events, signed per Standard Webhooks v1 with the
 * maintained reference library (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256(key, id.timestamp.body)>`, ±5 min).
 * `webhook-id` is the idempotency key.
 */
export const standardSource: HookSource = {
  name: "standard",
  trustsCustomerIds: true,

  checkSecret(secret) {
    const m = SECRET.exec(secret);
    if (!m) return "Expected whsec_ followed by base64, e.g. whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let bytes: number;
    try {
      bytes = atob(m[1] as string).length;
    } catch {
      return "The part after whsec_ is not valid base64";
    }
    if (bytes < 16 || bytes > 128) return "The key must decode to 16 to 128 bytes (24 to 64 recommended)";
    return null;
  },

  async verify(delivery, secret) {
    const id = header(delivery.headers, "webhook-id");
    const timestamp = header(delivery.headers, "webhook-timestamp");
    const signature = header(delivery.headers, "webhook-signature");
    if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || id.length > 200) return false;
    try {
      new Webhook(secret).verify(
        delivery.text,
        { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature },
        { jsonParse: false },
      );
    } catch (e) {
      if (e instanceof WebhookVerificationError) return false;
      throw e;
    }
    return { deliveryId: id };
  },

  map(payload) {
    return { event: standardEvent(parseOr422(StandardEvent, payload)) };
  },
};
