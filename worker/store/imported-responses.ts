import type { Database } from "../db";
import type { TicketDimension } from "../domain/segments";

/**
 * An imported answer, written by ONE statement: an upsert on (survey, source, ticket), so
 * importing the same file twice changes nothing, that writes `responses` like a live answer (the
 * same rollup triggers keep the score histograms). The customer segments come from the ticket's
 * interaction when there is one, as for a live answer; the ticket segments from the item.
 * Writes nothing for an erased ticket. Returns `revision` (1: new) when it wrote.
 */
export function importedResponseUpsert(
  { $client: db }: Database,
  v: {
    id: string;
    workspaceId: string;
    surveyId: string;
    ticketId: string;
    source: string;
    answers: { nps?: number; csat?: number; ces?: number };
    comment: string | null;
    locale: string | null;
    submittedAt: number;
    submittedDay: string;
    segments: Record<TicketDimension, string>;
    ticketHash: string;
    now: number;
  },
): D1PreparedStatement {
  return db
    .prepare(UPSERT)
    .bind(
      v.id,
      v.workspaceId,
      v.surveyId,
      v.ticketId,
      v.source,
      v.answers.nps ?? null,
      v.answers.csat ?? null,
      v.answers.ces ?? null,
      v.comment,
      v.locale,
      v.submittedAt,
      v.submittedDay,
      v.segments.channel,
      v.segments.request_type,
      v.segments.agent,
      v.segments.team,
      v.ticketHash,
      v.now,
    );
}

const UPSERT = `
INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, source, nps, csat, ces, comment, locale,
  submitted_at, submitted_day, updated_at, revision, channel, request_type, agent, team, customer_tenure, value_tier)
SELECT ?1, ?2, ?3, i.id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, 1, ?13, ?14, ?15, ?16,
  COALESCE(i.customer_tenure, ''), COALESCE(i.value_tier, '')
FROM (SELECT 1) LEFT JOIN interactions i ON i.workspace_id = ?2 AND i.source = ?5 AND i.ticket_id = ?4
WHERE NOT EXISTS (SELECT 1 FROM erased_tickets e WHERE e.workspace_id = ?2 AND e.source = ?5 AND e.ticket_hash = ?17)
ON CONFLICT (survey_id, source, ticket_id) DO UPDATE SET
  nps = excluded.nps, csat = excluded.csat, ces = excluded.ces, comment = excluded.comment, locale = excluded.locale,
  submitted_at = excluded.submitted_at, submitted_day = excluded.submitted_day, updated_at = ?18,
  revision = revision + 1, interaction_id = excluded.interaction_id,
  channel = excluded.channel, request_type = excluded.request_type, agent = excluded.agent, team = excluded.team,
  customer_tenure = excluded.customer_tenure, value_tier = excluded.value_tier
WHERE nps IS NOT excluded.nps OR csat IS NOT excluded.csat OR ces IS NOT excluded.ces
  OR comment IS NOT excluded.comment OR locale IS NOT excluded.locale OR submitted_at IS NOT excluded.submitted_at
  OR channel IS NOT excluded.channel OR request_type IS NOT excluded.request_type
  OR agent IS NOT excluded.agent OR team IS NOT excluded.team
  OR interaction_id IS NOT excluded.interaction_id
  OR customer_tenure IS NOT excluded.customer_tenure OR value_tier IS NOT excluded.value_tier
RETURNING revision`;

/**
 * Of the tickets named (`[source, ticket_id, ticket hash]`), the ones the workspace already
 * knows (an interaction) and the ones it erased, each as `source\n ticket_id`: one round trip,
 * the list bound as one JSON parameter.
 */
export async function ticketsKnownOrErased(
  { $client: db }: Database,
  workspaceId: string,
  tickets: readonly [source: string, ticketId: string, hash: string][],
): Promise<{ known: Set<string>; erased: Set<string> }> {
  if (tickets.length === 0) return { known: new Set(), erased: new Set() };
  const list = JSON.stringify(tickets);
  const [known, erased] = await db.batch<{ source: string; ticket_id: string }>([
    db
      .prepare(
        `SELECT i.source, i.ticket_id FROM json_each(?2) j JOIN interactions i ON i.workspace_id = ?1
           AND i.source = json_extract(j.value, '$[0]') AND i.ticket_id = json_extract(j.value, '$[1]')`,
      )
      .bind(workspaceId, list),
    db
      .prepare(
        `SELECT e.source, json_extract(j.value, '$[1]') AS ticket_id FROM json_each(?2) j JOIN erased_tickets e
           ON e.workspace_id = ?1 AND e.source = json_extract(j.value, '$[0]') AND e.ticket_hash = json_extract(j.value, '$[2]')`,
      )
      .bind(workspaceId, list),
  ]);
  const keys = (rows: { source: string; ticket_id: string }[] | undefined) =>
    new Set((rows ?? []).map((r) => ticketKey(r.source, r.ticket_id)));
  return { known: keys(known?.results), erased: keys(erased?.results) };
}

/** A ticket as one string, for the sets above. */
export const ticketKey = (source: string, ticketId: string) => `${source}\n${ticketId}`;
