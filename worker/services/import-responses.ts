/**
 * `POST /v1/responses/import`: historical answers (another tool's export, our own CSV) written
 * as responses. Each item is checked on its own (worker/import/import-item.ts), so a bad item
 * is reported and skipped while the others land, and no item is ever half-written: an item's
 * statements run in one D1 batch with its chunk. Imported answers open no follow-up and send no
 * event: they are history, not news.
 *
 * An item's `customer` records the ticket's interaction with that customer, as an invitation
 * does, before the answer in the same batch: the answer then carries the customer's segments
 * (`customer_tenure`, `value_tier`) and the ticket counts for repurchase. A ticket the workspace
 * does not know yet is taken as closed when it was answered; a known one keeps its closing time.
 * An erased ticket records nothing, its customer included.
 */

import type { BatchItem } from "drizzle-orm/batch";
import { newId } from "../auth/crypto";
import type { Database } from "../db";
import { localDay } from "../domain/local-day";
import { type CheckedItem, checkItem, type ImportError, type RawItem } from "../import/import-item";
import { ticketHash } from "../store/erased-tickets";
import { importedResponseUpsert, ticketKey, ticketsKnownOrErased } from "../store/imported-responses";
import { upsertInteraction } from "../store/interactions";
import { getSurvey, listSurveys } from "../store/surveys";
import { getWorkspace } from "../store/workspaces";

/** Items per D1 batch: the answer statement binds 18 parameters, far under D1's 100 per statement. */
const CHUNK = 100;

export interface ImportResult {
  imported: number;
  updated: number;
  errors: ImportError[];
}

/**
 * Imports `items` (already parsed, at most MAX_IMPORT_ITEMS) into the workspace; with
 * `surveyOverride`, every item goes to that survey, which must be the workspace's (else 404).
 */
export async function importResponses(
  db: Database,
  workspaceId: string,
  items: readonly RawItem[],
  surveyOverride: string | undefined,
  now = Date.now(),
): Promise<ImportResult> {
  const [workspace] = await Promise.all([
    getWorkspace(db, workspaceId),
    surveyOverride ? getSurvey(db, workspaceId, surveyOverride) : null,
  ]);
  const surveyById = new Map((await listSurveys(db, workspace.id)).map((s) => [s.id, s]));
  const errors: ImportError[] = [];
  const checked: CheckedItem[] = [];
  items.forEach((item, index) => {
    const result = checkItem(item, index, surveyById, surveyOverride, now);
    if ("code" in result) errors.push(result);
    else checked.push(result);
  });

  let imported = 0;
  let updated = 0;
  for (let i = 0; i < checked.length; i += CHUNK) {
    const chunk = await Promise.all(
      checked.slice(i, i + CHUNK).map(async (c) => ({ ...c, hash: await ticketHash(workspace.id, c.ticketId) })),
    );
    const withCustomer = chunk.filter((c) => c.customer);
    const tickets = await ticketsKnownOrErased(
      db,
      workspace.id,
      withCustomer.map((c) => [c.source, c.ticketId, c.hash] as [string, string, string]),
    );
    const statements: D1PreparedStatement[] = [];
    const answerAt: number[] = [];
    for (const c of chunk) {
      const key = ticketKey(c.source, c.ticketId);
      if (c.customer && !tickets.erased.has(key)) {
        const upserts = await upsertInteraction(
          db,
          workspace.id,
          workspace.timezone,
          {
            ticketId: c.ticketId,
            source: c.source,
            customer: c.customer,
            closedAt: tickets.known.has(key) ? null : c.submittedAt,
            channel: c.segments.channel || null,
            requestType: c.segments.request_type || null,
            agent: c.segments.agent || null,
            team: c.segments.team || null,
          },
          now,
        );
        statements.push(...d1Statements(db, upserts));
      }
      answerAt.push(statements.length);
      statements.push(
        importedResponseUpsert(db, {
          id: newId("rsp"),
          workspaceId: workspace.id,
          surveyId: c.survey.id,
          ticketId: c.ticketId,
          source: c.source,
          answers: c.answers,
          comment: c.comment,
          locale: c.locale,
          submittedAt: c.submittedAt,
          submittedDay: localDay(c.submittedAt, workspace.timezone),
          segments: c.segments,
          ticketHash: c.hash,
          now,
        }),
      );
    }
    const results = await db.$client.batch<{ revision: number }>(statements);
    for (const at of answerAt) {
      const revision = results[at]?.results?.[0]?.revision;
      if (revision === 1) imported++;
      else if (revision != null) updated++;
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { imported, updated, errors };
}

/** Drizzle's statements as D1's, so they share one `batch` with the raw SQL ones. */
function d1Statements(db: Database, items: readonly BatchItem<"sqlite">[]): D1PreparedStatement[] {
  return items.map((s) => {
    const query = (s as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    return db.$client.prepare(query.sql).bind(...query.params);
  });
}
