import { and, eq } from "drizzle-orm";
import { responses } from "../../schema/tables";
import { database } from "../db";
import type { Locale } from "../domain/questions";
import type { Env, EventMessage } from "../env";
import { describeForLog } from "../http/errors";
import { getFollowUp } from "../store/follow-ups";
import { responseJson } from "../store/response-listing";
import { enqueueDeliveries } from "./outbox";
import { retryDelaySeconds } from "./retry-schedule";
import { signedHeaders } from "./sign";
import { slackBody } from "./slack";
import { missedTargetData, targetSlackBody } from "./target-missed";

/** How long a receiver may take to answer before the try counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

interface DeliveryRow {
  id: string;
  workspace_id: string;
  type: string;
  subject_id: string;
  payload: string | null;
  status: string;
  attempts: number;
  created_at: number;
  url: string;
  format: "standard" | "slack";
  secret: string;
  locale: Locale;
  dashboard_url: string;
}

/** What one try came to; `retryIn` is the Queue delay when it should be tried again. */
export type TryOutcome =
  | { kind: "delivered" }
  | { kind: "dropped" }
  | { kind: "retry"; delaySeconds: number }
  | { kind: "failed" };

/** The event's `data`: the object as the API shows it, or null when it is gone (erased). */
async function eventData(env: Pick<Env, "DB">, row: DeliveryRow) {
  if (row.type.startsWith("response.")) {
    const found = await database(env)
      .select()
      .from(responses)
      .where(and(eq(responses.workspaceId, row.workspace_id), eq(responses.id, row.subject_id)))
      .get();
    return found ? responseJson(found) : null;
  }
  if (row.type.startsWith("follow_up.")) return getFollowUp(database(env), row.workspace_id, row.subject_id);
  if (row.type === "target.missed") return missedTargetData(env.DB, row.workspace_id, row.subject_id);
  return null;
}

/** The exact bytes to send, built once at the first try and kept, so every retry sends the same. */
async function bodyOf(env: Pick<Env, "DB">, row: DeliveryRow): Promise<string | null> {
  if (row.payload != null) return row.payload;
  const data = await eventData(env, row);
  if (!data) return null;
  const body =
    row.format === "slack"
      ? JSON.stringify(
          row.type === "target.missed"
            ? targetSlackBody(data as never, row.locale, row.dashboard_url)
            : slackBody(row.type, data as never, row.locale, row.dashboard_url),
        )
      : JSON.stringify({ type: row.type, timestamp: new Date(row.created_at).toISOString(), data });
  // A concurrent try of the same delivery may have frozen its bytes first: keep those.
  const kept = await env.DB.prepare(
    "UPDATE event_deliveries SET payload = COALESCE(payload, ?) WHERE id = ? RETURNING payload",
  )
    .bind(body, row.id)
    .first<{ payload: string }>();
  return kept?.payload ?? body;
}

/**
 * One try of one delivery. 2xx is delivered; anything else (another status,
 * a redirect, which is never followed, a timeout, a network error) is a
 * failure, retried on the schedule until MAX_ATTEMPTS and then `failed`.
 * A delivery whose row or endpoint is gone (erased customer, deleted
 * endpoint) is dropped.
 */
export async function tryDelivery(
  env: Pick<Env, "DB">,
  deliveryId: string,
  fetcher: typeof fetch = fetch,
  now = () => Date.now(),
): Promise<TryOutcome> {
  const row = await env.DB.prepare(
    `SELECT d.id, d.workspace_id, d.type, d.subject_id, d.payload, d.status, d.attempts, d.created_at,
       e.url, e.format, e.secret, e.locale, e.dashboard_url
     FROM event_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ?`,
  )
    .bind(deliveryId)
    .first<DeliveryRow>();
  if (row?.status !== "pending") return { kind: "dropped" };
  const body = await bodyOf(env, row);
  if (body == null) {
    await env.DB.prepare("DELETE FROM event_deliveries WHERE id = ?").bind(row.id).run();
    return { kind: "dropped" };
  }
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Aftercare-Webhooks/1",
  };
  if (row.format === "standard") Object.assign(headers, signedHeaders(row.secret, row.id, body, new Date(now())));
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetcher(row.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
    if (status >= 300 && status < 400) error = "redirect";
    else if (status < 200 || status >= 300) error = "http_status";
  } catch (err) {
    error = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") ? "timeout" : "network";
  }
  const attempts = row.attempts + 1;
  const at = now();
  if (!error) {
    await record(env, row.id, "delivered", attempts, status, null, at, at);
    return { kind: "delivered" };
  }
  const delay = retryDelaySeconds(attempts);
  if (delay == null) {
    await record(env, row.id, "failed", attempts, status, error, at, at);
    return { kind: "failed" };
  }
  await record(env, row.id, "pending", attempts, status, error, at, at + delay * 1000);
  return { kind: "retry", delaySeconds: delay };
}

async function record(
  env: Pick<Env, "DB">,
  id: string,
  status: string,
  attempts: number,
  lastStatus: number | null,
  lastError: string | null,
  at: number,
  next: number,
) {
  await env.DB.prepare(
    `UPDATE event_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?, last_attempt_at = ?,
       next_attempt_at = ? WHERE id = ?`,
  )
    .bind(status, attempts, lastStatus, lastError, at, next, id)
    .run();
}

/**
 * The Queue consumer: tries each message's delivery, acks what is done,
 * retries with the schedule's delay what failed. A database error retries the
 * message without counting a try (the receiver was never called).
 */
export async function deliverBatch(
  batch: MessageBatch<EventMessage>,
  env: Pick<Env, "DB">,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const outcome = await tryDelivery(env, message.body.delivery_id, fetcher);
        if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
      } catch (err) {
        console.error("delivery", describeForLog(err));
        message.retry({ delaySeconds: 30 });
      }
    }),
  );
}

/** How long past its due time a pending row waits before the cron assumes its message was lost. */
export const REDRIVE_AFTER_MS = 15 * 60_000;

/**
 * The cron's re-drive: pending rows long past their due time (their message
 * never reached the Queue, or was lost) are put on the Queue again. At least
 * once: a row may be tried twice, never with a different `webhook-id`.
 */
export async function redrivePending(env: Pick<Env, "DB" | "EVENTS">, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare(
    `UPDATE event_deliveries SET next_attempt_at = ?
     WHERE id IN (SELECT id FROM event_deliveries WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 500)
     RETURNING id`,
  )
    .bind(now, now - REDRIVE_AFTER_MS)
    .all<{ id: string }>();
  await enqueueDeliveries(
    env,
    results.map((r) => r.id),
  );
  return results.length;
}
