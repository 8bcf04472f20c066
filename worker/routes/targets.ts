import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import { replaceTargets } from "../services/replace-targets";
import { reportTargets } from "../services/target-report";
import { listTargets } from "../store/targets";
import { TargetInput, TargetList, TargetReport } from "./targets-schema";

const put = createRoute({
  method: "put",
  path: "/v1/targets",
  tags: ["Targets"],
  summary: "Replace the workspace's contract targets (admin)",
  description:
    'As an outsourcing contract writes them: "CSAT ≥ 80 % a month on e-mail" is `{"metric": "csat", "min": 80, "period": "month", "channel": "email"}`. Each target gets a stable `id` derived from its fields.',
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: jsonRequest(z.object({ targets: z.array(TargetInput).max(100) }).strict()),
  responses: { 200: jsonResponse("The targets", TargetList), ...errors(400, 401, 403, 413, 415, 422) },
});

const list = createRoute({
  method: "get",
  path: "/v1/targets",
  tags: ["Targets"],
  summary: "The workspace's contract targets",
  security: bearer,
  middleware: [requireScope("read")] as const,
  responses: { 200: jsonResponse("The targets", TargetList), ...errors(401, 403) },
});

const report = createRoute({
  method: "get",
  path: "/v1/targets/report",
  tags: ["Targets"],
  summary: "Each target's verdict for a month or an ISO week",
  security: bearer,
  middleware: [requireScope("read")] as const,
  request: {
    query: z.object({
      period: z.string().max(10).openapi({ description: "`YYYY-MM` (monthly targets) or `YYYY-Www` (weekly targets)" }),
    }),
  },
  responses: {
    200: jsonResponse("The verdicts", TargetReport),
    ...errors(401, 403, 422),
  },
});

export const targetRoutes = new OpenAPIHono<AppEnv>()
  .openapi(put, async (c) => {
    const body = c.req.valid("json");
    return c.json({ targets: await replaceTargets(c.var.db, c.var.workspaceId, body.targets) }, 200);
  })
  .openapi(list, async (c) => c.json({ targets: await listTargets(c.var.db, c.var.workspaceId) }, 200))
  .openapi(report, async (c) => {
    const items = await reportTargets(c.var.db, c.var.workspaceId, c.req.valid("query").period);
    return c.json({ items }, 200);
  });
