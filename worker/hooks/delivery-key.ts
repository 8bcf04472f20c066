import { concatBytes, toHex, utf8 } from "../auth/crypto";

/**
 * The idempotency key of a delivery whose tool sends no delivery id (Help Scout, Freshdesk,
 * Gorgias): `sha256:` + the SHA-256 of the source name and the exact bytes that were verified.
 * Without it, a captured body (Help Scout signs no timestamp; the others sign nothing) could be
 * posted again at any time and be applied again, minting fresh survey links each time. Keyed by
 * its bytes, an identical replay is a duplicate like a replayed id, while any genuinely new
 * delivery (a later closing, another status) differs in its bytes and still applies. Ids the
 * tools send never start with `sha256:` in practice, and the ledger keys them per source anyway.
 */
export async function deliveryKeyOfBody(sourceName: string, body: Uint8Array): Promise<string> {
  // The NUL separator keeps the source name and the body from running into each other.
  const digest = await crypto.subtle.digest("SHA-256", concatBytes(utf8(sourceName), new Uint8Array([0]), body));
  return `sha256:${toHex(new Uint8Array(digest))}`;
}
