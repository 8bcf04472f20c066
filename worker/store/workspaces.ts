import { eq } from "drizzle-orm";
import { workspaces } from "../../schema/tables";
import type { Database } from "../db";
import { notFound } from "../http/errors";
import type { Money } from "../metrics/cost";

export type Workspace = typeof workspaces.$inferSelect;

/** The workspace of the current key. A deleted one reads as not found. */
export async function getWorkspace(db: Database, id: string): Promise<Workspace> {
  const row = await db.select().from(workspaces).where(eq(workspaces.id, id)).get();
  if (!row) throw notFound("Workspace");
  return row;
}

/** The workspace's hourly cost of agent time, or null when it has none. */
export function costPerHourOf(workspace: Workspace): Money | null {
  if (workspace.costPerHourMinor === null || !workspace.costPerHourCurrency) return null;
  return { minor: BigInt(workspace.costPerHourMinor), currency: workspace.costPerHourCurrency };
}

/** Sets (or, with null, clears) the workspace's hourly cost of agent time. */
export async function setCostPerHour(db: Database, id: string, cost: Money | null): Promise<void> {
  await db
    .update(workspaces)
    .set({ costPerHourMinor: cost ? Number(cost.minor) : null, costPerHourCurrency: cost?.currency ?? null })
    .where(eq(workspaces.id, id));
}

/** Sets survey fatigue's cooldown in days (0 turns it off). */
export async function setSurveyCooldown(db: Database, id: string, days: number): Promise<void> {
  await db.update(workspaces).set({ surveyCooldownDays: days }).where(eq(workspaces.id, id));
}
