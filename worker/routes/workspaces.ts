import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { apiKeys, surveys, workspaces } from "../../schema/tables";
import { requireAdmin } from "../auth/api-key";
import { newApiKey, newId, sha256Hex } from "../auth/crypto";
import { isValidTimeZone } from "../domain/local-day";
import { DEFAULT_SURVEY } from "../domain/questions";
import type { AppEnv } from "../env";
import { errors, jsonRequest, jsonResponse } from "../http/openapi";

const CreateWorkspace = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone: z
      .string()
      .max(64)
      .refine(isValidTimeZone, "Unknown IANA timezone, e.g. Europe/Paris")
      .default("UTC")
      .openapi({ example: "Europe/Paris" }),
  })
  .openapi("CreateWorkspace");

const WorkspaceBody = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    created_at: z.string(),
    default_survey_id: z.string(),
  })
  .openapi("Workspace");

const route = createRoute({
  method: "post",
  path: "/v1/workspaces",
  tags: ["Workspaces"],
  summary: "Create a workspace (admin token)",
  description:
    "Creates a workspace with a default survey (CSAT then comment) and returns an API key with every scope. The key is shown once.",
  security: [{ adminToken: [] }],
  middleware: [requireAdmin] as const,
  request: jsonRequest(CreateWorkspace),
  responses: {
    201: jsonResponse("Created", z.object({ workspace: WorkspaceBody, api_key: z.string() })),
    ...errors(400, 401, 413, 415, 422),
  },
});

export const workspaceRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { name, timezone } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  const id = newId("ws");
  const surveyId = newId("srv");
  const apiKey = newApiKey();
  await db.batch([
    db.insert(workspaces).values({ id, name, timezone, createdAt: now }),
    db.insert(apiKeys).values({
      id: newId("key"),
      workspaceId: id,
      name: "Initial key",
      scopes: JSON.stringify(["read", "write", "admin"]),
      keyHash: await sha256Hex(apiKey),
      prefix: apiKey.slice(0, 7),
      createdAt: now,
    }),
    db.insert(surveys).values({
      id: surveyId,
      workspaceId: id,
      name: DEFAULT_SURVEY.name,
      questions: DEFAULT_SURVEY.questions,
      comment: DEFAULT_SURVEY.comment,
      cesScale: DEFAULT_SURVEY.cesScale,
      isDefault: true,
      createdAt: now,
    }),
  ]);
  return c.json(
    {
      workspace: { id, name, timezone, created_at: new Date(now).toISOString(), default_survey_id: surveyId },
      api_key: apiKey,
    },
    201,
  );
});
