import { eq } from "drizzle-orm";
import { targets } from "../../schema/tables";
import type { Database } from "../db";
import type { Target } from "../targets/target";

export async function listTargets(db: Database, workspaceId: string): Promise<Target[]> {
  const row = await db.select().from(targets).where(eq(targets.workspaceId, workspaceId)).get();
  return row?.targets ?? [];
}

/** Replaces the workspace's whole list (PUT semantics). */
export async function replaceTargets(db: Database, workspaceId: string, list: Target[], now: number): Promise<void> {
  await db
    .insert(targets)
    .values({ workspaceId, targets: list, updatedAt: now })
    .onConflictDoUpdate({ target: targets.workspaceId, set: { targets: list, updatedAt: now } });
}

/** Every workspace with at least one target, with its timezone: what the cron walks. */
export async function workspacesWithTargets(
  d1: D1Database,
): Promise<{ workspace_id: string; timezone: string; targets: string }[]> {
  const result = await d1
    .prepare(
      "SELECT t.workspace_id, w.timezone, t.targets FROM targets t JOIN workspaces w ON w.id = t.workspace_id WHERE t.targets <> '[]'",
    )
    .all<{ workspace_id: string; timezone: string; targets: string }>();
  return result.results ?? [];
}
