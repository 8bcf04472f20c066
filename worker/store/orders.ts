import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orders } from "../../schema/tables";
import type { Database } from "../db";
import { type CustomerRef, resolveCustomer } from "./identity";

/** An order as a shop webhook reports it, money already in minor units. */
export interface OrderEvent {
  orderId: string;
  customer?: CustomerRef | null;
  /** Unix ms. */
  placedAt: number;
  totalMinor: bigint;
  currency: string;
  /**
   * The order's status as of `at` (Unix ms, the source's modification time),
   * for sources that report a changing status (WooCommerce): the row follows
   * whichever delivery carries the latest `at`, so a declined card retried on
   * the same order un-cancels it, and reordered deliveries settle on the latest.
   */
  status?: { cancelled: boolean; at: number };
}

/** `status_at` of a cancellation that no later status undoes. */
export const ORDER_FINAL = Number.MAX_SAFE_INTEGER;

/**
 * The statements that record an order, for the caller's batch. The order id is
 * the key, so the same order under new delivery ids stays one row. Without a
 * `status`, a cancellation received earlier is kept: `cancelled` is not touched.
 * With one, the latest status by its time wins; a final cancellation stays.
 *
 * `trustId` is false for sources whose customer ids are their own (Shopify):
 * those match by e-mail only.
 */
export async function upsertOrder(
  db: Database,
  workspaceId: string,
  order: OrderEvent,
  source: string,
  trustId: boolean,
  now = Date.now(),
): Promise<BatchItem<"sqlite">[]> {
  const customer = await resolveCustomer(db, workspaceId, order.customer, trustId);
  // Safe: parseAmount caps amounts at Number.MAX_SAFE_INTEGER.
  const totalMinor = Number(order.totalMinor);
  const upsert = db
    .insert(orders)
    .values({
      workspaceId,
      orderId: order.orderId,
      customerKey: customer.key,
      placedAt: order.placedAt,
      totalMinor,
      currency: order.currency,
      cancelled: order.status?.cancelled ?? false,
      statusAt: order.status?.at ?? null,
      source,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [orders.workspaceId, orders.orderId],
      set: {
        customerKey: sql`COALESCE(excluded.customer_key, ${orders.customerKey})`,
        placedAt: sql`excluded.placed_at`,
        totalMinor: sql`excluded.total_minor`,
        currency: sql`excluded.currency`,
        ...(order.status ? latestStatus : {}),
        updatedAt: now,
      },
    });
  return [...customer.statements, upsert];
}

/** On conflict: the status with the later time wins (ties: the one received last). */
const latestStatus = {
  cancelled: sql`CASE WHEN ${orders.statusAt} IS NULL OR excluded.status_at >= ${orders.statusAt} THEN excluded.cancelled ELSE ${orders.cancelled} END`,
  statusAt: sql`MAX(COALESCE(${orders.statusAt}, 0), excluded.status_at)`,
};

/**
 * Marks an order cancelled for good, creating a placeholder row when the cancellation
 * arrives before the order: the later creation then fills the details but
 * cannot undo the cancellation.
 */
export function cancelOrder(
  db: Database,
  workspaceId: string,
  orderId: string,
  source: string,
  now = Date.now(),
): BatchItem<"sqlite"> {
  return db
    .insert(orders)
    .values({ workspaceId, orderId, cancelled: true, statusAt: ORDER_FINAL, source, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [orders.workspaceId, orders.orderId],
      set: { cancelled: true, statusAt: ORDER_FINAL, updatedAt: now },
    });
}
