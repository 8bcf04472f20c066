import type { Env, EventMessage } from "../env";
import { describeForLog } from "../http/errors";
import { type Guard, UNGUARDED } from "../store/answer-facts";

/**
 * The outbox: rows of `event_deliveries` are written by SQL in the same D1
 * batch as the change they report, one per subscribed endpoint, so an event
 * exists exactly when its change does. Their ids are then put on the Queue
 * without the request waiting; a lost enqueue is re-driven by the cron
 * (`redrivePending`).
 */

/** A new Standard Webhooks message id, computed by SQLite for each row. */
const NEW_MESSAGE_ID = "'msg_' || lower(hex(randomblob(16)))";

/** The endpoints of the row's workspace subscribed to `typeSql`. */
const subscribed = (typeSql: string) => `EXISTS (SELECT 1 FROM json_each(e.events) j WHERE j.value = ${typeSql})`;

/**
 * Statement: one `response.created` / `response.updated` row per subscribed
 * endpoint, for the response of (survey, source, ticket) as it now stands, when
 * `guard` holds and the batch's answer changed it (its `change_id` is `changeId`).
 */
export function responseEventStatement(
  db: D1Database,
  v: { now: number; surveyId: string; ticketId: string; source: string; changeId: string },
  guard: Guard = UNGUARDED,
): D1PreparedStatement {
  return db
    .prepare(responseEventSql(guard.sql))
    .bind(v.now, v.surveyId, v.ticketId, v.source, v.changeId, ...guard.params);
}

// Binds ?1 now, ?2 survey_id, ?3 ticket_id, ?4 source, ?5 change_id, then the guard's values.
const responseEventSql = (guard: string) => `
INSERT INTO event_deliveries (id, workspace_id, endpoint_id, type, subject_id, interaction_id, status, attempts,
  next_attempt_at, created_at)
SELECT ${NEW_MESSAGE_ID}, e.workspace_id, e.id, t.type, t.id, t.interaction_id, 'pending', 0, ?1, ?1
FROM (SELECT r.id, r.workspace_id, r.interaction_id,
        CASE WHEN r.revision = 1 THEN 'response.created' ELSE 'response.updated' END AS type
      FROM responses r WHERE r.survey_id = ?2 AND r.source = ?4 AND r.ticket_id = ?3 AND r.change_id = ?5) t
JOIN webhook_endpoints e ON e.workspace_id = t.workspace_id
WHERE ${subscribed("t.type")} AND (${guard})
RETURNING id`;

/**
 * Statement: one `follow_up.opened` / `follow_up.updated` row per subscribed
 * endpoint for each follow-up the same batch just wrote (its `change_id`).
 * Binds: now, change_id, id of a follow-up this batch may have created.
 */
export const FOLLOW_UP_EVENT_SQL = `
INSERT INTO event_deliveries (id, workspace_id, endpoint_id, type, subject_id, interaction_id, status, attempts,
  next_attempt_at, created_at)
SELECT ${NEW_MESSAGE_ID}, e.workspace_id, e.id, t.type, t.id, t.interaction_id, 'pending', 0, ?1, ?1
FROM (SELECT f.id, f.workspace_id, f.interaction_id,
        CASE WHEN f.id = ?3 THEN 'follow_up.opened' ELSE 'follow_up.updated' END AS type
      FROM follow_ups f WHERE f.change_id = ?2) t
JOIN webhook_endpoints e ON e.workspace_id = t.workspace_id
WHERE ${subscribed("t.type")}
RETURNING id`;

/** The delivery ids a batch's outbox statements returned. */
export function outboxIds(results: D1Result[]): string[] {
  return results.flatMap((r) => (r.results as { id?: string }[]).map((row) => row.id).filter((id) => !!id)) as string[];
}

/**
 * Puts deliveries on the Queue, each message naming `shard`, the binding whose outbox rows they
 * are. Never throws: the rows are already stored and the cron re-sends them, so a Queue outage
 * costs delay, not events, and never fails the customer's answer.
 */
export async function enqueueDeliveries(
  env: Pick<Env, "EVENTS">,
  ids: string[],
  shard: string | undefined,
): Promise<void> {
  if (ids.length === 0) return;
  try {
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids
        .slice(i, i + 100)
        .map((id) => ({ body: { delivery_id: id, ...(shard ? { shard } : {}) } satisfies EventMessage }));
      await env.EVENTS.sendBatch(batch);
    }
  } catch (err) {
    console.error("enqueue failed; the cron will re-send", describeForLog(err));
  }
}

/** Runs `work` after the response is sent when the runtime allows it, else awaits it. */
export function afterResponse(ctx: { waitUntil(p: Promise<unknown>): void } | undefined, work: Promise<void>) {
  if (ctx) ctx.waitUntil(work);
  else return work;
}
