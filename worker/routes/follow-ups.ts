import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { FOLLOW_UP_STATUSES } from "../domain/follow-up";
import { CES_SCALES, QUESTION_TYPES } from "../domain/questions";
import type { AppEnv } from "../env";
import { enqueueDeliveries } from "../events/outbox";
import type { FollowUpRule } from "../follow-ups/rules";
import { bearer, errors, isoDay, jsonRequest, jsonResponse, segmentText } from "../http/openapi";
import { waitUntilOf } from "../http/wait-until";
import { changeFollowUp } from "../services/change-follow-up";
import { summarizeFollowUps } from "../services/follow-up-summary";
import { replaceFollowUpRules } from "../services/replace-follow-up-rules";
import { getRules, listFollowUps } from "../store/follow-ups";
import { FollowUp, FollowUpPage, FollowUpSummary } from "./follow-ups-schema";

const Rule = z
  .object({
    metric: z.enum(QUESTION_TYPES),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    ces_scale: z.enum(CES_SCALES).optional().openapi({ description: "A CES rule for surveys on this scale only" }),
    channel: segmentText.optional(),
    request_type: segmentText.optional(),
    team: segmentText.optional(),
  })
  .strict()
  .openapi("FollowUpRule");

const Rules = z
  .object({ rules: z.array(Rule).max(20) })
  .strict()
  .openapi("FollowUpRules");

const ListQuery = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  assignee: z.string().max(200).optional(),
  agent: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  channel: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

const Patch = z
  .object({
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    assignee: z.string().trim().min(1).max(200).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("FollowUpChange");

const getRulesRoute = createRoute({
  method: "get",
  path: "/v1/follow-up-rules",
  tags: ["Follow-ups"],
  summary: "The rules that open follow-ups",
  security: bearer,
  middleware: [requireScope(["read", "admin"])] as const,
  responses: { 200: jsonResponse("The rules", Rules), ...errors(401, 403) },
});

const putRulesRoute = createRoute({
  method: "put",
  path: "/v1/follow-up-rules",
  tags: ["Follow-ups"],
  summary: "Replace the rules (`[]` turns follow-ups off)",
  description: "A rule that no answer could match (min above max, a range outside the metric's scale) is 422.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: jsonRequest(Rules),
  responses: { 200: jsonResponse("Saved", Rules), ...errors(400, 401, 403, 413, 415, 422) },
});

const list = createRoute({
  method: "get",
  path: "/v1/follow-ups",
  tags: ["Follow-ups"],
  summary: "Follow-ups, oldest first",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: ListQuery },
  responses: {
    200: jsonResponse("A page", FollowUpPage),
    ...errors(401, 403, 422),
  },
});

const summary = createRoute({
  method: "get",
  path: "/v1/follow-ups/summary",
  tags: ["Follow-ups"],
  summary: "Counts and median hours to contact and to resolve, for follow-ups opened in [from, to)",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: { query: z.object({ from: isoDay.optional(), to: isoDay.optional() }) },
  responses: { 200: jsonResponse("The summary", FollowUpSummary), ...errors(401, 403, 422) },
});

const patch = createRoute({
  method: "patch",
  path: "/v1/follow-ups/{id}",
  tags: ["Follow-ups"],
  summary: "Assign, note, or move a follow-up (open → contacted → resolved; resolved → open reopens)",
  security: bearer,
  middleware: [requireScope("write")] as const,
  request: { params: z.object({ id: z.string().max(100) }), ...jsonRequest(Patch) },
  responses: { 200: jsonResponse("Updated", FollowUp), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const followUpRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRulesRoute, async (c) => {
    const { rules } = await getRules(c.var.db, c.var.workspaceId);
    return c.json({ rules: rules as z.infer<typeof Rule>[] }, 200);
  })
  .openapi(putRulesRoute, async (c) => {
    const { rules } = c.req.valid("json");
    await replaceFollowUpRules(c.var.db, c.var.workspaceId, rules as FollowUpRule[]);
    return c.json({ rules }, 200);
  })
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await listFollowUps(c.var.db, c.var.workspaceId, q, q.limit, q.cursor);
    return c.json({ items: page.items, next_cursor: page.nextCursor }, 200);
  })
  .openapi(summary, async (c) => {
    const { from, to } = c.req.valid("query");
    return c.json(await summarizeFollowUps(c.var.db, c.var.workspaceId, from, to), 200);
  })
  .openapi(patch, async (c) => {
    const result = await changeFollowUp(c.var.db, c.var.workspaceId, c.req.valid("param").id, c.req.valid("json"));
    const work = enqueueDeliveries(c.env, result.deliveryIds, c.var.shard);
    const ctx = waitUntilOf(c);
    if (ctx) ctx.waitUntil(work);
    else await work;
    return c.json(result.followUp, 200);
  });
