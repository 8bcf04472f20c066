import type { Database } from "../db";
import { CUSTOMER_DIMENSIONS, SEGMENT_DIMENSIONS, TICKET_DIMENSIONS } from "../domain/segments";
import { type Guard, UNGUARDED } from "./answer-facts";

/**
 * One answer, written or merged into the (survey, source, ticket) response, with the ticket's
 * current segments. Writes nothing when the ticket was erased after the token was issued
 * (the tombstone is checked inside the statement), or when `guard` does not hold.
 * An answer that changes nothing (the same scores, comment and locale re-posted, the
 * ticket's segments as they were) leaves `updated_at`, `revision` and `change_id` as they
 * were, so the batch's follow-up and event statements, which look for `changeId`, do nothing.
 * Returns `id, revision, change_id`: the response changed when `change_id` is `changeId`.
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
    /** A fresh id naming this answer's change (see `change_id`). */
    changeId: string;
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
      v.changeId,
      ...guard.params,
    );
}

// The segments an answer takes from its ticket, column and new value. They move with the
// interaction; a segment the ticket has not recorded (an imported answer's ticket invited again
// without them) keeps the answer's own. The change test below compares these same values.
const SEGMENT_UPDATES: readonly [string, string][] = [
  ...TICKET_DIMENSIONS.map((d): [string, string] => [d, `COALESCE(NULLIF(excluded.${d}, ''), ${d})`]),
  ...CUSTOMER_DIMENSIONS.map((d): [string, string] => [d, `excluded.${d}`]),
];

// Whether the upsert changes anything, against the stored row (SET expressions all read the old row).
const CHANGES = `COALESCE(excluded.nps, nps) IS NOT nps OR COALESCE(excluded.csat, csat) IS NOT csat
  OR COALESCE(excluded.ces, ces) IS NOT ces OR COALESCE(excluded.comment, comment) IS NOT comment
  OR COALESCE(excluded.locale, locale) IS NOT locale OR excluded.interaction_id IS NOT interaction_id
  OR ${SEGMENT_UPDATES.map(([column, value]) => `${value} IS NOT ${column}`).join(" OR ")}`;

// The guard's plain `?` are numbered after ?15 (which comes before it), so its values bind after the answer's.
// An unchanged row is still "updated" to its own values (the rollup triggers' WHEN skips it) so that
// RETURNING names it: the caller tells an unchanged re-post from an erased ticket.
const upsertSql = (guard: string) => `
INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, source, nps, csat, ces, comment, locale,
  submitted_at, submitted_day, updated_at, revision, change_id, ${SEGMENT_DIMENSIONS.join(", ")})
SELECT ?1, ?2, ?3, i.id, ?4, ?12, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, 1, ?15,
  ${SEGMENT_DIMENSIONS.map((d) => `COALESCE(i.${d}, '')`).join(", ")}
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
  updated_at = CASE WHEN ${CHANGES} THEN excluded.updated_at ELSE updated_at END,
  revision = CASE WHEN ${CHANGES} THEN revision + 1 ELSE revision END,
  change_id = CASE WHEN ${CHANGES} THEN excluded.change_id ELSE change_id END,
  interaction_id = excluded.interaction_id,
  ${SEGMENT_UPDATES.map(([column, value]) => `${column} = ${value}`).join(",\n  ")}
RETURNING id, revision, change_id`;
