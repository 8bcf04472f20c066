/**
 * Who numbers a ticket. A ticket is `(source, ticket_id)`: Freshdesk's ticket 42
 * and the workspace's own ticket 42 are two tickets, never one.
 *
 * `own` is the workspace's own numbering: `POST /v1/invitations` by default and
 * the `standard` webhook's `interaction.closed` events, so both reach the same
 * ticket. A support tool's hook numbers its tickets under the tool's name.
 */
export const TICKET_SOURCES = ["own", "zendesk", "freshdesk", "gorgias", "helpscout", "intercom"] as const;

export type TicketSource = (typeof TICKET_SOURCES)[number];

export const OWN: TicketSource = "own";

export function isTicketSource(name: string): name is TicketSource {
  return (TICKET_SOURCES as readonly string[]).includes(name);
}

/** The ticket source of a webhook source: `standard` events carry the workspace's own ids. */
export function ticketSourceOfHook(hookName: string): string {
  return hookName === "standard" ? OWN : hookName;
}
