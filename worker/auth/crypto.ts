/**
 * The Worker's one crypto module, on Web Crypto only: random ids and keys, encodings, SHA-256,
 * HMAC, and the constant-time comparison every secret, signature and MAC goes through. Webhook
 * verifiers (worker/hooks/), invitation tokens and API keys (worker/auth/) and the stored
 * hashes (worker/store/) all import it, so a comparison or an encoding exists once.
 */

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/** A prefixed random id such as `ws_8f3k…`: 20 chars of base32 ≈ 100 bits. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = `${prefix}_`;
  for (const b of bytes) out += ID_ALPHABET[b & 31];
  return out;
}

/** A new API key: `ak_` + 32 random bytes. Only its SHA-256 is stored. */
export function newApiKey(): string {
  return `ak_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Joins byte arrays, e.g. a timestamp and a body that are signed together. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes unpadded base64url, accepting only the one spelling `base64url`
 * writes: no padding, no `+` or `/`, and no stray bits in the last character
 * (atob ignores them, so four spellings would decode to the same bytes).
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return base64url(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(text))));
}

export type HmacHash = "SHA-1" | "SHA-256";

/** HMAC of `message` under `key` (raw bytes or UTF-8 text). */
export async function hmac(
  hash: HmacHash,
  key: Uint8Array<ArrayBuffer> | string,
  message: Uint8Array<ArrayBuffer> | string,
): Promise<Uint8Array<ArrayBuffer>> {
  const raw = typeof key === "string" ? utf8(key) : key;
  const cryptoKey = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(
    await crypto.subtle.sign("HMAC", cryptoKey, typeof message === "string" ? utf8(message) : message),
  );
}

/**
 * Compares two secrets in time independent of where they differ. Both sides are
 * hashed first so that their lengths leak nothing either.
 */
export async function timingSafeEqualText(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([
    crypto.subtle.digest("SHA-256", utf8(a)),
    crypto.subtle.digest("SHA-256", utf8(b)),
  ]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}

/**
 * Compares a received signature with the expected one in constant time (through
 * `timingSafeEqual` on both digests); a missing one never matches.
 */
export async function sameSignature(received: string | null | undefined, expected: string): Promise<boolean> {
  if (!received) return false;
  return timingSafeEqualText(received.trim(), expected);
}
