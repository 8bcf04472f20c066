import { z } from "@hono/zod-openapi";
import { hmac, sameSignature, toHex } from "../auth/crypto";
import { header, idText, parseOr422 } from "./payload";
import { checkPlainSecret, type HookSource } from "./source";

const email = z.string().trim().max(320).email().optional().nullable().catch(null);
const unixSeconds = z.number().int().positive().optional().nullable().catch(null);

/** The parts of Intercom's notification that Aftercare reads. */
const Notification = z.object({
  id: z.string().trim().min(1).max(200),
  topic: z.string(),
  created_at: unixSeconds,
  data: z
    .object({
      item: z
        .object({
          id: idText,
          source: z
            .object({
              type: z.string().max(50).optional().nullable(),
              author: z.object({ type: z.string().optional().nullable(), email }).partial().nullable().optional(),
            })
            .partial()
            .nullable()
            .optional(),
          contacts: z
            .object({
              contacts: z
                .array(z.object({ external_id: z.string().trim().max(200).optional().nullable(), email }).partial())
                .optional(),
            })
            .partial()
            .nullable()
            .optional(),
          /** API 1.x: the user and the assignee as objects. */
          user: z
            .object({ email, user_id: z.string().trim().max(200).optional().nullable().catch(null) })
            .partial()
            .nullable()
            .optional()
            .catch(null),
          assignee: z
            .object({ type: z.string().optional().nullable(), id: idText.optional().nullable().catch(null) })
            .partial()
            .nullable()
            .optional()
            .catch(null),
          admin_assignee_id: idText.optional().nullable().catch(null),
          team_assignee_id: idText.optional().nullable().catch(null),
          statistics: z.object({ last_close_at: unixSeconds }).partial().nullable().optional(),
          updated_at: unixSeconds,
        })
        .passthrough(),
    })
    .passthrough(),
});

/**
 * `intercom`: a Developer Hub webhook subscribed to `conversation.admin.closed`,
 * signed `X-Hub-Signature: sha1=<hex HMAC-SHA1(client secret, raw body)>`. The
 * notification id (`notif_…`, kept across retries) is the idempotency key. The
 * customer is the conversation's contact: e-mail, and `external_id` (your own
 * user id, shared with your other tools); Intercom's internal ids are not used.
 * API 1.x payloads name them `item.user` (`email`, `user_id`) and
 * `item.assignee` (`{type: "admin" | "team", id}`); both shapes are read.
 */
export const intercomSource: HookSource = {
  name: "intercom",
  trustsCustomerIds: true,
  checkSecret: checkPlainSecret,

  async verify(delivery, secret) {
    const expected = `sha1=${toHex(await hmac("SHA-1", secret, delivery.body))}`;
    const received = header(delivery.headers, "x-hub-signature")?.toLowerCase();
    return (await sameSignature(received, expected)) ? { deliveryId: null } : false;
  },

  map(payload) {
    const topic = (payload as { topic?: unknown } | null)?.topic;
    if (topic !== "conversation.admin.closed") return { ignored: `topic ${String(topic ?? "(none)")}` };
    const n = parseOr422(Notification, payload);
    const item = n.data.item;
    const contact = item.contacts?.contacts?.[0];
    const author = item.source?.author;
    const address = contact?.email ?? item.user?.email ?? (author?.type !== "admin" ? author?.email : null) ?? null;
    const externalId = contact?.external_id?.trim() || item.user?.user_id?.trim() || null;
    // 1.x names the assignee as an object; an admin is the agent, a team the team. Ids,
    // as 2.x's admin_assignee_id, so one agent is one group whatever the API version.
    const assignee = item.assignee;
    const agent = item.admin_assignee_id ?? (assignee?.type === "admin" ? assignee.id : null) ?? undefined;
    const team = item.team_assignee_id ?? (assignee?.type === "team" ? assignee.id : null) ?? undefined;
    const closedSeconds = item.statistics?.last_close_at ?? item.updated_at ?? n.created_at;
    return {
      deliveryId: n.id,
      event: {
        kind: "interaction",
        interaction: {
          ticketId: item.id,
          customer: address || externalId ? { email: address, id: externalId } : null,
          channel: item.source?.type?.trim() || undefined,
          agent,
          team,
          closedAt: closedSeconds ? closedSeconds * 1000 : undefined,
        },
      },
    };
  },
};
