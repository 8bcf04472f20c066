import { z } from "@hono/zod-openapi";
import { base64, hmac, sameSignature } from "../auth/crypto";
import { header, idText, looseInstant, parseOr422 } from "./payload";
import type { HookSource } from "./source";

const person = z
  .object({
    email: z.string().trim().max(320).email().optional().nullable().catch(null),
    first: z.string().optional().nullable(),
    last: z.string().optional().nullable(),
    firstName: z.string().optional().nullable(),
    lastName: z.string().optional().nullable(),
  })
  .partial()
  .nullable()
  .optional();

/** The fields of Help Scout's conversation object that Aftercare reads. */
const Conversation = z.object({
  id: idText,
  status: z.string(),
  type: z.string().max(50).optional().nullable(),
  primaryCustomer: person,
  customer: person,
  assignee: person,
  owner: person,
  mailboxId: idText.optional().nullable().catch(null),
  mailbox: z
    .object({ id: idText.optional().nullable().catch(null), name: z.string().max(200).optional().nullable() })
    .partial()
    .nullable()
    .optional(),
  closedAt: looseInstant.optional().nullable().catch(null),
  userUpdatedAt: looseInstant.optional().nullable().catch(null),
});

function displayName(p: z.output<typeof person>): string | undefined {
  if (!p) return undefined;
  const name = [p.first ?? p.firstName, p.last ?? p.lastName].filter(Boolean).join(" ").trim();
  return (name || p.email || undefined)?.slice(0, 200);
}

/**
 * The team is the mailbox: its name when the payload carries one (the legacy
 * shape's `mailbox`), else `mailbox:<id>` (Mailbox API 2.0 sends `mailboxId` only).
 */
function mailboxTeam(c: z.output<typeof Conversation>): string | undefined {
  const name = c.mailbox?.name?.trim();
  if (name) return name;
  const id = c.mailboxId ?? c.mailbox?.id;
  return id ? `mailbox:${id}` : undefined;
}

/**
 * `helpscout`: the Webhooks app with the "Conversation Status Updated"
 * (`convo.status`) event, signed `X-HelpScout-Signature = base64(HMAC-SHA1(
 * secret, raw body))`. A conversation whose status becomes `closed` is a solved
 * ticket; other events are acknowledged and ignored. Help Scout ids are its
 * own, so the customer is matched by e-mail.
 */
export const helpscoutSource: HookSource = {
  name: "helpscout",
  trustsCustomerIds: false,
  checkSecret(secret) {
    // Help Scout caps its webhook secret at 40 characters.
    if (secret.length < 8 || secret.length > 40) return "Expected 8 to 40 characters, as Help Scout allows";
    return /^[\x21-\x7e]+$/.test(secret) ? null : "Expected visible ASCII characters, no spaces";
  },

  async verify(delivery, secret) {
    const expected = base64(await hmac("SHA-1", secret, delivery.body));
    return (await sameSignature(header(delivery.headers, "x-helpscout-signature"), expected))
      ? { deliveryId: null }
      : false;
  },

  map(payload, delivery) {
    const event = header(delivery.headers, "x-helpscout-event");
    if (event && !event.startsWith("convo.")) return { ignored: `event ${event}` };
    const c = parseOr422(Conversation, payload);
    if (c.status.toLowerCase() !== "closed") return { ignored: `status ${c.status}` };
    const customer = c.primaryCustomer ?? c.customer;
    const agent = displayName(c.assignee ?? c.owner);
    return {
      event: {
        kind: "interaction",
        interaction: {
          ticketId: c.id,
          customer: customer?.email ? { email: customer.email } : null,
          channel: c.type?.trim() || undefined,
          agent,
          team: mailboxTeam(c),
          closedAt: c.closedAt ?? c.userUpdatedAt ?? delivery.receivedAt,
        },
      },
    };
  },
};
