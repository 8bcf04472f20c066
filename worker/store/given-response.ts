import { and, eq } from "drizzle-orm";
import { responses } from "../../schema/tables";
import type { Database } from "../db";
import type { QuestionType } from "../domain/questions";

/**
 * What a ticket already answered to a survey, for the customer's own pages.
 * `comment` is only ever text the same request carried (a no-script form shown
 * again); the stored comment never leaves through a token.
 */
export interface GivenResponse {
  answers: Partial<Record<QuestionType, number>>;
  comment: string | null;
}

/**
 * The scores already recorded for (survey, source, ticket), or null. One indexed row
 * (`responses_source_ticket`): the widget and the hosted page show them on reload.
 *
 * Never the comment: whoever holds a token can read what it shows, and a
 * write-only key can mint a token for any ticket, so showing the stored text
 * would hand verbatims to a caller without the read scope. A new comment
 * still replaces it; leaving the box empty keeps it.
 */
export async function findGivenResponse(
  db: Database,
  surveyId: string,
  ticket: { source: string; ticketId: string },
): Promise<GivenResponse | null> {
  const row = await db
    .select({ nps: responses.nps, csat: responses.csat, ces: responses.ces })
    .from(responses)
    .where(
      and(
        eq(responses.surveyId, surveyId),
        eq(responses.source, ticket.source),
        eq(responses.ticketId, ticket.ticketId),
      ),
    )
    .get();
  if (!row) return null;
  const answers: GivenResponse["answers"] = {};
  if (row.nps != null) answers.nps = row.nps;
  if (row.csat != null) answers.csat = row.csat;
  if (row.ces != null) answers.ces = row.ces;
  return { answers, comment: null };
}
