import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "../../schema/tables";
import { requireScope } from "../auth/api-key";
import { newApiKey, newId, sha256Hex } from "../auth/crypto";
import { notFound } from "../domain/errors";
import type { AppEnv } from "../env";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";

const Scope = z.enum(["read", "write", "admin"]);

const CreateKey = z
  .object({
    name: z.string().trim().min(1).max(200),
    scopes: z
      .array(Scope)
      .min(1)
      .refine((s) => new Set(s).size === s.length, "Scopes must not repeat"),
  })
  .openapi("CreateApiKey");

const KeyInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(Scope),
    prefix: z.string(),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .openapi("ApiKey");

const create = createRoute({
  method: "post",
  path: "/v1/api-keys",
  tags: ["API keys"],
  summary: "Create an API key",
  description:
    "`read`: scores, responses, exports. `write`: surveys, invitations. `admin`: keys and integrations. The key is shown once.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: jsonRequest(CreateKey),
  responses: {
    201: jsonResponse("Created", KeyInfo.extend({ api_key: z.string() })),
    ...errors(400, 401, 403, 413, 415, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/api-keys",
  tags: ["API keys"],
  summary: "List the workspace's API keys (never the keys themselves)",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  responses: { 200: jsonResponse("The keys", z.object({ items: z.array(KeyInfo) })), ...errors(401, 403) },
});

const revoke = createRoute({
  method: "delete",
  path: "/v1/api-keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: { 200: jsonResponse("Revoked", KeyInfo), ...errors(401, 403, 404) },
});

type KeyRow = typeof apiKeys.$inferSelect;
const keyInfo = (row: KeyRow) => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as z.infer<typeof Scope>[],
  prefix: row.prefix,
  created_at: new Date(row.createdAt).toISOString(),
  revoked_at: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
});

export const apiKeyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(create, async (c) => {
    const { name, scopes } = c.req.valid("json");
    const apiKey = newApiKey();
    const row: KeyRow = {
      id: newId("key"),
      workspaceId: c.var.workspaceId,
      name,
      scopes: JSON.stringify(scopes),
      keyHash: await sha256Hex(apiKey),
      prefix: apiKey.slice(0, 7),
      createdAt: Date.now(),
      revokedAt: null,
    };
    await c.var.directory.insert(apiKeys).values(row);
    return c.json({ ...keyInfo(row), api_key: apiKey }, 201);
  })
  .openapi(list, async (c) => {
    const rows = await c.var.directory
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.workspaceId, c.var.workspaceId))
      .orderBy(desc(apiKeys.createdAt))
      .all();
    return c.json({ items: rows.map(keyInfo) }, 200);
  })
  .openapi(revoke, async (c) => {
    const { id } = c.req.valid("param");
    const row = await c.var.directory
      .update(apiKeys)
      .set({ revokedAt: Date.now() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, c.var.workspaceId), isNull(apiKeys.revokedAt)))
      .returning()
      .get();
    if (!row) throw notFound("API key");
    return c.json(keyInfo(row), 200);
  });
