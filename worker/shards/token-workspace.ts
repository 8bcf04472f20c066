import { fromBase64url } from "../auth/crypto";

/**
 * The workspace an invitation token names (`<kid>.<payload>.<mac>`, the payload's `w`), read
 * WITHOUT checking the signature: it only picks the database. The route's service verifies the
 * token before it reads anything, and the workspace is part of what the signature covers, so a
 * forged token reaches a shard and is refused there as it would be anywhere.
 */
export function claimedWorkspace(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload || token.length > 2048) return null;
  const raw = fromBase64url(payload);
  if (!raw) return null;
  try {
    const w = (JSON.parse(new TextDecoder().decode(raw)) as { w?: unknown } | null)?.w;
    return typeof w === "string" ? w : null;
  } catch {
    return null;
  }
}
