import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { interactions } from "../../schema/tables";
import { newId } from "../auth/crypto";
import type { Database } from "../db";
import { localDay } from "../domain/local-day";
import { OWN } from "../domain/ticket-source";
import type { Money } from "../metrics/cost";
import { type CustomerRef, resolveCustomer } from "./identity";

/** A solved ticket as an invitation or a support webhook reports it. */
export interface InteractionEvent {
  ticketId: string;
  customer?: CustomerRef | null;
  channel?: string | null;
  requestType?: string | null;
  agent?: string | null;
  team?: string | null;
  /** Unix ms; when absent, a new interaction is closed now and a known one keeps its time. */
  closedAt?: number | null;
  /**
   * Who numbers `ticketId` (worker/domain/ticket-source.ts): `own`, or the
   * support tool's name. The ticket is `(source, ticketId)`.
   */
  source: string;
  /** Agent time in whole seconds; when absent, a known interaction keeps its recorded time. */
  handlingSeconds?: number | null;
  /** Refunds and gestures; when absent, a known interaction keeps its recorded one. */
  compensation?: Money | null;
}

/**
 * The statements that record an interaction or update it by `(source, ticket_id)`, for the
 * caller to run in one batch. Fields the event omits keep their recorded
 * values. A reopened ticket keeps the latest `closed_at` ever received, so
 * deliveries may arrive in any order.
 */
export async function upsertInteraction(
  db: Database,
  workspaceId: string,
  timeZone: string,
  event: InteractionEvent,
  now = Date.now(),
): Promise<BatchItem<"sqlite">[]> {
  const customer = await resolveCustomer(db, workspaceId, event.customer, trustsCustomerIds(event.source));
  const closedAt = event.closedAt ?? now;
  const set: Record<string, SQL | string | number | null> = { updatedAt: now };
  const segments = { channel: event.channel, requestType: event.requestType, agent: event.agent, team: event.team };
  for (const [field, value] of Object.entries(segments) as [keyof typeof segments, string | null | undefined][]) {
    if (value !== undefined && value !== null) set[field] = fromLatestClosing(event, field, value);
  }
  if (event.handlingSeconds != null)
    set.handlingSeconds = fromLatestClosing(event, "handlingSeconds", event.handlingSeconds);
  if (event.compensation) {
    set.compensationMinor = fromLatestClosing(event, "compensationMinor", Number(event.compensation.minor));
    set.compensationCurrency = fromLatestClosing(event, "compensationCurrency", event.compensation.currency);
  }
  if (customer.key) {
    set.customerKey = fromLatestClosing(event, "customerKey", customer.key);
    if (customer.emailHash) set.emailHash = fromLatestClosing(event, "emailHash", customer.emailHash);
    if (customer.customerId) set.customerId = fromLatestClosing(event, "customerId", customer.customerId);
  }
  if (event.closedAt != null) {
    // Keep the later of the two closings: the day moves with the time it belongs to.
    set.closedDay = sql`CASE WHEN excluded.closed_at > ${interactions.closedAt} THEN excluded.closed_day ELSE ${interactions.closedDay} END`;
    set.closedAt = sql`MAX(${interactions.closedAt}, excluded.closed_at)`;
  }
  const upsert = db
    .insert(interactions)
    .values({
      id: newId("int"),
      workspaceId,
      ticketId: event.ticketId,
      customerKey: customer.key,
      customerId: customer.customerId,
      emailHash: customer.emailHash,
      channel: event.channel ?? "",
      requestType: event.requestType ?? "",
      agent: event.agent ?? "",
      team: event.team ?? "",
      closedAt,
      closedDay: localDay(closedAt, timeZone),
      source: event.source,
      handlingSeconds: event.handlingSeconds ?? null,
      compensationMinor: event.compensation ? Number(event.compensation.minor) : null,
      compensationCurrency: event.compensation?.currency ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: [interactions.workspaceId, interactions.source, interactions.ticketId], set });
  return [...customer.statements, upsert];
}

/** The fields a closing records, and how each one says "not recorded": segments are '', the rest NULL. */
const EMPTY_WHEN = {
  channel: "blank",
  requestType: "blank",
  agent: "blank",
  team: "blank",
  customerKey: "null",
  emailHash: "null",
  customerId: "null",
  handlingSeconds: "null",
  compensationMinor: "null",
  compensationCurrency: "null",
} as const;

/**
 * The value an update writes into `field`. A late delivery of an earlier closing (deliveries
 * arrive in any order) does not overwrite what the latest closing recorded (who the customer
 * was, who closed the ticket, the time spent, the gesture); it only fills a field still empty.
 */
function fromLatestClosing(
  event: InteractionEvent,
  field: keyof typeof EMPTY_WHEN,
  value: SQL | string | number,
): SQL | string | number {
  if (event.closedAt == null) return value;
  const column = interactions[field];
  const empty = EMPTY_WHEN[field] === "blank" ? sql`${column} = ''` : sql`${column} IS NULL`;
  return sql`CASE WHEN excluded.closed_at >= ${interactions.closedAt} OR ${empty} THEN excluded.${sql.identifier(column.name)} ELSE ${column} END`;
}

/**
 * Whether a ticket's customer id is the workspace's own customer id, linked to
 * the customer's other tickets and orders (and erased by `?id=…&source=own`).
 * The workspace's own tickets carry its ids, and so does Intercom (its
 * `external_id` is, by Intercom's definition, the workspace's id for the
 * contact). Other tools number customers themselves: their customer 123 is not
 * the workspace's customer 123, so their tickets match customers by e-mail only.
 */
export function trustsCustomerIds(ticketSource: string): boolean {
  return ticketSource === OWN || ticketSource === "intercom";
}
