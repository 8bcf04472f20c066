/** HMAC and constant-time comparison for webhook signatures, on Web Crypto only. */

export type HmacHash = "SHA-1" | "SHA-256";

/** HMAC of `message` under `key` (raw bytes or UTF-8 text). */
export async function hmac(
  hash: HmacHash,
  key: Uint8Array<ArrayBuffer> | string,
  message: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const raw = typeof key === "string" ? new TextEncoder().encode(key) : key;
  const cryptoKey = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, message));
}

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

export const utf8 = (text: string) => new TextEncoder().encode(text);

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Compares a received signature with the expected one in constant time. Both
 * are hashed first, so neither a length difference nor the position of the
 * first wrong byte shows in the timing.
 */
export async function sameSignature(received: string | null | undefined, expected: string): Promise<boolean> {
  if (!received) return false;
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", utf8(received.trim())),
    crypto.subtle.digest("SHA-256", utf8(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** The contract's tolerance for signed timestamps. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** True when a signed timestamp is within ±5 minutes of now. */
export function isFresh(timestampMs: number, now: number): boolean {
  return Number.isFinite(timestampMs) && Math.abs(now - timestampMs) <= TIMESTAMP_TOLERANCE_MS;
}
