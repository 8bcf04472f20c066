import type { Database } from "../db";
import { localDay } from "../domain/local-day";
import { DAY_MS } from "../metrics/repurchase-window";

/**
 * What issuing an invitation came to: issued, refused by survey fatigue, or impossible
 * because the ticket is not recorded (an erased ticket's delivery replayed).
 */
export type IssueOutcome =
  | { issued: true }
  | { issued: false; nextEligibleAt: number }
  | { issued: false; noTicket: true };

export interface IssueRequest {
  workspace: { id: string; timezone: string; surveyCooldownDays?: number };
  surveyId: string;
  ticket: { source: string; ticketId: string };
  now: number;
}

/**
 * Records the invitation of a ticket (already recorded in `interactions`) to a
 * survey, unless survey fatigue forbids it.
 *
 * The cooldown check and the insert are ONE statement, so two concurrent
 * invitations for the same customer cannot both pass it: D1 runs statements
 * one at a time, and the second sees the first's row. The ticket's customer
 * is read from its interaction, so the identity rules are those of repurchase
 * (normalized e-mail or customer id, merged customers included). Re-inviting a
 * ticket is never throttled and keeps the day of its first invitation.
 */
export async function issueInvitation(
  { $client: db }: Database,
  request: IssueRequest,
  /** Statements to run first in the same batch (the ticket's own upsert): all or nothing together. */
  before: D1PreparedStatement[] = [],
): Promise<IssueOutcome> {
  const { workspace, surveyId, ticket, now } = request;
  const cooldown = workspace.surveyCooldownDays ?? 0;
  const day = localDay(now, workspace.timezone);
  // ?1 workspace, ?2 survey, ?3 source, ?4 ticket, ?5 now, ?6 day, ?7 cooldown days, ?8 cooldown start
  const binds = [workspace.id, surveyId, ticket.source, ticket.ticketId, now, day, cooldown, now - cooldown * DAY_MS];
  const sameTicket = "p.source = ?3 AND p.ticket_id = ?4";
  const insert = db.prepare(`
INSERT OR IGNORE INTO invitations (workspace_id, survey_id, source, ticket_id, customer_key, invited_at, invited_day)
SELECT ?1, ?2, ?3, ?4, k.customer_key, ?5, ?6
FROM (SELECT customer_key FROM interactions WHERE workspace_id = ?1 AND source = ?3 AND ticket_id = ?4) k
WHERE ?7 = 0 OR k.customer_key IS NULL
   OR EXISTS (SELECT 1 FROM invitations p WHERE p.workspace_id = ?1 AND ${sameTicket})
   OR NOT EXISTS (SELECT 1 FROM invitations p WHERE p.workspace_id = ?1 AND p.customer_key = k.customer_key
                  AND p.invited_at > ?8 AND NOT (${sameTicket}))`);
  const outcome = db.prepare(`
SELECT (SELECT 1 FROM invitations WHERE workspace_id = ?1 AND survey_id = ?2 AND source = ?3 AND ticket_id = ?4) AS mine,
       (SELECT MAX(p.invited_at) FROM invitations p
          JOIN interactions i ON i.workspace_id = ?1 AND i.source = ?3 AND i.ticket_id = ?4
        WHERE p.workspace_id = ?1 AND p.customer_key = i.customer_key AND NOT (${sameTicket})) AS latest`);
  // Positional parameters a statement does not use are an error in D1: bind what each one names.
  const results = await db.batch<{ mine: number | null; latest: number | null }>([
    ...before,
    insert.bind(...binds),
    outcome.bind(...binds.slice(0, 4)),
  ]);
  const result = results[results.length - 1];
  const row = result?.results?.[0];
  if (row?.mine) return { issued: true };
  // Refused by the cooldown means another invitation of the customer is in it; none found
  // means the ticket itself is missing (its interaction is what the insert reads from).
  if (row?.latest == null) return { issued: false, noTicket: true };
  return { issued: false, nextEligibleAt: row.latest + cooldown * DAY_MS };
}
