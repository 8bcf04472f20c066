import { and, eq, inArray, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { eventDeliveries, followUps, responses } from "../../schema/tables";
import type { Database } from "../db";

/** Ticket ids per statement: each is bound twice below, and D1 takes at most 100 parameters. */
const CHUNK = 40;

/**
 * Statements that erase the follow-ups of a source's tickets and drop their
 * queued events (outbox rows about their responses or follow-ups: a message
 * already on the Queue then finds no row and is acknowledged unsent). They go in
 * the erasure's batch before the responses are deleted, since they find their
 * rows through them.
 */
export function eraseFollowUps(
  db: Database,
  workspaceId: string,
  source: string,
  ticketIds: string[],
): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < ticketIds.length; i += CHUNK) {
    const chunk = ticketIds.slice(i, i + CHUNK);
    const answered = db
      .select({ id: responses.id })
      .from(responses)
      .where(
        and(eq(responses.workspaceId, workspaceId), eq(responses.source, source), inArray(responses.ticketId, chunk)),
      );
    const theirFollowUps = db
      .select({ id: followUps.id })
      .from(followUps)
      .where(inArray(followUps.responseId, answered));
    statements.push(
      db
        .delete(eventDeliveries)
        .where(
          and(
            eq(eventDeliveries.workspaceId, workspaceId),
            or(inArray(eventDeliveries.subjectId, answered), inArray(eventDeliveries.subjectId, theirFollowUps)),
          ),
        ),
      db.delete(followUps).where(and(eq(followUps.workspaceId, workspaceId), inArray(followUps.responseId, answered))),
    );
  }
  return statements;
}
