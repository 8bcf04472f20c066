import type { Database } from "../db";
import { type ImpactFigures, impactFigures } from "../metrics/impact";
import { type ImpactSelection, queryImpact } from "../store/impact-query";
import { costPerHourOf, getWorkspace } from "../store/workspaces";

export interface ImpactReport extends ImpactFigures {
  by: ImpactSelection["by"];
  window_days: number;
  as_of: string;
}

/**
 * "What support is worth" (docs/impact.md): the repurchase read grouped by an
 * impact category, its cost over the same eligible interactions, priced at the
 * workspace's hourly cost. Throws `not_found` when the workspace is gone.
 */
export async function readImpact(
  db: Database,
  sel: ImpactSelection,
): Promise<{ report: ImpactReport; rowsRead: number }> {
  const [workspace, rows] = await Promise.all([getWorkspace(db, sel.workspaceId), queryImpact(db, sel)]);
  const figures = impactFigures({
    by: sel.by,
    repurchase: rows.repurchase,
    cost: rows.cost,
    costPerHour: costPerHourOf(workspace),
  });
  return {
    report: { by: sel.by, window_days: sel.windowDays, as_of: new Date(sel.asOf).toISOString(), ...figures },
    rowsRead: rows.rowsRead,
  };
}
