import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { workspaces } from "../../schema/tables";
import type { Database } from "../db";
import { notAfter } from "../domain/clock-skew";
import { DomainError } from "../domain/errors";
import { ticketSourceOfHook } from "../domain/ticket-source";
import type { Env } from "../env";
import { publicOrigin } from "../http/public-origin";
import { chargeHookFailure, chargeVerifiedHook } from "../http/rate-limit";
import { type Invitation, mintInvitation } from "../services/invite";
import { isDuplicateDelivery, recordDelivery, wasDelivered } from "../store/deliveries";
import { integrationSecret } from "../store/integrations";
import { upsertInteraction } from "../store/interactions";
import { issueInvitation } from "../store/issued-invitations";
import { cancelOrder, upsertOrder } from "../store/orders";
import { findDefaultSurvey } from "../store/surveys";
import { deliveryKeyOfBody } from "./delivery-key";
import { parseHookJson } from "./payload";
import type { Delivery, HookEvent, HookSource } from "./source";
import { hookSource } from "./sources";

/**
 * The receiver's answer: `{"ok": true, "duplicate"?: true, "ignored"?: "..."}`,
 * and for a solved ticket the invitation object of `POST /v1/invitations`
 * itself (`token`, `url`, `links`, `embed`, `expires_at`), also kept under
 * `invitation` for clients that read it there.
 */
export type HookResult = {
  ok: true;
  duplicate?: true;
  ignored?: string;
  invitation?: Invitation;
  /** Survey fatigue: the customer was invited within the cooldown; no links are issued. */
  throttled?: true;
  next_eligible_at?: string;
} & Partial<Invitation>;

/**
 * One answer for every authentication failure: unknown workspace, source not
 * set, missing, wrong or stale signature. A caller learns nothing about which
 * workspaces exist or what is configured.
 */
const rejected = () =>
  new DomainError(
    "unauthenticated",
    "invalid_signature",
    "Missing, wrong or stale signature for this webhook endpoint",
  );

/** A webhook request as the route hands it over: the body already read under the receivers' 1 MB limit. */
export interface HookRequest {
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
  /** The request URL, for the origin of survey links. */
  url: string;
  /** `cf-connecting-ip`: failed authentications are charged to it. */
  ip: string | null;
}

/**
 * The receiver pipeline, the same for every source:
 * find the workspace and the source's secret → verify the signature over the
 * exact bytes (401, charged to the caller's address; 429 once it is over its
 * failure budget) → spend the endpoint's budget, verified deliveries only →
 * parse (400; 422 past the depth bound) → map to our event (422) → apply it
 * together with the delivery-ledger insert in one D1 batch, so a replay is
 * either fully processed or not at all. The ledger key is the tool's delivery
 * id, or for a tool that sends none the digest of the signed bytes. `db` is the
 * workspace's shard, which the resolver found from the URL's workspace id (the
 * directory for an unknown one).
 */
export async function receiveDelivery(
  db: Database,
  env: Env,
  request: HookRequest,
  workspaceId: string,
  sourceName: string,
  now = Date.now(),
): Promise<HookResult> {
  const body = request.body;
  const delivery: Delivery = { headers: request.headers, body, text: new TextDecoder().decode(body), receivedAt: now };
  const source = hookSource(sourceName);
  if (!source) return reject(env, request);
  if (source.isHandshake?.(delivery)) return { ok: true, ignored: "handshake" };

  const [workspace, secret] = await Promise.all([
    db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get(),
    integrationSecret(db, workspaceId, source.name),
  ]);
  if (!workspace || !secret) return reject(env, request);
  const verified = await source.verify(delivery, secret);
  if (!verified) return reject(env, request);
  await chargeVerifiedHook(env, `${workspace.id}/${source.name}`);

  const mapped = source.map(parseHookJson(delivery.text), delivery);
  if ("ignored" in mapped) return { ok: true, ignored: mapped.ignored };
  const notPurchase = notAPurchase(mapped.event);
  if (notPurchase) return { ok: true, ignored: notPurchase };
  // A tool that sends no delivery id is deduplicated on the bytes it signed (delivery-key.ts).
  const deliveryId = mapped.deliveryId ?? verified.deliveryId ?? (await deliveryKeyOfBody(source.name, body));
  const duplicate = await applyOnce(db, workspace, source, notAfterReceipt(mapped.event, now), deliveryId, now);

  const result: HookResult = { ok: true, ...(duplicate ? { duplicate: true as const } : {}) };
  if (mapped.event.kind === "interaction") {
    // The support tool pastes these links into its closing e-mail; a replay gets them too.
    const survey = await findDefaultSurvey(db, workspace.id);
    if (survey) {
      const event = mapped.event;
      const ticket = { source: ticketSourceOfHook(source.name), ticketId: event.interaction.ticketId };
      const outcome = await issueInvitation(db, { workspace, surveyId: survey.id, ticket, now });
      // A replayed delivery of an erased ticket: acknowledged, no link, and no false "throttled".
      if (!outcome.issued && "noTicket" in outcome) return result;
      if (!outcome.issued) {
        return { ...result, throttled: true, next_eligible_at: new Date(outcome.nextEligibleAt).toISOString() };
      }
      const invitation = await mintInvitation(
        env,
        publicOrigin(env, request.url),
        workspace.id,
        survey,
        ticket,
        event.locale,
        now,
      );
      // docs/webhooks.md: the support tool gets the same invitation object as POST /v1/invitations.
      Object.assign(result, invitation, { invitation });
    }
  }
  return result;
}

/**
 * An order whose total is zero is a free replacement or a giveaway, not a
 * customer choosing to buy again: it is acknowledged and not recorded, so it
 * never counts as a repurchase (docs/webhooks.md, "Repurchase rules").
 */
function notAPurchase(event: HookEvent): string | null {
  return event.kind === "order" && event.order.totalMinor === 0n ? "zero-total order: not a purchase" : null;
}

/**
 * The event with its `closed_at` or `placed_at` no later than its receipt: a sender's clock
 * ahead of ours, a little (skew) or a lot (a bug), cannot have a ticket closed or an order placed
 * after we heard of it. Clamped, not refused: a webhook answered 422 would only be retried with
 * the same body (docs/future-times.md).
 */
function notAfterReceipt(event: HookEvent, receivedAt: number): HookEvent {
  if (event.kind === "interaction" && event.interaction.closedAt != null) {
    return {
      ...event,
      interaction: { ...event.interaction, closedAt: notAfter(event.interaction.closedAt, receivedAt) },
    };
  }
  if (event.kind === "order")
    return { ...event, order: { ...event.order, placedAt: notAfter(event.order.placedAt, receivedAt) } };
  return event;
}

/** Charges the failure to the caller (429 past its budget), else answers the one 401. */
async function reject(env: Env, request: HookRequest): Promise<never> {
  await chargeHookFailure(env, request.ip);
  throw rejected();
}

/**
 * Writes the event's statements and the ledger row in one batch. Returns true
 * when the delivery had already been processed, by an earlier request or a
 * concurrent one that won the ledger's primary key.
 */
async function applyOnce(
  db: Database,
  workspace: { id: string; timezone: string },
  source: HookSource,
  event: HookEvent,
  deliveryId: string,
  now: number,
): Promise<boolean> {
  if (await wasDelivered(db, workspace.id, source.name, deliveryId)) return true;
  const statements: BatchItem<"sqlite">[] = [
    recordDelivery(db, workspace.id, source.name, deliveryId, now),
    ...(await eventStatements(db, workspace, source, event, now)),
  ];
  try {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    return false;
  } catch (err) {
    if (isDuplicateDelivery(err)) return true;
    throw err;
  }
}

async function eventStatements(
  db: Database,
  workspace: { id: string; timezone: string },
  source: HookSource,
  event: HookEvent,
  now: number,
): Promise<BatchItem<"sqlite">[]> {
  switch (event.kind) {
    case "interaction":
      return upsertInteraction(
        db,
        workspace.id,
        workspace.timezone,
        { ...event.interaction, source: ticketSourceOfHook(source.name) },
        now,
      );
    case "order": {
      const statements = await upsertOrder(db, workspace.id, event.order, source.name, source.trustsCustomerIds, now);
      if (event.cancelled) statements.push(cancelOrder(db, workspace.id, event.order.orderId, source.name, now));
      return statements;
    }
    case "cancellation":
      return [cancelOrder(db, workspace.id, event.orderId, source.name, now)];
  }
}
