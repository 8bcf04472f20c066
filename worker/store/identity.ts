import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { customerLinks, interactions, orders } from "../../schema/tables";
import { sha256Hex } from "../auth/crypto";
import type { Database } from "../db";
import { normalizeEmail } from "../domain/customer-email";

/** A customer as an event names them. */
export interface CustomerRef {
  id?: string | null;
  email?: string | null;
}

export interface ResolvedCustomer {
  emailHash: string | null;
  customerId: string | null;
  /** SQL that yields the customer key inside the caller's batch, after `statements` ran. */
  key: SQL | null;
  /** Link inserts and, when this event joins two known customers, the merge. */
  statements: BatchItem<"sqlite">[];
}

/**
 * E-mails are kept only as a salted SHA-256: enough to match a customer's orders
 * to their tickets and to erase them on request, useless to anyone reading the
 * database.
 */
export function emailHash(workspaceId: string, email: string): Promise<string> {
  return sha256Hex(`${workspaceId}:${normalizeEmail(email)}`);
}

/**
 * Resolves an event's customer to one customer key, linking e-mail and id when
 * the event carries both, whatever order events arrive in.
 *
 * New keys are derived from the identity itself (`e:<hash>` or `i:<id>`), so two
 * concurrent events for the same new customer agree without coordination. The
 * key written with the event is read back from `customer_links` inside the same
 * batch, so whichever link insert won the race is the one used.
 *
 * `trustId` is false for tools whose numeric ids are their own (Shopify,
 * Zendesk): those match by e-mail only.
 */
export async function resolveCustomer(
  db: Database,
  workspaceId: string,
  ref: CustomerRef | null | undefined,
  trustId: boolean,
): Promise<ResolvedCustomer> {
  const email = ref?.email && normalizeEmail(ref.email) ? ref.email : null;
  const hash = email ? await emailHash(workspaceId, email) : null;
  const id = trustId && ref?.id ? String(ref.id) : null;
  if (!hash && !id) return { emailHash: null, customerId: ref?.id ? String(ref.id) : null, key: null, statements: [] };

  const wanted = [hash ? { kind: "email", value: hash } : null, id ? { kind: "id", value: id } : null].filter(
    (x): x is { kind: string; value: string } => x !== null,
  );
  const known = await db
    .select()
    .from(customerLinks)
    .where(
      and(
        eq(customerLinks.workspaceId, workspaceId),
        or(...wanted.map((w) => and(eq(customerLinks.kind, w.kind), eq(customerLinks.value, w.value)))),
      ),
    )
    .all();
  const byEmail = known.find((k) => k.kind === "email")?.customerKey;
  const byId = known.find((k) => k.kind === "id")?.customerKey;
  const key = byEmail ?? byId ?? (hash ? `e:${hash.slice(0, 32)}` : `i:${id}`);

  const statements: BatchItem<"sqlite">[] = [];
  if (byEmail && byId && byEmail !== byId) statements.push(...mergeCustomers(db, workspaceId, byId, byEmail));
  for (const w of wanted) {
    statements.push(
      db
        .insert(customerLinks)
        .values({ workspaceId, kind: w.kind, value: w.value, customerKey: key })
        .onConflictDoNothing(),
    );
  }
  const first = wanted[0] as { kind: string; value: string };
  const keySql = sql`(SELECT ${customerLinks.customerKey} FROM ${customerLinks} WHERE ${customerLinks.workspaceId} = ${workspaceId} AND ${customerLinks.kind} = ${first.kind} AND ${customerLinks.value} = ${first.value})`;
  return { emailHash: hash, customerId: ref?.id ? String(ref.id) : null, key: keySql, statements };
}

/** Folds customer `from` into `into`: every link, ticket and order moves over. */
function mergeCustomers(db: Database, workspaceId: string, from: string, into: string): BatchItem<"sqlite">[] {
  return [
    db
      .update(customerLinks)
      .set({ customerKey: into })
      .where(and(eq(customerLinks.workspaceId, workspaceId), eq(customerLinks.customerKey, from))),
    db
      .update(interactions)
      .set({ customerKey: into })
      .where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.customerKey, from))),
    db
      .update(orders)
      .set({ customerKey: into })
      .where(and(eq(orders.workspaceId, workspaceId), eq(orders.customerKey, from))),
  ];
}

/** Every customer key an erasure request names, by e-mail or by id. */
export async function customerKeysFor(
  db: Database,
  workspaceId: string,
  ref: { email?: string; id?: string },
): Promise<string[]> {
  const conditions: SQL[] = [];
  if (ref.email) {
    const hash = await emailHash(workspaceId, ref.email);
    conditions.push(and(eq(customerLinks.kind, "email"), eq(customerLinks.value, hash)) as SQL);
  }
  if (ref.id) conditions.push(and(eq(customerLinks.kind, "id"), eq(customerLinks.value, ref.id)) as SQL);
  if (conditions.length === 0) return [];
  const rows = await db
    .select({ key: customerLinks.customerKey })
    .from(customerLinks)
    .where(and(eq(customerLinks.workspaceId, workspaceId), or(...conditions)))
    .all();
  return [...new Set(rows.map((r) => r.key))];
}
