import { eq } from "drizzle-orm";
import { workspaces } from "../../schema/tables";
import type { Database } from "../db";
import { notFound } from "../http/errors";

export type Workspace = typeof workspaces.$inferSelect;

/** The workspace of the current key. A deleted one reads as not found. */
export async function getWorkspace(db: Database, id: string): Promise<Workspace> {
  const row = await db.select().from(workspaces).where(eq(workspaces.id, id)).get();
  if (!row) throw notFound("Workspace");
  return row;
}
