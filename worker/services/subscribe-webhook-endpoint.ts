import type { Database } from "../db";
import { invalid } from "../domain/errors";
import { type EndpointFormat, EVENT_TYPES, type EventType } from "../domain/event-types";
import type { Locale } from "../domain/questions";
import { checkEndpointUrl } from "../events/endpoint-url";
import { newEndpointSecret } from "../events/sign";
import { localeForTimezone } from "../events/slack";
import { createEndpoint } from "../store/webhook-endpoints";
import { getWorkspace } from "../store/workspaces";

/**
 * `POST /v1/webhook-endpoints`: subscribes `url` (https on a public host name, unless `allowLocal`) to events, every event
 * by default; Slack messages in the workspace's language unless one is given. Returns the
 * endpoint and its signing secret, which the caller shows once and only where it signs.
 */
export async function subscribeEndpoint(
  db: Database,
  workspaceId: string,
  input: { url: string; events?: EventType[]; format: EndpointFormat; description?: string; locale?: Locale },
  options: { allowLocal: boolean; origin: string },
) {
  const problem = checkEndpointUrl(input.url, options.allowLocal);
  if (problem) throw invalid([{ path: "url", message: problem }]);
  const workspace = await getWorkspace(db, workspaceId);
  const secret = newEndpointSecret();
  const endpoint = await createEndpoint(db, workspaceId, {
    url: input.url,
    events: input.events ?? [...EVENT_TYPES],
    format: input.format,
    description: input.description ?? null,
    locale: input.locale ?? localeForTimezone(workspace.timezone),
    secret,
    dashboardUrl: `${options.origin}/dashboard#follow-ups`,
  });
  return { endpoint, secret };
}
