import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { webhookDeliveries } from "../../schema/tables";
import type { Database } from "../db";

/**
 * The idempotency ledger of the webhook receivers: one row per delivery id
 * processed. The insert goes FIRST in the same batch as the event's writes, so
 * a delivery is either fully processed and recorded, or neither; a concurrent
 * replay fails on the primary key and its batch rolls back whole.
 */
export function recordDelivery(
  db: Database,
  workspaceId: string,
  source: string,
  deliveryId: string,
  now = Date.now(),
): BatchItem<"sqlite"> {
  return db.insert(webhookDeliveries).values({ workspaceId, source, deliveryId, receivedAt: now });
}

/** True when this delivery id was already processed. */
export async function wasDelivered(
  db: Database,
  workspaceId: string,
  source: string,
  deliveryId: string,
): Promise<boolean> {
  const row = await db
    .select({ id: webhookDeliveries.deliveryId })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.source, source),
        eq(webhookDeliveries.deliveryId, deliveryId),
      ),
    )
    .get();
  return row !== undefined;
}

/** True for the error a batch raises when its ledger insert lost a race with a replay. */
export function isDuplicateDelivery(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : "";
  return /UNIQUE constraint failed: webhook_deliveries\./i.test(text);
}
