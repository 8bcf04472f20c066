import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { workspaces } from "../../schema/tables";
import { type Database, database } from "../db";
import type { Env } from "../env";
import { ApiError } from "../http/errors";
import { parseJson, readLimitedBytes } from "../http/json-body";
import { isDuplicateDelivery, recordDelivery, wasDelivered } from "../store/deliveries";
import { integrationSecret } from "../store/integrations";
import { upsertInteraction } from "../store/interactions";
import { type Invitation, mintInvitation, publicOrigin } from "../store/invitations";
import { cancelOrder, upsertOrder } from "../store/orders";
import { findDefaultSurvey } from "../store/surveys";
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
} & Partial<Invitation>;

/**
 * One answer for every authentication failure: unknown workspace, source not
 * set, missing, wrong or stale signature. A caller learns nothing about which
 * workspaces exist or what is configured.
 */
const rejected = () =>
  new ApiError(401, "invalid_signature", "Missing, wrong or stale signature for this webhook endpoint");

/**
 * The receiver pipeline, the same for every source:
 * read the raw body (413 over 64 KB) → find the workspace and the source's
 * secret → verify the signature over the exact bytes (401) → parse (400) → map
 * to our event (422) → apply it together with the delivery-ledger insert in one
 * D1 batch, so a replay is either fully processed or not at all.
 */
export async function receiveDelivery(
  env: Env,
  request: Request,
  workspaceId: string,
  sourceName: string,
  now = Date.now(),
): Promise<HookResult> {
  const body = await readLimitedBytes(request);
  const delivery: Delivery = { headers: request.headers, body, text: new TextDecoder().decode(body), receivedAt: now };
  const source = hookSource(sourceName);
  if (!source) throw rejected();
  if (source.isHandshake?.(delivery)) return { ok: true, ignored: "handshake" };

  const db = database(env);
  const [workspace, secret] = await Promise.all([
    db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get(),
    integrationSecret(db, workspaceId, source.name),
  ]);
  if (!workspace || !secret) throw rejected();
  const verified = await source.verify(delivery, secret);
  if (!verified) throw rejected();

  const mapped = source.map(parseJson(delivery.text), delivery);
  if ("ignored" in mapped) return { ok: true, ignored: mapped.ignored };
  const deliveryId = mapped.deliveryId ?? verified.deliveryId;
  const duplicate = await applyOnce(db, workspace, source, mapped.event, deliveryId, now);

  const result: HookResult = { ok: true, ...(duplicate ? { duplicate: true as const } : {}) };
  if (mapped.event.kind === "interaction") {
    // The support tool pastes these links into its closing e-mail; a replay gets them too.
    const survey = await findDefaultSurvey(db, workspace.id);
    if (survey) {
      const event = mapped.event;
      const invitation = await mintInvitation(
        env,
        publicOrigin(env, request.url),
        workspace.id,
        survey,
        event.interaction.ticketId,
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
 * Writes the event's statements and the ledger row in one batch. Returns true
 * when the delivery had already been processed, by an earlier request or a
 * concurrent one that won the ledger's primary key.
 */
async function applyOnce(
  db: Database,
  workspace: { id: string; timezone: string },
  source: HookSource,
  event: HookEvent,
  deliveryId: string | null,
  now: number,
): Promise<boolean> {
  if (deliveryId && (await wasDelivered(db, workspace.id, source.name, deliveryId))) return true;
  const statements: BatchItem<"sqlite">[] = [];
  if (deliveryId) statements.push(recordDelivery(db, workspace.id, source.name, deliveryId, now));
  statements.push(...(await eventStatements(db, workspace, source, event, now)));
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
        { ...event.interaction, source: source.name },
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
