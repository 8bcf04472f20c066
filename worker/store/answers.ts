import type { Database } from "../db";
import { type Guard, UNGUARDED } from "./answer-facts";

/**
 * One answer, written or merged into the (survey, source, ticket) response, with the ticket's
 * current segments. Writes nothing when the ticket was erased after the token was issued
 * (the tombstone is checked inside the statement), or when `guard` does not hold.
 * Returns `id, revision`.
 */
export function answerUpsert(
  { $client: db }: Database,
  v: {
    id: string;
    workspaceId: string;
    surveyId: string;
    ticketId: string;
    nps: number | null;
    csat: number | null;
    ces: number | null;
    comment: string | null;
    locale: string | null;
    now: number;
    day: string;
    source: string;
    ticketHash: string;
    issuedAt: number;
  },
  guard: Guard = UNGUARDED,
) {
  return db
    .prepare(upsertSql(guard.sql))
    .bind(
      v.id,
      v.workspaceId,
      v.surveyId,
      v.ticketId,
      v.nps,
      v.csat,
      v.ces,
      v.comment,
      v.locale,
      v.now,
      v.day,
      v.source,
      v.ticketHash,
      v.issuedAt,
      ...guard.params,
    );
}

// The guard's plain `?` are numbered after ?14, so its values bind after the answer's.
const upsertSql = (guard: string) => `
INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, source, nps, csat, ces, comment, locale,
  submitted_at, submitted_day, updated_at, revision, channel, request_type, agent, team, customer_tenure, value_tier)
SELECT ?1, ?2, ?3, i.id, ?4, ?12, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, 1,
  COALESCE(i.channel, ''), COALESCE(i.request_type, ''), COALESCE(i.agent, ''), COALESCE(i.team, ''),
  COALESCE(i.customer_tenure, ''), COALESCE(i.value_tier, '')
FROM (SELECT 1) LEFT JOIN interactions i ON i.workspace_id = ?2 AND i.source = ?12 AND i.ticket_id = ?4
WHERE NOT EXISTS (SELECT 1 FROM erased_tickets e
  WHERE e.workspace_id = ?2 AND e.source = ?12 AND e.ticket_hash = ?13 AND e.erased_at >= ?14)
  AND (${guard})
ON CONFLICT (survey_id, source, ticket_id) DO UPDATE SET
  nps = COALESCE(excluded.nps, nps),
  csat = COALESCE(excluded.csat, csat),
  ces = COALESCE(excluded.ces, ces),
  comment = COALESCE(excluded.comment, comment),
  locale = COALESCE(excluded.locale, locale),
  updated_at = excluded.updated_at,
  revision = revision + 1,
  interaction_id = excluded.interaction_id,
  -- The ticket's segments move with its interaction; one it has not recorded (an imported
  -- answer's ticket invited again without them) keeps the answer's own.
  channel = COALESCE(NULLIF(excluded.channel, ''), channel),
  request_type = COALESCE(NULLIF(excluded.request_type, ''), request_type),
  agent = COALESCE(NULLIF(excluded.agent, ''), agent),
  team = COALESCE(NULLIF(excluded.team, ''), team),
  customer_tenure = excluded.customer_tenure, value_tier = excluded.value_tier
RETURNING id, revision`;
