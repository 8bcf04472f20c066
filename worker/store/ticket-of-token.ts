import { and, asc, eq, lte } from "drizzle-orm";
import { interactions } from "../../schema/tables";
import type { InvitationClaims } from "../auth/invitation-token";
import type { Database } from "../db";
import { goneTicket } from "../domain/errors";
import { INVITATION_TTL_DAYS } from "../domain/invitation";
import { OWN } from "../domain/ticket-source";
import { erasedSince } from "./erased-tickets";

/** The ticket a token answers for: `(source, ticket_id)`. */
export interface TicketRef {
  source: string;
  ticketId: string;
}

/**
 * When a token was minted, Unix ms. Older tokens only carry their expiry, a
 * fixed TTL after, to the second: this is the start of that second, so an
 * erasure within the same second still counts as after the token.
 */
export function issuedAt(claims: InvitationClaims): number {
  return claims.issuedAt ?? (claims.expiresAt - INVITATION_TTL_DAYS * 86_400) * 1000;
}

/**
 * The ticket a verified token names, or a 410 `gone` when that ticket was erased
 * after the token was minted: its links must record nothing.
 *
 * Tokens minted before tickets were namespaced by source name only the ticket
 * id. Then a workspace had one ticket per id, recorded before the token was
 * minted (an invitation records, then signs), so the ticket is the one with
 * that id created first, no later than the token. Any ticket with that id
 * created since belongs to another source and cannot be the token's.
 */
export async function ticketOfToken(db: Database, claims: InvitationClaims): Promise<TicketRef> {
  const issued = issuedAt(claims);
  let source = claims.source ?? null;
  // The ticket existed by the end of the second the token was minted in.
  if (source === null) {
    const legacy = await db
      .select({ source: interactions.source })
      .from(interactions)
      .where(
        and(
          eq(interactions.workspaceId, claims.workspaceId),
          eq(interactions.ticketId, claims.ticketId),
          lte(interactions.createdAt, issued + 999),
        ),
      )
      .orderBy(asc(interactions.createdAt))
      .get();
    if (legacy) source = legacy.source;
  }
  // A legacy token whose ticket is no longer recorded may name an erased ticket of any source.
  if (await erasedSince(db, claims.workspaceId, source, claims.ticketId, issued)) {
    throw goneTicket();
  }
  return { source: source ?? OWN, ticketId: claims.ticketId };
}
