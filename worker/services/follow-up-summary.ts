import type { Database } from "../db";
import { invalid } from "../domain/errors";
import { followUpSummary } from "../follow-ups/summary";
import { followUpTimes } from "../store/follow-ups";

/** `GET /v1/follow-ups/summary`: counts and median hours for the follow-ups opened on local days [from, to). */
export async function summarizeFollowUps(db: Database, workspaceId: string, from?: string, to?: string) {
  if (from && to && from >= to) throw invalid([{ path: "to", message: "to must be after from" }]);
  return followUpSummary(await followUpTimes(db, workspaceId, from, to));
}
