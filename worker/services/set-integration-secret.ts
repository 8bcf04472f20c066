import type { Database } from "../db";
import { DomainError, invalid } from "../domain/errors";
import type { HookSource } from "../hooks/source";
import { hookSource, SOURCE_NAMES } from "../hooks/sources";
import { type IntegrationRow, putIntegration } from "../store/integrations";

/** The registered webhook source of that name; any other name is not found. */
export function knownSource(name: string): HookSource {
  const source = hookSource(name);
  if (!source) {
    throw new DomainError(
      "not_found",
      "not_found",
      `Unknown source "${name}"; expected one of ${SOURCE_NAMES.join(", ")}`,
    );
  }
  return source;
}

/**
 * `PUT /v1/integrations/:source`: sets a webhook source's signing secret, in the form the
 * source checks. Returns whether it was created (rather than replaced) and the stored row.
 */
export async function setIntegrationSecret(
  db: Database,
  workspaceId: string,
  sourceName: string,
  secret: string,
): Promise<{ created: boolean; row: IntegrationRow }> {
  const source = knownSource(sourceName);
  const problem = source.checkSecret(secret);
  if (problem) throw invalid([{ path: "secret", message: problem }]);
  return putIntegration(db, workspaceId, source.name, secret);
}
