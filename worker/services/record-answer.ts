import { newId } from "../auth/crypto";
import { type InvitationClaims, verifyInvitation } from "../auth/invitation-token";
import type { Database } from "../db";
import { DomainError, type ErrorDetail, goneTicket, invalid } from "../domain/errors";
import { localDay } from "../domain/local-day";
import { answerRange, type Locale, type QuestionType } from "../domain/questions";
import type { Env } from "../env";
import { afterResponse, enqueueDeliveries, outboxIds, responseEventStatement } from "../events/outbox";
import type { FollowUpRule } from "../follow-ups/rules";
import { type AnswerFacts, factsHold, type Guard, readAnswerFacts, UNGUARDED } from "../store/answer-facts";
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

/** The claims of a token whose signature and expiry check; a bad token is a 401. */
async function verifiedClaims(signingKeys: string, token: string): Promise<InvitationClaims> {
  const check = await verifyInvitation(token, signingKeys);
  if (!check.ok) {
    throw check.reason === "expired"
      ? new DomainError("unauthenticated", "token_expired", "This survey link has expired")
      : new DomainError("unauthenticated", "invalid_token", "This survey link is not valid");
  }
  return check.claims;
}

/**
 * The token's claims, workspace, survey and ticket; a bad token is a 401, a
 * vanished survey a 404, an erased ticket a 410.
 */
export async function openInvitation(db: Database, signingKeys: string, token: string): Promise<OpenedInvitation> {
  return openVerified(db, await verifiedClaims(signingKeys, token));
}

async function openVerified(db: Database, claims: InvitationClaims): Promise<OpenedInvitation> {
  // The follow-up rules are read here, alongside the rest, so that opening costs one round trip.
  const [workspace, survey, ticket, { rules }] = await Promise.all([
    getWorkspace(db, claims.workspaceId),
    getSurvey(db, claims.workspaceId, claims.surveyId),
    ticketOfToken(db, claims),
    getRules(db, claims.workspaceId),
  ]);
  return { claims, workspace, survey, ticket, rules };
}

/** Checks answers against the survey: at least one of its questions, no other, each in range. */
export function checkAnswers(
  survey: Pick<Survey, "questions" | "cesScale">,
  answers: Record<string, unknown>,
): ErrorDetail[] {
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

/** Names the steps of recording an answer, so the route can report what each cost (Server-Timing). */
export interface AnswerSteps {
  measure<T>(step: "token" | "read" | "write", work: () => Promise<T>): Promise<T>;
}

const unmeasured: AnswerSteps = { measure: (_step, work) => work() };

/** The request's `ExecutionContext`, to enqueue events after the answer is sent. */
export type WaitUntil = { waitUntil(promise: Promise<unknown>): void };

type Recorded = { id: string; created: boolean };

/**
 * Records a customer's answer for the token's ticket. One response per
 * (survey, source, ticket): answering again replaces the questions it answers and keeps
 * the rest, and the rollup triggers move the counts in the same statement.
 * The response carries its ticket's current segments. The tombstone check is
 * inside the statement, so an erasure that lands between opening the token and
 * writing still leaves nothing behind (D1 runs statements one at a time).
 *
 * The fast way (issue 16: ingest near the one-INSERT floor) is one D1 batch and
 * no read: the workspace, survey and rules come from this isolate's memory of an
 * earlier answer (`AnswerFacts`), and every statement of the batch carries the
 * condition that they still hold. When the batch writes nothing (they changed, the
 * ticket was erased, or nothing was remembered and the survey is gone) or the answer
 * does not pass the remembered survey's check, the answer takes the checked way:
 * everything read afresh, then written. Errors therefore always come from current
 * data, and no answer is ever written against facts that no longer hold.
 */
export async function recordResponse(
  db: Database,
  env: Pick<Env, "SIGNING_KEYS" | "EVENTS">,
  token: string,
  submission: Submission,
  {
    now = Date.now(),
    ctx,
    steps = unmeasured,
    shard,
  }: {
    now?: number;
    ctx?: WaitUntil;
    steps?: AnswerSteps;
    /** The binding name of `db`, named in the Queue messages of the answer's events. */
    shard?: string;
  } = {},
): Promise<Recorded> {
  const claims = await steps.measure("token", () => verifiedClaims(env.SIGNING_KEYS, token));
  // A token minted before tickets had a source needs a read to find its ticket: the checked way.
  if (claims.source !== undefined) {
    const ticket = { source: claims.source, ticketId: claims.ticketId };
    const recorded = await recordOnKnownFacts(db, env, claims, ticket, submission, now, ctx, steps, shard);
    if (recorded) return recorded;
  }
  const opened = await steps.measure("read", () => openVerified(db, claims));
  return steps.measure("write", () => recordOpenedResponse(db, env, opened, submission, now, ctx, shard));
}

/**
 * Facts remembered by this isolate, by workspace and survey. Never trusted: each
 * write checks them in SQL (`factsHold`), and one that finds them changed forgets
 * them. Bounded, oldest first out, so a Worker serving many workspaces stays small.
 */
const knownFacts = new Map<string, AnswerFacts>();
const KNOWN_FACTS_MAX = 500;

/** Forgets every remembered fact (tests that change the facts behind the Worker's back). */
export function forgetAnswerFacts(): void {
  knownFacts.clear();
}

/** The fast way of `recordResponse`; null when the answer must take the checked way. */
async function recordOnKnownFacts(
  db: Database,
  env: Pick<Env, "EVENTS">,
  claims: InvitationClaims,
  ticket: TicketRef,
  submission: Submission,
  now: number,
  ctx: WaitUntil | undefined,
  steps: AnswerSteps,
  shard: string | undefined,
): Promise<Recorded | null> {
  const key = `${claims.workspaceId}/${claims.surveyId}`;
  let facts = knownFacts.get(key);
  if (!facts) {
    const read = await steps.measure("read", () => readAnswerFacts(db, claims.workspaceId, claims.surveyId));
    if (!read) return null;
    if (knownFacts.size >= KNOWN_FACTS_MAX) knownFacts.delete(knownFacts.keys().next().value as string);
    knownFacts.set(key, read);
    facts = read;
  }
  if (checkAnswers(facts, submission.answers).length > 0) return null;
  const held = facts;
  const recorded = await steps.measure("write", () =>
    writeAnswer(db, env, claims, ticket, held, submission, now, ctx, factsHold(held), shard),
  );
  if (!recorded) knownFacts.delete(key);
  return recorded;
}

/**
 * `recordResponse` for a caller that has already opened the token (the HTML
 * pages need the survey before they record), so it is not verified and read twice.
 */
export async function recordOpenedResponse(
  db: Database,
  env: Pick<Env, "EVENTS">,
  { claims, workspace, survey, ticket, rules }: OpenedInvitation,
  submission: Submission,
  now = Date.now(),
  ctx?: WaitUntil,
  /** The binding name of `db`, named in the Queue messages of the answer's events. */
  shard?: string,
): Promise<Recorded> {
  const details = checkAnswers(survey, submission.answers);
  if (details.length > 0) throw invalid(details);
  const facts = {
    workspaceId: workspace.id,
    surveyId: survey.id,
    timezone: workspace.timezone,
    cesScale: survey.cesScale,
    rules,
    endpoints: true,
  };
  const recorded = await writeAnswer(db, env, claims, ticket, facts, submission, now, ctx, UNGUARDED, shard);
  // Nothing written: the ticket was erased between opening the token and this write.
  if (!recorded) throw goneTicket();
  return recorded;
}

/**
 * The answer, its follow-up and the outbox rows of the events it causes, as
 * one D1 batch (one transaction): an event exists exactly when its change does.
 * The Queue is told afterwards, off the request's path; if that fails the
 * re-drive cron sends the rows, so the customer never sees a delivery problem.
 * Null when the batch wrote nothing: the ticket was erased, or `guard` did not hold.
 */
async function writeAnswer(
  db: Database,
  env: Pick<Env, "EVENTS">,
  claims: InvitationClaims,
  ticket: TicketRef,
  facts: Pick<AnswerFacts, "workspaceId" | "surveyId" | "timezone" | "cesScale" | "rules" | "endpoints">,
  submission: Submission,
  now: number,
  ctx: WaitUntil | undefined,
  guard: Guard,
  shard: string | undefined,
): Promise<Recorded | null> {
  const a = submission.answers;
  const hash = await ticketHash(facts.workspaceId, ticket.ticketId);
  const day = localDay(now, facts.timezone);
  // Names this answer's change: the statements after the upsert act only if it changed the response.
  const changeId = newId("chg");
  const upsert = answerUpsert(
    db,
    {
      id: newId("rsp"),
      workspaceId: facts.workspaceId,
      surveyId: facts.surveyId,
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
      changeId,
    },
    guard,
  );
  // The follow-up and outbox statements read the response the upsert left: when the
  // upsert wrote nothing (an erased ticket), they find nothing and write nothing; when
  // the guard fails, they carry it too and write nothing either. Facts that say the workspace
  // has no webhook endpoint leave the outbox statements out: the guard holds that none exists.
  const where = { surveyId: facts.surveyId, source: ticket.source, ticketId: ticket.ticketId, changeId };
  const [answered, ...rest] = await db.$client.batch([
    upsert,
    ...followUpStatementsForAnswer(
      db,
      { ...where, rules: facts.rules, cesScale: facts.cesScale, now, day, events: facts.endpoints },
      guard,
    ),
    ...(facts.endpoints ? [responseEventStatement(db.$client, { ...where, now }, guard)] : []),
  ]);
  const row = answered?.results[0] as { id: string; revision: number; change_id: string | null } | undefined;
  if (!row) return null;
  await afterResponse(ctx, enqueueDeliveries(env, outboxIds(rest), shard));
  // A re-post that changed nothing is the existing response: 200, even when it is the first revision.
  return { id: row.id, created: row.revision === 1 && row.change_id === changeId };
}
