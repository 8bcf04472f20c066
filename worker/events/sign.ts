import { Webhook } from "standardwebhooks";
import { base64 } from "../auth/secrets";

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newEndpointSecret(): string {
  return `whsec_${base64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * The Standard Webhooks v1 headers of one try: the message id stays the same
 * on every try (the receiver's idempotency key); the timestamp and signature
 * are of this try, so a receiver's ±5 min tolerance accepts late retries.
 */
export function signedHeaders(secret: string, messageId: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}
