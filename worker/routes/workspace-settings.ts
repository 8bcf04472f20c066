import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import type { AppEnv } from "../env";
import { CostPerHour } from "../http/cost-schemas";
import { bearer, errors, jsonRequest, jsonResponse } from "../http/openapi";
import { ValueTiersSchema, valueTiersJson } from "../http/value-tiers-schema";
import { formatMinor } from "../metrics/money";
import { changeWorkspaceSettings } from "../services/change-workspace-settings";
import { DIRECTORY } from "../shards/bindings";
import { costPerHourOf, getWorkspace, valueTiersOf, type Workspace } from "../store/workspaces";

/**
 * The current key's workspace and its settings. Only what the impact read
 * needs for now (`cost_per_hour`); the body rejects fields it does not know,
 * so a setting that is not supported yet is a 422, never silently ignored.
 */

const PatchWorkspace = z
  .object({
    cost_per_hour: CostPerHour.nullable()
      .optional()
      .openapi({ description: "Hourly cost of agent time; null clears it" }),
    survey_cooldown_days: z.number().int().min(0).max(365).optional().openapi({
      description: "Survey fatigue: a customer invited within this many days is not invited again; 0 turns it off",
    }),
    value_tiers: ValueTiersSchema.nullable()
      .optional()
      .openapi({ description: "Customer value tiers: bounds [mid from, high from] in one currency; null clears them" }),
  })
  .strict()
  .openapi("PatchWorkspace");

const CurrentWorkspace = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    created_at: z.string(),
    cost_per_hour: z
      .object({ amount: z.string(), currency: z.string() })
      .nullable()
      .openapi({ description: "Hourly cost of agent time, a decimal string in its currency; null until set" }),
    survey_cooldown_days: z.number().int(),
    value_tiers: z
      .object({ currency: z.string(), bounds: z.tuple([z.number(), z.number()]) })
      .nullable()
      .openapi({
        description: "Customer value tiers (`low` < bounds[0] ≤ `mid` < bounds[1] ≤ `high`); null until set",
      }),
  })
  .openapi("CurrentWorkspace");

function workspaceJson(w: Workspace): z.infer<typeof CurrentWorkspace> {
  const cost = costPerHourOf(w);
  return {
    id: w.id,
    name: w.name,
    timezone: w.timezone,
    created_at: new Date(w.createdAt).toISOString(),
    cost_per_hour: cost ? { amount: formatMinor(cost.minor, cost.currency), currency: cost.currency } : null,
    survey_cooldown_days: w.surveyCooldownDays,
    value_tiers: valueTiersJson(valueTiersOf(w)),
  };
}

const read = createRoute({
  method: "get",
  path: "/v1/workspace",
  tags: ["Workspaces"],
  summary: "The current key's workspace and its settings",
  security: bearer,
  middleware: [requireScope("read")] as const,
  responses: { 200: jsonResponse("The workspace", CurrentWorkspace), ...errors(401, 403) },
});

const patch = createRoute({
  method: "patch",
  path: "/v1/workspace",
  tags: ["Workspaces"],
  summary: "Change the workspace's settings (admin)",
  description:
    "`cost_per_hour` prices agent time in the impact read and the weekly report's costliest tickets. `value_tiers` sets the bounds of the `value_tier` segment; changing them re-tiers every interaction of the workspace (and its scores) at once. `survey_cooldown_days` (0–365, 0 = off) is survey fatigue: see `POST /v1/invitations`.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: jsonRequest(PatchWorkspace),
  responses: { 200: jsonResponse("The workspace", CurrentWorkspace), ...errors(400, 401, 403, 413, 415, 422) },
});

export const workspaceSettingsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(read, async (c) => c.json(workspaceJson(await getWorkspace(c.var.db, c.var.workspaceId)), 200))
  .openapi(patch, async (c) => {
    // The directory's row is a copy only when the workspace lives on another shard.
    const directory = c.var.shard === DIRECTORY ? undefined : c.var.directory;
    const workspace = await changeWorkspaceSettings(c.var.db, c.var.workspaceId, c.req.valid("json"), directory);
    return c.json(workspaceJson(workspace), 200);
  });
