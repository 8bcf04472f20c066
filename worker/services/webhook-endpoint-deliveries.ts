import type { Database } from "../db";
import { notFound } from "../domain/errors";
import { endpointExists, listDeliveries } from "../store/webhook-endpoints";

/** `GET /v1/webhook-endpoints/:id/deliveries`: the endpoint's delivery log, newest first. */
export async function endpointDeliveries(db: Database, workspaceId: string, id: string, limit: number) {
  if (!(await endpointExists(db, workspaceId, id))) throw notFound("Webhook endpoint");
  return listDeliveries(db, workspaceId, id, limit);
}
