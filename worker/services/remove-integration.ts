import type { Database } from "../db";
import { DomainError } from "../domain/errors";
import { deleteIntegration } from "../store/integrations";
import { knownSource } from "./set-integration-secret";

/** `DELETE /v1/integrations/:source`: its receiver then answers 401 to every delivery. */
export async function removeIntegration(db: Database, workspaceId: string, sourceName: string): Promise<void> {
  const source = knownSource(sourceName);
  if (!(await deleteIntegration(db, workspaceId, source.name))) {
    throw new DomainError("not_found", "not_found", `No ${source.name} integration is set`);
  }
}
