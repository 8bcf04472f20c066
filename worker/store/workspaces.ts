import { eq } from "drizzle-orm";
import { apiKeys, surveys, workspaces } from "../../schema/tables";
import type { Database } from "../db";
import { notFound } from "../domain/errors";
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

/** Value-tier bounds in minor units of one currency (`PATCH /v1/workspace` `value_tiers`). */
export interface ValueTiers {
  currency: string;
  midMinor: bigint;
  highMinor: bigint;
}

/**
 * Sets or clears the value tiers. A trigger (migration 0011) re-tiers the
 * workspace's interactions in the same statement, and their answers' rollups follow.
 */
export async function setValueTiers(db: Database, id: string, tiers: ValueTiers | null): Promise<void> {
  await db
    .update(workspaces)
    .set({
      valueTierCurrency: tiers?.currency ?? null,
      valueTierMidMinor: tiers ? Number(tiers.midMinor) : null,
      valueTierHighMinor: tiers ? Number(tiers.highMinor) : null,
    })
    .where(eq(workspaces.id, id));
}

/**
 * Copies a workspace's settings, as its shard holds them, onto the directory's row of it. The
 * directory keeps a row for every workspace (keys point at it, it names the shard); for one on
 * another shard it is a copy, which `PATCH /v1/workspace` keeps in step so the directory never
 * shows settings the workspace no longer has (scripts/move-workspace.mjs also relies on it
 * being whole). Name, timezone and creation time never change after creation.
 */
export async function copySettingsToDirectory(directory: Database, w: Workspace): Promise<void> {
  await directory
    .update(workspaces)
    .set({
      costPerHourMinor: w.costPerHourMinor,
      costPerHourCurrency: w.costPerHourCurrency,
      surveyCooldownDays: w.surveyCooldownDays,
      valueTierCurrency: w.valueTierCurrency,
      valueTierMidMinor: w.valueTierMidMinor,
      valueTierHighMinor: w.valueTierHighMinor,
    })
    .where(eq(workspaces.id, w.id));
}

export function valueTiersOf(w: Workspace): ValueTiers | null {
  if (w.valueTierCurrency == null || w.valueTierMidMinor == null || w.valueTierHighMinor == null) return null;
  return {
    currency: w.valueTierCurrency,
    midMinor: BigInt(w.valueTierMidMinor),
    highMinor: BigInt(w.valueTierHighMinor),
  };
}

/** What a new workspace starts with: its row, its first API key, its default survey. */
export interface NewWorkspace {
  workspace: typeof workspaces.$inferInsert & { shard: string };
  apiKey: typeof apiKeys.$inferInsert;
  survey: typeof surveys.$inferInsert;
}

/**
 * Creates a workspace: on its shard, a copy of its row (the shard's foreign keys and settings
 * need it) and its default survey; then, in the directory, its row and its first key. The
 * shard is written first: should the directory write fail, the shard keeps a workspace no key
 * reaches, never the reverse. When the shard is the directory itself, one batch does it all.
 */
export async function createWorkspace(directory: Database, shard: Database | "directory", rows: NewWorkspace) {
  const inDirectory = [
    directory.insert(workspaces).values(rows.workspace),
    directory.insert(apiKeys).values(rows.apiKey),
  ] as const;
  if (shard === "directory") {
    await directory.batch([...inDirectory, directory.insert(surveys).values(rows.survey)]);
    return;
  }
  await shard.batch([shard.insert(workspaces).values(rows.workspace), shard.insert(surveys).values(rows.survey)]);
  await directory.batch(inDirectory);
}
