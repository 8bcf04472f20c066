import { asc, eq } from "drizzle-orm";
import { webhookEndpoints } from "../../schema/tables";
import { newId } from "../auth/crypto";
import type { Database } from "../db";
import type { DeliveryStatus, EndpointFormat, EventType } from "../domain/event-types";
import type { Locale } from "../domain/questions";

type EndpointRow = Pick<
  typeof webhookEndpoints.$inferSelect,
  "id" | "url" | "events" | "format" | "description" | "locale" | "createdAt"
>;

/** The public JSON shape of an endpoint; the secret is only ever in the creation's answer. */
export function endpointJson(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    format: e.format,
    description: e.description,
    locale: e.locale,
    created_at: new Date(e.createdAt).toISOString(),
  };
}

export async function createEndpoint(
  db: Database,
  workspaceId: string,
  e: {
    url: string;
    events: EventType[];
    format: EndpointFormat;
    description: string | null;
    locale: Locale;
    secret: string;
    dashboardUrl: string;
  },
  now = Date.now(),
) {
  const row = { id: newId("whe"), workspaceId, ...e, createdAt: now };
  await db.insert(webhookEndpoints).values(row);
  return endpointJson(row);
}

export async function listEndpoints(db: Database, workspaceId: string) {
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      format: webhookEndpoints.format,
      description: webhookEndpoints.description,
      locale: webhookEndpoints.locale,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .all();
  return rows.map(endpointJson);
}

export async function endpointExists({ $client: db }: Database, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS ok FROM webhook_endpoints WHERE workspace_id = ? AND id = ?")
    .bind(workspaceId, id)
    .first();
  return !!row;
}

/** Deletes the endpoint and its delivery log; its queued messages then find nothing and are dropped. */
export async function deleteEndpoint({ $client: db }: Database, workspaceId: string, id: string): Promise<boolean> {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM webhook_endpoints WHERE workspace_id = ? AND id = ? RETURNING id").bind(workspaceId, id),
    db.prepare("DELETE FROM event_deliveries WHERE workspace_id = ? AND endpoint_id = ?").bind(workspaceId, id),
  ]);
  return (deleted?.results.length ?? 0) > 0;
}

/** The endpoint's delivery log, newest first. */
export async function listDeliveries(
  { $client: db }: Database,
  workspaceId: string,
  endpointId: string,
  limit: number,
) {
  const { results } = await db
    .prepare(
      `SELECT id, type, status, attempts, last_status, last_error, last_attempt_at, created_at FROM event_deliveries
       WHERE workspace_id = ? AND endpoint_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .bind(workspaceId, endpointId, limit)
    .all<{
      id: string;
      type: string;
      status: DeliveryStatus;
      attempts: number;
      last_status: number | null;
      last_error: string | null;
      last_attempt_at: number | null;
      created_at: number;
    }>();
  return results.map((d) => ({
    id: d.id,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    last_status: d.last_status,
    last_error: d.last_error,
    last_attempt_at: d.last_attempt_at == null ? null : new Date(d.last_attempt_at).toISOString(),
    created_at: new Date(d.created_at).toISOString(),
  }));
}
