import { base64url, fromBase64url, hmacSha256 } from "./secrets";

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

/** Parses `kid:secret,kid:secret`; the first key signs, all of them verify. */
export function parseSigningKeys(spec: string | undefined): SigningKey[] {
  const keys = (spec ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(":");
      return { id: part.slice(0, at), secret: part.slice(at + 1) };
    })
    .filter((k) => /^[A-Za-z0-9_-]{1,16}$/.test(k.id) && k.secret.length >= 16);
  if (keys.length === 0) throw new Error("SIGNING_KEYS is not set: expected kid:secret with a secret of 16+ chars");
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
  return `${signed}.${base64url(await hmacSha256(key.secret, signed))}`;
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
  const expected = await hmacSha256(key.secret, `${kid}.${payload}`);
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
