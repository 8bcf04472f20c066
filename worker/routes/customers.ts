import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { customerLinks, eventDeliveries, followUps, interactions, orders, responses } from "../../schema/tables";
import { requireScope } from "../auth/api-key";
import { database } from "../db";
import type { AppEnv } from "../env";
import { invalid } from "../http/errors";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { customerKeysFor, emailHash } from "../store/identity";

const erase = createRoute({
  method: "delete",
  path: "/v1/customers",
  tags: ["Customers"],
  summary: "Erase a customer everywhere (GDPR)",
  description:
    "Deletes the customer's interactions, responses, orders and identity links; the score rollups forget their answers in the same transaction. Idempotent: erasing an unknown customer deletes nothing.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: {
    query: z.object({ email: z.string().trim().max(320).optional(), id: z.string().trim().max(200).optional() }),
  },
  responses: {
    200: jsonResponse(
      "Erased",
      z.object({ deleted: z.object({ interactions: z.number(), responses: z.number(), orders: z.number() }) }),
    ),
    ...errors(401, 403, 422),
  },
});

export const customerRoutes = new OpenAPIHono<AppEnv>().openapi(erase, async (c) => {
  const { email, id } = c.req.valid("query");
  if (!email && !id) throw invalid([{ path: "email", message: "Give email or id" }]);
  const db = database(c.env);
  const ws = c.var.workspaceId;
  const keys = await customerKeysFor(db, ws, { email, id });
  const hash = email ? await emailHash(ws, email) : null;
  // Tickets from tools whose ids are not linked still match on the raw id or e-mail hash.
  const who: SQL[] = [];
  if (keys.length) who.push(inArray(interactions.customerKey, keys));
  if (id) who.push(eq(interactions.customerId, id));
  if (hash) who.push(eq(interactions.emailHash, hash));
  const matched = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.workspaceId, ws), or(...who)))
    .all();
  const interactionIds = matched.map((m) => m.id);
  const counts = { interactions: 0, responses: 0, orders: 0 };
  // Each statement with the tally it feeds; D1 caps bound parameters per query at 100.
  const work: { tally: keyof typeof counts | null; statement: BatchItem<"sqlite"> }[] = [];
  for (const chunk of chunks(interactionIds, 90)) {
    // Close the loop: their follow-ups go, and their queued events are dropped (the consumer finds no row).
    work.push({ tally: null, statement: db.delete(followUps).where(inArray(followUps.interactionId, chunk)) });
    work.push({
      tally: null,
      statement: db.delete(eventDeliveries).where(inArray(eventDeliveries.interactionId, chunk)),
    });
    work.push({
      tally: "responses",
      statement: db.delete(responses).where(inArray(responses.interactionId, chunk)).returning({ id: responses.id }),
    });
    work.push({
      tally: "interactions",
      statement: db.delete(interactions).where(inArray(interactions.id, chunk)).returning({ id: interactions.id }),
    });
  }
  for (const chunk of chunks(keys, 90)) {
    work.push({
      tally: "orders",
      statement: db
        .delete(orders)
        .where(and(eq(orders.workspaceId, ws), inArray(orders.customerKey, chunk)))
        .returning({ id: orders.orderId }),
    });
    work.push({
      tally: null,
      statement: db
        .delete(customerLinks)
        .where(and(eq(customerLinks.workspaceId, ws), inArray(customerLinks.customerKey, chunk))),
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
  return c.json({ deleted: counts }, 200);
});

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
