import { concatBytes, hmac, isFresh, sameSignature, toBase64, utf8 } from "./crypto";
import { header } from "./payload";
import { checkPlainSecret, type HookSource } from "./source";
import { mapTemplated } from "./templated";

/**
 * `zendesk`: a trigger's webhook whose JSON body is the `interaction.closed`
 * data (docs/webhooks.md: the trigger template). Signed as Zendesk documents:
 * `X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret, timestamp + body))`
 * with no separator, the timestamp being `X-Zendesk-Webhook-Signature-Timestamp`
 * (ISO-8601), accepted within ±5 min. Retries of one trigger firing share
 * `X-Zendesk-Webhook-Invocation-Id`, the idempotency key.
 */
export const zendeskSource: HookSource = {
  name: "zendesk",
  trustsCustomerIds: false,
  checkSecret: checkPlainSecret,

  async verify(delivery, secret) {
    const signature = header(delivery.headers, "x-zendesk-webhook-signature");
    const timestamp = header(delivery.headers, "x-zendesk-webhook-signature-timestamp");
    if (!signature || !timestamp || !isFresh(Date.parse(timestamp), delivery.receivedAt)) return false;
    const expected = toBase64(await hmac("SHA-256", secret, concatBytes(utf8(timestamp), delivery.body)));
    if (!(await sameSignature(signature, expected))) return false;
    const invocation = header(delivery.headers, "x-zendesk-webhook-invocation-id");
    return { deliveryId: invocation && invocation.length <= 200 ? invocation : null };
  },

  map: (payload, delivery) => mapTemplated(payload, delivery, ["solved", "closed"]),
};
