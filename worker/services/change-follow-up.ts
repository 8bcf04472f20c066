import type { Database } from "../db";
import { DomainError, notFound } from "../domain/errors";
import { canMoveFollowUp, type FollowUpStatus } from "../domain/follow-up";
import { type FollowUpJson, getFollowUp, writeFollowUpChange } from "../store/follow-ups";

/**
 * `PATCH /v1/follow-ups/:id`: assign, note, or move a follow-up (open → contacted → resolved,
 * open → resolved, resolved → open). Returns the follow-up as it now is and the ids of the
 * `follow_up.updated` deliveries the caller hands to the queue.
 */
export async function changeFollowUp(
  db: Database,
  workspaceId: string,
  id: string,
  change: { status?: FollowUpStatus; assignee?: string | null; note?: string | null },
  now = Date.now(),
): Promise<{ followUp: FollowUpJson; deliveryIds: string[] }> {
  const current = await getFollowUp(db, workspaceId, id);
  if (!current) throw notFound("Follow-up");
  if (change.status && !canMoveFollowUp(current.status, change.status)) {
    throw new DomainError(
      "conflict",
      "invalid_transition",
      `A ${current.status} follow-up cannot become ${change.status}`,
    );
  }
  return writeFollowUpChange(db, workspaceId, current, change, now);
}
