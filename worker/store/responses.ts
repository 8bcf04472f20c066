import { type InvitationClaims, verifyInvitation } from "../auth/invitation-token";
import { newId } from "../auth/secrets";
import { database } from "../db";
import { localDay } from "../domain/local-day";
import { answerRange, type Locale, type QuestionType } from "../domain/questions";
import type { Env } from "../env";
import { afterResponse, enqueueDeliveries, outboxIds, RESPONSE_EVENT_SQL } from "../events/outbox";
import type { FollowUpRule } from "../follow-ups/rules";
import { ApiError, type ErrorDetail, invalid } from "../http/errors";
import { ticketHash } from "./erased-tickets";
import { followUpStatementsForAnswer, getRules } from "./follow-ups";
import { getSurvey, type Survey } from "./surveys";
import { goneTicket, issuedAt, type TicketRef, ticketOfToken } from "./ticket-of-token";
import { getWorkspace, type Workspace } from "./workspaces";

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
export async function openInvitation(env: Pick<Env, "DB" | "SIGNING_KEYS">, token: string): Promise<OpenedInvitation> {
  const check = await verifyInvitation(token, env.SIGNING_KEYS);
  if (!check.ok) {
    throw check.reason === "expired"
      ? new ApiError(401, "token_expired", "This survey link has expired")
      : new ApiError(401, "invalid_token", "This survey link is not valid");
  }
  const db = database(env);
  // The follow-up rules are read here, alongside the rest, so recording an answer costs
  // one round trip of reads and one batch (issue 16: ingest near the one-INSERT floor).
  const [workspace, survey, ticket, { rules }] = await Promise.all([
    getWorkspace(db, check.claims.workspaceId),
    getSurvey(db, check.claims.workspaceId, check.claims.surveyId),
    ticketOfToken(db, check.claims),
    getRules(env.DB, check.claims.workspaceId),
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

const UPSERT = `
INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, source, nps, csat, ces, comment, locale,
  submitted_at, submitted_day, updated_at, revision, channel, request_type, agent, team, customer_tenure, value_tier)
SELECT ?1, ?2, ?3, i.id, ?4, ?12, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, 1,
  COALESCE(i.channel, ''), COALESCE(i.request_type, ''), COALESCE(i.agent, ''), COALESCE(i.team, ''),
  COALESCE(i.customer_tenure, ''), COALESCE(i.value_tier, '')
FROM (SELECT 1) LEFT JOIN interactions i ON i.workspace_id = ?2 AND i.source = ?12 AND i.ticket_id = ?4
WHERE NOT EXISTS (SELECT 1 FROM erased_tickets e
  WHERE e.workspace_id = ?2 AND e.source = ?12 AND e.ticket_hash = ?13 AND e.erased_at >= ?14)
ON CONFLICT (survey_id, source, ticket_id) DO UPDATE SET
  nps = COALESCE(excluded.nps, nps),
  csat = COALESCE(excluded.csat, csat),
  ces = COALESCE(excluded.ces, ces),
  comment = COALESCE(excluded.comment, comment),
  locale = COALESCE(excluded.locale, locale),
  updated_at = excluded.updated_at,
  revision = revision + 1,
  interaction_id = excluded.interaction_id,
  channel = excluded.channel, request_type = excluded.request_type, agent = excluded.agent, team = excluded.team,
  customer_tenure = excluded.customer_tenure, value_tier = excluded.value_tier
RETURNING id, revision`;

/**
 * Records a customer's answer for the token's ticket. One response per
 * (survey, source, ticket): answering again replaces the questions it answers and keeps
 * the rest, and the rollup triggers move the counts in the same statement.
 * The response carries its ticket's current segments. The tombstone check is
 * repeated inside the statement, so an erasure that lands between opening the
 * token and writing still leaves nothing behind (D1 runs statements one at a time).
 */
export async function recordResponse(
  env: Pick<Env, "DB" | "SIGNING_KEYS" | "EVENTS">,
  token: string,
  submission: Submission,
  now = Date.now(),
  ctx?: WaitUntil,
): Promise<{ id: string; created: boolean }> {
  return recordOpenedResponse(env, await openInvitation(env, token), submission, now, ctx);
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
  env: Pick<Env, "DB" | "EVENTS">,
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
  const upsert = env.DB.prepare(UPSERT).bind(
    newId("rsp"),
    workspace.id,
    survey.id,
    ticket.ticketId,
    a.nps ?? null,
    a.csat ?? null,
    a.ces ?? null,
    submission.comment?.trim() ? submission.comment.trim() : null,
    submission.locale ?? claims.locale ?? null,
    now,
    day,
    ticket.source,
    hash,
    issuedAt(claims),
  );
  // The follow-up and outbox statements read the response the upsert left: when the
  // upsert wrote nothing (an erased ticket), they find nothing and write nothing.
  const [answered, ...rest] = await env.DB.batch([
    upsert,
    ...followUpStatementsForAnswer(env.DB, {
      surveyId: survey.id,
      source: ticket.source,
      ticketId: ticket.ticketId,
      rules,
      cesScale: survey.cesScale,
      now,
      day,
    }),
    env.DB.prepare(RESPONSE_EVENT_SQL).bind(now, survey.id, ticket.ticketId, ticket.source),
  ]);
  const row = answered?.results[0] as { id: string; revision: number } | undefined;
  // No row: the ticket was erased between opening the token and this write.
  if (!row) throw goneTicket();
  await afterResponse(ctx, enqueueDeliveries(env, outboxIds(rest)));
  return { id: row.id, created: row.revision === 1 };
}
