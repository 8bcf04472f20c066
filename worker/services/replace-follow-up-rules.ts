import type { Database } from "../db";
import { invalid } from "../domain/errors";
import { checkRules, type FollowUpRule } from "../follow-ups/rules";
import { putRules } from "../store/follow-ups";

/** `PUT /v1/follow-up-rules`: replaces the rules (`[]` turns follow-ups off); a rule no answer could match is refused. */
export async function replaceFollowUpRules(db: Database, workspaceId: string, rules: FollowUpRule[]): Promise<void> {
  const details = checkRules(rules);
  if (details.length) throw invalid(details);
  await putRules(db, workspaceId, rules);
}
