import { and, eq, gte } from "drizzle-orm";
import { erasedTickets } from "../../schema/tables";
import { sha256Hex } from "../auth/crypto";
import type { Database } from "../db";

/**
 * Tombstones of erased tickets. An erasure must also stop answers from arriving
 * later through the links already sent, so each erased ticket leaves a row that
 * makes every token minted before the erasure answer 410.
 *
 * The row holds no personal data: the workspace, the ticket's source and the
 * ticket id as a SHA-256 salted with the workspace id (like e-mails): enough to
 * recognise the ticket when one of its links comes back, not to read it.
 */
export function ticketHash(workspaceId: string, ticketId: string): Promise<string> {
  return sha256Hex(`${workspaceId}:ticket:${ticketId}`);
}

/**
 * Whether the ticket was erased at or after `issuedAt` (Unix ms), i.e. after a
 * token minted then. `source` null matches any source: a token minted before
 * tickets carried their source may name a ticket whose record is gone.
 */
export async function erasedSince(
  db: Database,
  workspaceId: string,
  source: string | null,
  ticketId: string,
  issuedAt: number,
): Promise<boolean> {
  const row = await db
    .select({ erasedAt: erasedTickets.erasedAt })
    .from(erasedTickets)
    .where(
      and(
        eq(erasedTickets.workspaceId, workspaceId),
        eq(erasedTickets.ticketHash, await ticketHash(workspaceId, ticketId)),
        source === null ? undefined : eq(erasedTickets.source, source),
        gte(erasedTickets.erasedAt, issuedAt),
      ),
    )
    .get();
  return row !== undefined;
}
