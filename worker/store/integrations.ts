import { and, asc, eq } from "drizzle-orm";
import { integrations } from "../../schema/tables";
import type { Database } from "../db";

export type IntegrationRow = typeof integrations.$inferSelect;

/**
 * Sets a source's signing secret. Returns whether it was created (rather than
 * replaced), decided by the database so that two concurrent PUTs agree.
 */
export async function putIntegration(
  db: Database,
  workspaceId: string,
  source: string,
  secret: string,
  now = Date.now(),
): Promise<{ created: boolean; row: IntegrationRow }> {
  const row = await db
    .insert(integrations)
    .values({ workspaceId, source, secret, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [integrations.workspaceId, integrations.source], set: { secret, updatedAt: now } })
    .returning()
    .get();
  return { created: row.createdAt === now && row.updatedAt === now, row };
}

/** The sources set for a workspace, without their secrets. */
export async function listIntegrations(
  db: Database,
  workspaceId: string,
): Promise<{ source: string; createdAt: number; updatedAt: number }[]> {
  return db
    .select({ source: integrations.source, createdAt: integrations.createdAt, updatedAt: integrations.updatedAt })
    .from(integrations)
    .where(eq(integrations.workspaceId, workspaceId))
    .orderBy(asc(integrations.source))
    .all();
}

/** A source's secret, or null when it is not set. */
export async function integrationSecret(db: Database, workspaceId: string, source: string): Promise<string | null> {
  const row = await db
    .select({ secret: integrations.secret })
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.source, source)))
    .get();
  return row?.secret ?? null;
}

/** Removes a source; true when there was one. */
export async function deleteIntegration(db: Database, workspaceId: string, source: string): Promise<boolean> {
  const rows = await db
    .delete(integrations)
    .where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.source, source)))
    .returning({ source: integrations.source })
    .all();
  return rows.length > 0;
}
