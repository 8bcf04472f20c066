import type { Database } from "../db";
import type { Money } from "../metrics/cost";
import {
  copySettingsToDirectory,
  getWorkspace,
  setCostPerHour,
  setSurveyCooldown,
  setValueTiers,
  type ValueTiers,
  type Workspace,
} from "../store/workspaces";

/** The settings `PATCH /v1/workspace` changes; an absent one is left as it is, null clears it. */
export interface WorkspaceSettingsChange {
  cost_per_hour?: Money | null;
  survey_cooldown_days?: number;
  value_tiers?: ValueTiers | null;
}

/**
 * `PATCH /v1/workspace`: changes the settings given on the workspace's shard and returns the
 * workspace as it now is. New value tiers re-tier every interaction of the workspace (and its
 * scores) at once. `directory`, when the workspace lives on another shard, gets the new
 * settings on its copy of the row afterwards (the shard's row is the one every read uses).
 */
export async function changeWorkspaceSettings(
  db: Database,
  workspaceId: string,
  change: WorkspaceSettingsChange,
  directory?: Database,
): Promise<Workspace> {
  if (change.cost_per_hour !== undefined) await setCostPerHour(db, workspaceId, change.cost_per_hour);
  if (change.survey_cooldown_days !== undefined) await setSurveyCooldown(db, workspaceId, change.survey_cooldown_days);
  if (change.value_tiers !== undefined) await setValueTiers(db, workspaceId, change.value_tiers);
  const workspace = await getWorkspace(db, workspaceId);
  if (directory) await copySettingsToDirectory(directory, workspace);
  return workspace;
}
