import { sameSignature } from "../auth/crypto";
import { header } from "./payload";
import type { Delivery } from "./source";

/** The header that carries the shared secret for tools that sign nothing. */
export const SECRET_HEADER = "x-aftercare-secret";

/**
 * For tools that cannot sign (Freshdesk, Gorgias HTTP integrations): the request
 * must carry the secret in `X-Aftercare-Secret`, compared in constant time.
 * There is no delivery id: the receiver deduplicates on the digest of the body
 * instead (delivery-key.ts), so a replayed body is a duplicate.
 */
export async function verifySharedSecret(delivery: Delivery, secret: string) {
  return (await sameSignature(header(delivery.headers, SECRET_HEADER), secret)) ? { deliveryId: null } : false;
}

/** A shared secret travels in a header on every request, so it must be long and random. */
export function checkSharedSecret(secret: string): string | null {
  if (secret.length < 24 || secret.length > 512) return "Expected 24 to 512 characters (use a random value)";
  if (!/^[\x21-\x7e]+$/.test(secret)) return "Expected visible ASCII characters, no spaces";
  return null;
}
