import type { Database } from "../db";
import { notFound } from "../domain/errors";
import { deleteEndpoint } from "../store/webhook-endpoints";

/** `DELETE /v1/webhook-endpoints/:id`: deletes the endpoint and its delivery log. */
export async function removeEndpoint(db: Database, workspaceId: string, id: string): Promise<void> {
  if (!(await deleteEndpoint(db, workspaceId, id))) throw notFound("Webhook endpoint");
}
