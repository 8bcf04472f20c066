import { newId } from "../auth/crypto";
import { type InvitationClaims, verifyInvitation } from "../auth/invitation-token";
import type { Database } from "../db";
import { DomainError, type ErrorDetail, goneTicket, invalid } from "../domain/errors";
import { localDay } from "../domain/local-day";
import { answerRange, type Locale, type QuestionType } from "../domain/questions";
import type { Env } from "../env";
import { afterResponse, enqueueDeliveries, outboxIds, RESPONSE_EVENT_SQL } from "../events/outbox";
import type { FollowUpRule } from "../follow-ups/rules";
import { answerUpsert } from "../store/answers";
import { ticketHash } from "../store/erased-tickets";
import { followUpStatementsForAnswer, getRules } from "../store/follow-ups";
import { getSurvey, type Survey } from "../store/surveys";
import { issuedAt, type TicketRef, ticketOfToken } from "../store/ticket-of-token";
import { getWorkspace, type Workspace } from "../store/workspaces";

export type Answers = Partial<Record<QuestionType, number>>;

export interface Submission {
  answers: Answers;
  comment?: string | null;
  locale?: Locale | null;
}

/** A verified invitation token with the workspace, survey and ticket it names. */
export interface OpenedInvitation {
  claims: InvitationClaims;
  ticket: TicketRef;
  workspace: Workspace;
  survey: Survey;
  /** The workspace's follow-up rules, which an answer may open a follow-up by. */
  rules: FollowUpRule[];
}

/**
 * The token's claims, workspace, survey and ticket; a bad token is a 401, a
 * vanished survey a 404, an erased ticket a 410.
 */
export async function openInvitation(db: Database, signingKeys: string, token: string): Promise<OpenedInvitation> {
  const check = await verifyInvitation(token, signingKeys);
  if (!check.ok) {
    throw check.reason === "expired"
      ? new DomainError("unauthenticated", "token_expired", "This survey link has expired")
      : new DomainError("unauthenticated", "invalid_token", "This survey link is not valid");
  }
  // The follow-up rules are read here, alongside the rest, so recording an answer costs
  // one round trip of reads and one batch (issue 16: ingest near the one-INSERT floor).
  const [workspace, survey, ticket, { rules }] = await Promise.all([
    getWorkspace(db, check.claims.workspaceId),
    getSurvey(db, check.claims.workspaceId, check.claims.surveyId),
    ticketOfToken(db, check.claims),
    getRules(db, check.claims.workspaceId),
  ]);
  return { claims: check.claims, workspace, survey, ticket, rules };
}

/** Checks answers against the survey: at least one of its questions, no other, each in range. */
export function checkAnswers(survey: Survey, answers: Record<string, unknown>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const asked = new Map(survey.questions.map((q) => [q.type as string, q]));
  const keys = Object.keys(answers);
  if (keys.length === 0) details.push({ path: "answers", message: "Answer at least one of the survey's questions" });
  for (const key of keys) {
    const question = asked.get(key);
    if (!question) {
      details.push({ path: `answers.${key}`, message: `This survey does not ask "${key}"` });
      continue;
    }
    const value = answers[key];
    const { min, max } = answerRange(question.type, survey.cesScale);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      details.push({ path: `answers.${key}`, message: `Expected an integer from ${min} to ${max}` });
    }
  }
  return details;
}

/**
 * Records a customer's answer for the token's ticket. One response per
 * (survey, source, ticket): answering again replaces the questions it answers and keeps
 * the rest, and the rollup triggers move the counts in the same statement.
 * The response carries its ticket's current segments. The tombstone check is
 * repeated inside the statement, so an erasure that lands between opening the
 * token and writing still leaves nothing behind (D1 runs statements one at a time).
 */
export async function recordResponse(
  db: Database,
  env: Pick<Env, "SIGNING_KEYS" | "EVENTS">,
  token: string,
  submission: Submission,
  now = Date.now(),
  ctx?: WaitUntil,
): Promise<{ id: string; created: boolean }> {
  return recordOpenedResponse(db, env, await openInvitation(db, env.SIGNING_KEYS, token), submission, now, ctx);
}

/** The request's `ExecutionContext`, to enqueue events after the answer is sent. */
export type WaitUntil = { waitUntil(promise: Promise<unknown>): void };

/**
 * `recordResponse` for a caller that has already opened the token (the HTML
 * pages need the survey before they record), so it is not verified and read twice.
 *
 * The answer, its follow-up and the outbox rows of the events it causes are
 * one D1 batch (one transaction): an event exists exactly when its change does.
 * The Queue is told afterwards, off the request's path; if that fails the
 * re-drive cron sends the rows, so the customer never sees a delivery problem.
 */
export async function recordOpenedResponse(
  db: Database,
  env: Pick<Env, "EVENTS">,
  { claims, workspace, survey, ticket, rules }: OpenedInvitation,
  submission: Submission,
  now = Date.now(),
  ctx?: WaitUntil,
): Promise<{ id: string; created: boolean }> {
  const details = checkAnswers(survey, submission.answers);
  if (details.length > 0) throw invalid(details);
  const a = submission.answers;
  const hash = await ticketHash(workspace.id, ticket.ticketId);
  const day = localDay(now, workspace.timezone);
  const upsert = answerUpsert(db, {
    id: newId("rsp"),
    workspaceId: workspace.id,
    surveyId: survey.id,
    ticketId: ticket.ticketId,
    nps: a.nps ?? null,
    csat: a.csat ?? null,
    ces: a.ces ?? null,
    comment: submission.comment?.trim() ? submission.comment.trim() : null,
    locale: submission.locale ?? claims.locale ?? null,
    now,
    day,
    source: ticket.source,
    ticketHash: hash,
    issuedAt: issuedAt(claims),
  });
  // The follow-up and outbox statements read the response the upsert left: when the
  // upsert wrote nothing (an erased ticket), they find nothing and write nothing.
  const [answered, ...rest] = await db.$client.batch([
    upsert,
    ...followUpStatementsForAnswer(db, {
      surveyId: survey.id,
      source: ticket.source,
      ticketId: ticket.ticketId,
      rules,
      cesScale: survey.cesScale,
      now,
      day,
    }),
    db.$client.prepare(RESPONSE_EVENT_SQL).bind(now, survey.id, ticket.ticketId, ticket.source),
  ]);
  const row = answered?.results[0] as { id: string; revision: number } | undefined;
  // No row: the ticket was erased between opening the token and this write.
  if (!row) throw goneTicket();
  await afterResponse(ctx, enqueueDeliveries(env, outboxIds(rest)));
  return { id: row.id, created: row.revision === 1 };
}
