import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { customerLinks, erasedTickets, interactions, invitations, orders, responses } from "../../schema/tables";
import type { Database } from "../db";
import { OWN } from "../domain/ticket-source";
import { eraseFollowUps } from "../store/erase-follow-ups";
import { ticketHash } from "../store/erased-tickets";
import { customerKeysFor, emailHash } from "../store/identity";

/**
 * Who an erasure request names: an e-mail, or a customer id qualified by who
 * numbers it (`own`, the workspace's ids, or a support tool's name): Zendesk's
 * user 123 is not the workspace's customer 123.
 */
export interface ErasureRequest {
  email?: string;
  id?: string;
  source: string;
}

export interface ErasureCounts {
  interactions: number;
  responses: number;
  orders: number;
}

/** D1 caps bound parameters per query at 100. */
const CHUNK = 90;

/**
 * Erases a customer everywhere: their tickets, the answers to them (the rollup
 * triggers forget them in the same batch), their orders and identity links.
 * Each erased ticket leaves a tombstone without personal data, so the survey
 * links already sent answer 410 and nothing can be recorded after the erasure.
 * Idempotent: erasing an unknown customer deletes nothing.
 */
export async function eraseCustomer(
  db: Database,
  workspaceId: string,
  request: ErasureRequest,
  now = Date.now(),
): Promise<ErasureCounts> {
  const ownId = request.id && request.source === OWN ? request.id : undefined;
  const keys = new Set(await customerKeysFor(db, workspaceId, { email: request.email, id: ownId }));
  const hash = request.email ? await emailHash(workspaceId, request.email) : null;

  // Tickets that name the person directly: by identity, e-mail hash, or the id in its own namespace.
  const who: SQL[] = [];
  if (keys.size) who.push(inArray(interactions.customerKey, [...keys]));
  if (hash) who.push(eq(interactions.emailHash, hash));
  if (request.id) {
    who.push(and(eq(interactions.source, request.source), eq(interactions.customerId, request.id)) as SQL);
  }
  const tickets = new Map<string, { id: string; source: string; ticketId: string }>();
  const select = () =>
    db
      .select({
        id: interactions.id,
        source: interactions.source,
        ticketId: interactions.ticketId,
        key: interactions.customerKey,
      })
      .from(interactions);
  if (who.length > 0) {
    const direct = await select()
      .where(and(eq(interactions.workspaceId, workspaceId), or(...who)))
      .all();
    // A tool's ticket may carry the person's e-mail: their other tickets and orders go with it.
    const found = direct.map((t) => t.key).filter((k): k is string => k !== null && !keys.has(k));
    for (const t of direct) tickets.set(t.id, t);
    for (const chunk of chunks([...new Set(found)], CHUNK)) {
      for (const k of chunk) keys.add(k);
      const more = await select()
        .where(and(eq(interactions.workspaceId, workspaceId), inArray(interactions.customerKey, chunk)))
        .all();
      for (const t of more) tickets.set(t.id, t);
    }
  }

  const counts: ErasureCounts = { interactions: 0, responses: 0, orders: 0 };
  // Each statement with the tally it feeds.
  const work: { tally: keyof ErasureCounts | null; statement: BatchItem<"sqlite"> }[] = [];
  const all = [...tickets.values()];
  for (const chunk of chunks(all, CHUNK)) {
    const ids = chunk.map((t) => t.id);
    work.push({
      tally: "responses",
      statement: db.delete(responses).where(inArray(responses.interactionId, ids)).returning({ id: responses.id }),
    });
    work.push({
      tally: "interactions",
      statement: db.delete(interactions).where(inArray(interactions.id, ids)).returning({ id: interactions.id }),
    });
  }
  // Answers to the same tickets that lost their link to the interaction.
  const bySource = new Map<string, typeof all>();
  for (const t of all) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t]);
  // Close the loop: their follow-ups and queued events go first, found through the responses.
  const loop = [...bySource].flatMap(([source, group]) =>
    eraseFollowUps(
      db,
      workspaceId,
      source,
      group.map((t) => t.ticketId),
    ).map((statement) => ({ tally: null, statement })),
  );
  work.unshift(...loop);
  for (const [source, group] of bySource) {
    for (const chunk of chunks(group, CHUNK)) {
      work.push({
        tally: "responses",
        statement: db
          .delete(responses)
          .where(
            and(
              eq(responses.workspaceId, workspaceId),
              eq(responses.source, source),
              inArray(
                responses.ticketId,
                chunk.map((t) => t.ticketId),
              ),
            ),
          )
          .returning({ id: responses.id }),
      });
      // Their invitations (ticket id and customer key): the response rate forgets them too.
      work.push({
        tally: null,
        statement: db.delete(invitations).where(
          and(
            eq(invitations.workspaceId, workspaceId),
            eq(invitations.source, source),
            inArray(
              invitations.ticketId,
              chunk.map((t) => t.ticketId),
            ),
          ),
        ),
      });
    }
  }
  const stones = await Promise.all(
    all.map(async (t) => ({
      workspaceId,
      source: t.source,
      ticketHash: await ticketHash(workspaceId, t.ticketId),
      erasedAt: now,
    })),
  );
  for (const chunk of chunks(stones, 20)) {
    work.push({
      tally: null,
      statement: db
        .insert(erasedTickets)
        .values(chunk)
        .onConflictDoUpdate({
          target: [erasedTickets.workspaceId, erasedTickets.source, erasedTickets.ticketHash],
          set: { erasedAt: now },
        }),
    });
  }
  for (const chunk of chunks([...keys], CHUNK)) {
    work.push({
      tally: "orders",
      statement: db
        .delete(orders)
        .where(and(eq(orders.workspaceId, workspaceId), inArray(orders.customerKey, chunk)))
        .returning({ id: orders.orderId }),
    });
    work.push({
      tally: null,
      statement: db
        .delete(customerLinks)
        .where(and(eq(customerLinks.workspaceId, workspaceId), inArray(customerLinks.customerKey, chunk))),
    });
  }
  if (work.length > 0) {
    const statements = work.map((w) => w.statement);
    const results = (await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]])) as unknown[];
    work.forEach((w, i) => {
      const rows = results[i];
      if (w.tally && Array.isArray(rows)) counts[w.tally] += rows.length;
    });
  }
  return counts;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
