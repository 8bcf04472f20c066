import { newId } from "../auth/secrets";
import type { Locale } from "../domain/questions";
import type { EndpointFormat, EventType } from "../events/event-types";

interface EndpointRow {
  id: string;
  url: string;
  events: string;
  format: EndpointFormat;
  description: string | null;
  locale: Locale;
  created_at: number;
}

/** The public JSON shape of an endpoint; the secret is only ever in the creation's answer. */
export function endpointJson(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    events: JSON.parse(e.events) as EventType[],
    format: e.format,
    description: e.description,
    locale: e.locale,
    created_at: new Date(e.created_at).toISOString(),
  };
}

export async function createEndpoint(
  db: D1Database,
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
  const id = newId("whe");
  await db
    .prepare(
      `INSERT INTO webhook_endpoints (id, workspace_id, url, events, format, description, secret, locale, dashboard_url,
         created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      id,
      workspaceId,
      e.url,
      JSON.stringify(e.events),
      e.format,
      e.description,
      e.secret,
      e.locale,
      e.dashboardUrl,
      now,
    )
    .run();
  return endpointJson({
    id,
    url: e.url,
    events: JSON.stringify(e.events),
    format: e.format,
    description: e.description,
    locale: e.locale,
    created_at: now,
  });
}

export async function listEndpoints(db: D1Database, workspaceId: string) {
  const { results } = await db
    .prepare(
      "SELECT id, url, events, format, description, locale, created_at FROM webhook_endpoints WHERE workspace_id = ? ORDER BY created_at, id",
    )
    .bind(workspaceId)
    .all<EndpointRow>();
  return results.map(endpointJson);
}

export async function endpointExists(db: D1Database, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS ok FROM webhook_endpoints WHERE workspace_id = ? AND id = ?")
    .bind(workspaceId, id)
    .first();
  return !!row;
}

/** Deletes the endpoint and its delivery log; its queued messages then find nothing and are dropped. */
export async function deleteEndpoint(db: D1Database, workspaceId: string, id: string): Promise<boolean> {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM webhook_endpoints WHERE workspace_id = ? AND id = ? RETURNING id").bind(workspaceId, id),
    db.prepare("DELETE FROM event_deliveries WHERE workspace_id = ? AND endpoint_id = ?").bind(workspaceId, id),
  ]);
  return (deleted?.results.length ?? 0) > 0;
}

/** The endpoint's delivery log, newest first. */
export async function listDeliveries(db: D1Database, workspaceId: string, endpointId: string, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT id, type, status, attempts, last_status, last_error, last_attempt_at, created_at FROM event_deliveries
       WHERE workspace_id = ? AND endpoint_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .bind(workspaceId, endpointId, limit)
    .all<{
      id: string;
      type: string;
      status: string;
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
