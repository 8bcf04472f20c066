import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/api-key";
import { newApiKey, newId, sha256Hex } from "../auth/crypto";
import { database } from "../db";
import { isValidTimeZone } from "../domain/local-day";
import { DEFAULT_SURVEY } from "../domain/questions";
import type { AppEnv } from "../env";
import { errors, jsonRequest, jsonResponse } from "../http/openapi";
import { DIRECTORY, shardBinding } from "../shards/bindings";
import { chooseShard } from "../shards/placement";
import { createWorkspace } from "../store/workspaces";

const CreateWorkspace = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone: z
      .string()
      .max(64)
      .refine(isValidTimeZone, "Unknown IANA timezone, e.g. Europe/Paris")
      .default("UTC")
      .openapi({ example: "Europe/Paris" }),
    shard: z.string().max(64).optional().openapi({
      description:
        "The D1 binding to place the workspace on (docs/SCALING.md). Default: the shard of `SHARDS` with the fewest workspaces.",
      example: "SHARD_2",
    }),
  })
  .openapi("CreateWorkspace");

const WorkspaceBody = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    created_at: z.string(),
    default_survey_id: z.string(),
    shard: z.string().openapi({ description: "The D1 binding holding the workspace's data" }),
  })
  .openapi("Workspace");

const route = createRoute({
  method: "post",
  path: "/v1/workspaces",
  tags: ["Workspaces"],
  summary: "Create a workspace (admin token)",
  description:
    "Creates a workspace with a default survey (CSAT then comment) and returns an API key with every scope. The key is shown once. The workspace is placed on the named `shard` (422 when no such D1 database is bound), else on the shard with the fewest workspaces.",
  security: [{ adminToken: [] }],
  middleware: [requireAdmin] as const,
  request: jsonRequest(CreateWorkspace),
  responses: {
    201: jsonResponse("Created", z.object({ workspace: WorkspaceBody, api_key: z.string() })),
    ...errors(400, 401, 413, 415, 422),
  },
});

export const workspaceRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { name, timezone, shard: requested } = c.req.valid("json");
  const directory = c.var.directory;
  const shard = await chooseShard(c.env, directory, requested);
  const now = Date.now();
  const id = newId("ws");
  const surveyId = newId("srv");
  const apiKey = newApiKey();
  await createWorkspace(
    directory,
    shard === DIRECTORY ? "directory" : database(shardBinding(c.env, shard) as D1Database),
    {
      workspace: { id, name, timezone, createdAt: now, shard },
      apiKey: {
        id: newId("key"),
        workspaceId: id,
        name: "Initial key",
        scopes: JSON.stringify(["read", "write", "admin"]),
        keyHash: await sha256Hex(apiKey),
        prefix: apiKey.slice(0, 7),
        createdAt: now,
      },
      survey: {
        id: surveyId,
        workspaceId: id,
        name: DEFAULT_SURVEY.name,
        questions: DEFAULT_SURVEY.questions,
        comment: DEFAULT_SURVEY.comment,
        cesScale: DEFAULT_SURVEY.cesScale,
        isDefault: true,
        createdAt: now,
      },
    },
  );
  return c.json(
    {
      workspace: { id, name, timezone, created_at: new Date(now).toISOString(), default_survey_id: surveyId, shard },
      api_key: apiKey,
    },
    201,
  );
});
