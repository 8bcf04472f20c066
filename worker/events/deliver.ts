import { and, eq } from "drizzle-orm";
import { responses } from "../../schema/tables";
import type { Database } from "../db";
import type { Locale } from "../domain/questions";
import type { Env, EventMessage } from "../env";
import { describeForLog } from "../http/errors";
import { everyShard, type Shard } from "../shards/every-shard";
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
async function eventData(db: Database, row: DeliveryRow) {
  if (row.type.startsWith("response.")) {
    const found = await db
      .select()
      .from(responses)
      .where(and(eq(responses.workspaceId, row.workspace_id), eq(responses.id, row.subject_id)))
      .get();
    return found ? responseJson(found) : null;
  }
  if (row.type.startsWith("follow_up.")) return getFollowUp(db, row.workspace_id, row.subject_id);
  if (row.type === "target.missed") return missedTargetData(db.$client, row.workspace_id, row.subject_id);
  return null;
}

/** The exact bytes to send, built once at the first try and kept, so every retry sends the same. */
async function bodyOf(db: Database, row: DeliveryRow): Promise<string | null> {
  if (row.payload != null) return row.payload;
  const data = await eventData(db, row);
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
  const kept = await db.$client
    .prepare("UPDATE event_deliveries SET payload = COALESCE(payload, ?) WHERE id = ? RETURNING payload")
    .bind(body, row.id)
    .first<{ payload: string }>();
  return kept?.payload ?? body;
}

function deliveryRow(db: Database, deliveryId: string) {
  return db.$client
    .prepare(
      `SELECT d.id, d.workspace_id, d.type, d.subject_id, d.payload, d.status, d.attempts, d.created_at,
         e.url, e.format, e.secret, e.locale, e.dashboard_url
       FROM event_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ?`,
    )
    .bind(deliveryId)
    .first<DeliveryRow>();
}

/**
 * The shard holding a delivery and its row, or null when no shard has it (its endpoint or
 * subject was deleted, or it was delivered). The message's `shard` is asked first, and alone
 * when it has the row. Without that hint (a message sent before it existed), or when the named
 * shard does not have the row (the workspace moved since), every other shard is asked in turn by
 * primary key: delivery ids are random 128-bit values, unique across shards.
 */
async function findDelivery(shards: Shard[], { delivery_id: deliveryId, shard: hint }: EventMessage) {
  const named = shards.find((s) => s.name === hint);
  const order = named ? [named, ...shards.filter((s) => s !== named)] : shards;
  let failure: unknown = null;
  for (const shard of order) {
    try {
      const row = await deliveryRow(shard.db, deliveryId);
      if (row) return { db: shard.db, row };
    } catch (err) {
      failure ??= err; // an unreachable shard may hold it: retry the message, after asking the others
    }
  }
  if (failure) throw failure;
  return null;
}

/**
 * One try of one delivery. 2xx is delivered; anything else (another status,
 * a redirect, which is never followed, a timeout, a network error) is a
 * failure, retried on the schedule until MAX_ATTEMPTS and then `failed`.
 * A delivery whose row or endpoint is gone (erased customer, deleted
 * endpoint) is dropped.
 */
async function tryRow(db: Database, row: DeliveryRow, fetcher: typeof fetch, now: () => number): Promise<TryOutcome> {
  if (row.status !== "pending") return { kind: "dropped" };
  const body = await bodyOf(db, row);
  if (body == null) {
    await db.$client.prepare("DELETE FROM event_deliveries WHERE id = ?").bind(row.id).run();
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
    await record(db, row.id, "delivered", attempts, status, null, at, at);
    return { kind: "delivered" };
  }
  const delay = retryDelaySeconds(attempts);
  if (delay == null) {
    await record(db, row.id, "failed", attempts, status, error, at, at);
    return { kind: "failed" };
  }
  await record(db, row.id, "pending", attempts, status, error, at, at + delay * 1000);
  return { kind: "retry", delaySeconds: delay };
}

async function record(
  db: Database,
  id: string,
  status: string,
  attempts: number,
  lastStatus: number | null,
  lastError: string | null,
  at: number,
  next: number,
) {
  await db.$client
    .prepare(
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
  env: Env,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  const shards = await everyShard(env);
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const found = await findDelivery(shards, message.body);
        const outcome = found ? await tryRow(found.db, found.row, fetcher, Date.now) : { kind: "dropped" as const };
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
export async function redrivePending(env: Env, now = Date.now()): Promise<number> {
  let redriven = 0;
  for (const shard of await everyShard(env)) {
    try {
      const { results } = await shard.db.$client
        .prepare(
          `UPDATE event_deliveries SET next_attempt_at = ?
           WHERE id IN (SELECT id FROM event_deliveries WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 500)
           RETURNING id`,
        )
        .bind(now, now - REDRIVE_AFTER_MS)
        .all<{ id: string }>();
      await enqueueDeliveries(
        env,
        results.map((r) => r.id),
        shard.name,
      );
      redriven += results.length;
    } catch (err) {
      // One unreachable shard must not keep the others' events waiting; the next run retries it.
      console.error("redrive failed", shard.name, describeForLog(err));
    }
  }
  return redriven;
}
