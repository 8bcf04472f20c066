import { and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { responses } from "../../schema/tables";
import { base64url, fromBase64url } from "../auth/crypto";
import type { Database } from "../db";
import { invalid } from "../domain/errors";
import { METRICS } from "../domain/metrics";
import type { QuestionType } from "../domain/questions";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";

export interface ResponseFilter {
  surveyId?: string;
  metric?: QuestionType;
  min?: number;
  max?: number;
  /** Inclusive local day of first submission. */
  from?: string;
  /** Exclusive local day. */
  to?: string;
  channel?: string;
  requestType?: string;
  agent?: string;
  team?: string;
}

type ResponseRow = typeof responses.$inferSelect;

/** The answers a response holds, by question type; unanswered questions are absent, not null. */
export function answersOf(r: Record<QuestionType, number | null>): Partial<Record<QuestionType, number>> {
  const answers: Partial<Record<QuestionType, number>> = {};
  for (const metric of METRICS) {
    const value = r[metric];
    if (value != null) answers[metric] = value;
  }
  return answers;
}

/** A row's ticket segments (columns named as the dimensions) as the API shows them: '' reads as null. */
export function ticketSegmentsOf(r: Record<TicketDimension, string>): Record<TicketDimension, string | null> {
  return Object.fromEntries(TICKET_DIMENSIONS.map((d) => [d, r[d] || null])) as Record<TicketDimension, string | null>;
}

/** The public JSON shape of a response. Empty segments read as null. */
export function responseJson(r: ResponseRow) {
  const answers = answersOf(r);
  return {
    id: r.id,
    ticket_id: r.ticketId,
    source: r.source,
    survey_id: r.surveyId,
    answers,
    comment: r.comment,
    locale: r.locale,
    submitted_at: new Date(r.submittedAt).toISOString(),
    updated_at: new Date(r.updatedAt).toISOString(),
    channel: r.channel || null,
    request_type: r.requestType || null,
    agent: r.agent || null,
    team: r.team || null,
  };
}

/** Keyset cursor: the (submitted_at, id) of the last item served. */
export function encodeCursor(row: { submittedAt: number; id: string }): string {
  return base64url(new TextEncoder().encode(`${row.submittedAt}:${row.id}`));
}

function decodeCursor(cursor: string): { submittedAt: number; id: string } {
  const bytes = fromBase64url(cursor);
  const m = bytes && /^(\d{1,15}):([\w]{1,100})$/.exec(new TextDecoder().decode(bytes));
  if (!m) throw invalid([{ path: "cursor", message: "Not a cursor this API returned" }]);
  return { submittedAt: Number(m[1]), id: m[2] as string };
}

/**
 * One page of responses, newest first, by keyset pagination on
 * (submitted_at, id), which the `responses_newest` index serves directly.
 */
export async function listResponses(
  db: Database,
  workspaceId: string,
  filter: ResponseFilter,
  limit: number,
  cursor?: string,
): Promise<{ rows: ResponseRow[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(responses.workspaceId, workspaceId)];
  if (filter.surveyId) where.push(eq(responses.surveyId, filter.surveyId));
  if (filter.from) where.push(gte(responses.submittedDay, filter.from));
  if (filter.to) where.push(lt(responses.submittedDay, filter.to));
  if (filter.channel) where.push(eq(responses.channel, filter.channel));
  if (filter.requestType) where.push(eq(responses.requestType, filter.requestType));
  if (filter.agent) where.push(eq(responses.agent, filter.agent));
  if (filter.team) where.push(eq(responses.team, filter.team));
  if (filter.metric) {
    const column = responses[filter.metric];
    where.push(sql`${column} IS NOT NULL`);
    if (filter.min != null) where.push(gte(column, filter.min));
    if (filter.max != null) where.push(sql`${column} <= ${filter.max}`);
  }
  if (cursor) {
    const at = decodeCursor(cursor);
    where.push(
      or(
        lt(responses.submittedAt, at.submittedAt),
        and(eq(responses.submittedAt, at.submittedAt), lt(responses.id, at.id)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(responses)
    .where(and(...where))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
