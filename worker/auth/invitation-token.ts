import { base64url, fromBase64url, utf8 } from "./crypto";

/** What an invitation token names. It is signed, so none of it can be altered. */
export interface InvitationClaims {
  workspaceId: string;
  surveyId: string;
  ticketId: string;
  /**
   * Who numbers the ticket (`own` or a support tool's name). Tokens minted
   * before tickets were namespaced lack it; their source is resolved from the
   * ticket recorded when they were minted (worker/store/ticket-of-token.ts).
   */
  source?: string;
  /**
   * When the token was minted, Unix ms: a ticket erased after that time makes it
   * 410. Tokens minted before this claim existed read it as expiry minus the TTL.
   */
  issuedAt?: number;
  /** Expiry, Unix seconds. */
  expiresAt: number;
  locale?: "en" | "fr";
}

export type TokenCheck =
  | { ok: true; claims: InvitationClaims }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

interface SigningKey {
  id: string;
  secret: string;
}

/**
 * HMAC-SHA-256 under a signing key. The imported key is kept per isolate, next to
 * the parsed spec: importing it again on every answer cost as much as the MAC.
 */
const imported = new WeakMap<SigningKey, Promise<CryptoKey>>();

async function macOf(key: SigningKey, message: string): Promise<Uint8Array<ArrayBuffer>> {
  let cryptoKey = imported.get(key);
  if (!cryptoKey) {
    cryptoKey = crypto.subtle.importKey("raw", utf8(key.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    imported.set(key, cryptoKey);
  }
  return new Uint8Array(await crypto.subtle.sign("HMAC", await cryptoKey, utf8(message)));
}

/** A key id travels in every token, so it must be a name, never part of a secret. */
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
/** 32 characters: a random 24+ byte secret in base64, as the README's `openssl rand -base64 32` gives. */
export const MIN_SECRET_LENGTH = 32;

/** What an operator sees when SIGNING_KEYS cannot be used. It names the entry, never its text. */
export class SigningKeysError extends Error {
  override name = "SigningKeysError";
}

const parsed = new Map<string, SigningKey[]>();

/**
 * Parses `kid:secret[,kid:secret…]`, newest first: the first key signs, all of
 * them verify. Any malformed entry refuses the whole spec rather than skipping
 * it: a bare secret without `kid:` was once read as kid = secret minus one
 * character, which then travelled in every token.
 */
export function parseSigningKeys(spec: string | undefined): SigningKey[] {
  const text = spec ?? "";
  const known = parsed.get(text);
  if (known) return known;
  const entries = text.split(",").map((part) => part.trim());
  if (!text.trim()) {
    throw new SigningKeysError(
      `SIGNING_KEYS is not set: expected kid:secret[,kid:secret…] with secrets of ${MIN_SECRET_LENGTH}+ characters`,
    );
  }
  const keys = entries.map((entry, i): SigningKey => {
    const at = entry.indexOf(":");
    const id = at < 0 ? "" : entry.slice(0, at);
    const secret = at < 0 ? "" : entry.slice(at + 1);
    const which = `SIGNING_KEYS entry ${i + 1} of ${entries.length}`;
    if (at < 0) throw new SigningKeysError(`${which} has no key id: write it as kid:secret (e.g. k1:…)`);
    if (!KEY_ID.test(id)) {
      throw new SigningKeysError(`${which}: the key id must be 1–16 characters of A–Z, a–z, 0–9, _ or -`);
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new SigningKeysError(`${which} (key id ${id}): the secret must be ${MIN_SECRET_LENGTH}+ characters`);
    }
    return { id, secret };
  });
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new SigningKeysError(`SIGNING_KEYS names key id ${twice} twice: each key needs its own id`);
  if (parsed.size > 8) parsed.clear();
  parsed.set(text, keys);
  return keys;
}

const encoder = new TextEncoder();

/**
 * Signs claims into `<kid>.<payload>.<mac>`, all base64url. The key id lets old
 * tokens verify after a rotation; the MAC covers the key id and the payload.
 */
export async function signInvitation(claims: InvitationClaims, keysSpec: string | undefined): Promise<string> {
  const key = parseSigningKeys(keysSpec)[0] as SigningKey;
  const payload = base64url(
    encoder.encode(
      JSON.stringify({
        w: claims.workspaceId,
        s: claims.surveyId,
        t: claims.ticketId,
        ...(claims.source ? { o: claims.source } : {}),
        ...(claims.issuedAt !== undefined ? { i: claims.issuedAt } : {}),
        e: claims.expiresAt,
        ...(claims.locale ? { l: claims.locale } : {}),
      }),
    ),
  );
  const signed = `${key.id}.${payload}`;
  return `${signed}.${base64url(await macOf(key, signed))}`;
}

export async function verifyInvitation(
  token: string,
  keysSpec: string | undefined,
  nowSeconds = Date.now() / 1000,
): Promise<TokenCheck> {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 2048) return { ok: false, reason: "malformed" };
  const [kid, payload, mac] = parts as [string, string, string];
  const key = parseSigningKeys(keysSpec).find((k) => k.id === kid);
  const macBytes = fromBase64url(mac);
  if (!key || !macBytes || macBytes.byteLength !== 32) return { ok: false, reason: "bad_signature" };
  const expected = await macOf(key, `${kid}.${payload}`);
  if (!crypto.subtle.timingSafeEqual(expected, macBytes)) return { ok: false, reason: "bad_signature" };
  const raw = fromBase64url(payload);
  if (!raw) return { ok: false, reason: "malformed" };
  let parsed: { w?: unknown; s?: unknown; t?: unknown; o?: unknown; i?: unknown; e?: unknown; l?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const { w, s, t, o, i, e, l } = parsed;
  if (typeof w !== "string" || typeof s !== "string" || typeof t !== "string" || typeof e !== "number") {
    return { ok: false, reason: "malformed" };
  }
  if ((o !== undefined && typeof o !== "string") || (i !== undefined && !Number.isSafeInteger(i))) {
    return { ok: false, reason: "malformed" };
  }
  if (e <= nowSeconds) return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: {
      workspaceId: w,
      surveyId: s,
      ticketId: t,
      ...(typeof o === "string" ? { source: o } : {}),
      ...(typeof i === "number" ? { issuedAt: i } : {}),
      expiresAt: e,
      ...(l === "en" || l === "fr" ? { locale: l } : {}),
    },
  };
}
