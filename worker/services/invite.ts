import { signInvitation } from "../auth/invitation-token";
import type { Database } from "../db";
import { isBeyondSkew, notAfter } from "../domain/clock-skew";
import { DomainError, goneTicket, invalid } from "../domain/errors";
import { INVITATION_TTL_DAYS } from "../domain/invitation";
import { answerValues, type Locale } from "../domain/questions";
import type { Env } from "../env";
import { type InteractionEvent, upsertInteraction } from "../store/interactions";
import { issueInvitation } from "../store/issued-invitations";
import type { Survey } from "../store/surveys";

export interface Invitation {
  token: string;
  url: string;
  links: Record<string, string>;
  embed: string;
  expires_at: string;
}

/** 409 `throttled`: survey fatigue keeps this customer from another survey until `next_eligible_at`. */
export function throttled(nextEligibleAt: number): DomainError {
  return new DomainError("conflict", "throttled", "This customer was invited within the workspace's survey cooldown", {
    next_eligible_at: new Date(nextEligibleAt).toISOString(),
  });
}

/**
 * Records (or updates) the ticket's interaction, records its invitation and
 * mints its signed survey links. The ticket is recorded even when survey
 * fatigue refuses the invitation (409 `throttled`): it still counts for
 * repurchase.
 */
export async function invite(
  db: Database,
  env: Pick<Env, "SIGNING_KEYS">,
  origin: string,
  workspace: { id: string; timezone: string; surveyCooldownDays?: number },
  survey: Survey,
  event: InteractionEvent,
  locale?: Locale,
  now = Date.now(),
): Promise<Invitation> {
  const statements = await upsertInteraction(db, workspace.id, workspace.timezone, closedNoLaterThan(event, now), now);
  // The ticket's upsert and its invitation in ONE batch: identity, interaction and
  // invitation are all written or none is.
  const upserts = statements.map((s) => {
    const query = (s as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    return db.$client.prepare(query.sql).bind(...query.params);
  });
  const outcome = await issueInvitation(
    db,
    { workspace, surveyId: survey.id, ticket: { source: event.source, ticketId: event.ticketId }, now },
    upserts,
  );
  // The ticket was upserted in the same batch, so it cannot be missing here.
  if (!outcome.issued) throw "noTicket" in outcome ? goneTicket() : throttled(outcome.nextEligibleAt);
  return mintInvitation(
    env,
    origin,
    workspace.id,
    survey,
    { source: event.source, ticketId: event.ticketId },
    locale,
    now,
  );
}

/**
 * The ticket as the caller sent it, with a `closed_at` a little ahead of ours (clock skew)
 * taken as now; further ahead is 422 naming `closed_at`, before anything is written
 * (docs/future-times.md).
 */
function closedNoLaterThan(event: InteractionEvent, now: number): InteractionEvent {
  if (event.closedAt == null) return event;
  if (isBeyondSkew(event.closedAt, now)) {
    throw invalid([{ path: "closed_at", message: "Is in the future: send the time the ticket was closed" }]);
  }
  return { ...event, closedAt: notAfter(event.closedAt, now) };
}

/**
 * Signs a survey token for a ticket already recorded and builds its links. Pure
 * of the database, so a webhook receiver can record the ticket in its own batch
 * (with its delivery ledger) and then mint the links.
 */
export async function mintInvitation(
  env: Pick<Env, "SIGNING_KEYS">,
  origin: string,
  workspaceId: string,
  survey: Survey,
  ticket: { source: string; ticketId: string },
  locale?: Locale,
  now = Date.now(),
): Promise<Invitation> {
  const expiresAt = Math.floor(now / 1000) + INVITATION_TTL_DAYS * 86_400;
  const token = await signInvitation(
    {
      workspaceId,
      surveyId: survey.id,
      ticketId: ticket.ticketId,
      source: ticket.source,
      issuedAt: now,
      expiresAt,
      ...(locale ? { locale } : {}),
    },
    env.SIGNING_KEYS,
  );
  return invitationLinks(origin, survey, token, expiresAt);
}

/** The links of a token: hosted page, one click per value of the first question, embed tag. */
export function invitationLinks(origin: string, survey: Survey, token: string, expiresAt: number): Invitation {
  const first = survey.questions[0];
  const links: Record<string, string> = {};
  if (first) {
    for (const v of answerValues(first.type, survey.cesScale))
      links[String(v)] = `${origin}/r/${token}/${first.type}/${v}`;
  }
  return {
    token,
    url: `${origin}/s/${token}`,
    links,
    embed: `<script src="${origin}/widget.js" data-token="${token}" async></script>`,
    expires_at: new Date(expiresAt * 1000).toISOString(),
  };
}
