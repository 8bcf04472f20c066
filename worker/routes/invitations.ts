import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { OWN, TICKET_SOURCES } from "../domain/ticket-source";
import type { AppEnv } from "../env";
import { Compensation, HandlingMinutes } from "../http/cost-schemas";
import { CustomerSchema } from "../http/customer-schema";
import { bearer, errors, jsonRequest, jsonResponse, segmentText } from "../http/openapi";
import { publicOrigin } from "../http/public-origin";
import { invite } from "../services/invite";
import { getSurvey } from "../store/surveys";
import { getWorkspace } from "../store/workspaces";

const CreateInvitation = z
  .object({
    survey_id: z.string().min(1).max(100),
    ticket_id: z.union([z.string().trim().min(1).max(200), z.number().int().transform(String)]),
    source: z.enum(TICKET_SOURCES).default(OWN).openapi({
      description:
        "Who numbers `ticket_id`: `own` (default) for the workspace's own ids, the same tickets as `standard` events; or a support tool's name to attach to the ticket its hook reported",
    }),
    customer: CustomerSchema.optional(),
    channel: segmentText.optional(),
    request_type: segmentText.optional(),
    agent: segmentText.optional(),
    team: segmentText.optional(),
    closed_at: z.iso.datetime({ offset: true }).optional().openapi({
      description: "Default now. Up to 5 minutes ahead of the server's clock is taken as now; further ahead is 422",
    }),
    locale: z.enum(["en", "fr"]).optional(),
    handling_minutes: HandlingMinutes.optional(),
    compensation: Compensation.optional(),
  })
  .openapi("CreateInvitation");

export const InvitationBody = z
  .object({
    token: z.string(),
    url: z.string().openapi({ description: "Hosted survey page" }),
    links: z.record(z.string(), z.string()).openapi({ description: "One-click link per value of the first question" }),
    embed: z.string().openapi({ description: "Script tag that renders the widget" }),
    expires_at: z.string(),
  })
  .openapi("Invitation");

const create = createRoute({
  method: "post",
  path: "/v1/invitations",
  tags: ["Invitations"],
  summary: "Invite a ticket's customer to a survey",
  description:
    "Records (or updates) the interaction for the ticket `(source, ticket_id)` — fields omitted keep their recorded values — and returns a signed token with its hosted-page URL, one-click links and embed snippet. A customer invited within the workspace's `survey_cooldown_days` is not invited again: 409 `throttled` with `details.next_eligible_at` (the ticket itself is still recorded). Re-inviting the same ticket is never throttled.",
  security: bearer,
  middleware: [requireScope("write")] as const,
  request: jsonRequest(CreateInvitation),
  responses: { 201: jsonResponse("Created", InvitationBody), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const invitationRoutes = new OpenAPIHono<AppEnv>().openapi(create, async (c) => {
  const body = c.req.valid("json");
  const db = c.var.db;
  const [workspace, survey] = await Promise.all([
    getWorkspace(db, c.var.workspaceId),
    getSurvey(db, c.var.workspaceId, body.survey_id),
  ]);
  const invitation = await invite(
    db,
    c.env,
    publicOrigin(c.env, c.req.url),
    workspace,
    survey,
    {
      ticketId: body.ticket_id,
      customer: body.customer,
      channel: body.channel,
      requestType: body.request_type,
      agent: body.agent,
      team: body.team,
      closedAt: body.closed_at ? Date.parse(body.closed_at) : undefined,
      source: body.source,
      handlingSeconds: body.handling_minutes,
      compensation: body.compensation,
    },
    body.locale,
  );
  return c.json(invitation, 201);
});
