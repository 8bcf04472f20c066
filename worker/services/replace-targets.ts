import type { Database } from "../db";
import { replaceTargets as writeTargets } from "../store/targets";
import { type Target, type TargetInput, withId } from "../targets/target";

/** `PUT /v1/targets`: replaces the workspace's whole list; each target gets the stable id its fields hash to. */
export async function replaceTargets(
  db: Database,
  workspaceId: string,
  targets: readonly TargetInput[],
  now = Date.now(),
): Promise<Target[]> {
  const withIds = await Promise.all(targets.map(withId));
  await writeTargets(db, workspaceId, withIds, now);
  return withIds;
}
