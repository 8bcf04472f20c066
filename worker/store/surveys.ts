import { and, desc, eq } from "drizzle-orm";
import { surveys } from "../../schema/tables";
import type { Database } from "../db";
import { notFound } from "../domain/errors";
import type { SurveyShape } from "../domain/questions";

export interface Survey extends SurveyShape {
  id: string;
  workspaceId: string;
  name: string;
  isDefault: boolean;
  createdAt: number;
  /** Brand colour `#rrggbb`, or null for Aftercare's own. */
  accent: string | null;
}

type SurveyRow = typeof surveys.$inferSelect;

export function toSurvey(row: SurveyRow): Survey {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    questions: row.questions,
    comment: row.comment,
    cesScale: row.cesScale,
    isDefault: row.isDefault,
    createdAt: row.createdAt,
    accent: row.accent ?? null,
  };
}

/** A survey of this workspace; another workspace's survey is not found, like a missing one. */
export async function getSurvey(db: Database, workspaceId: string, id: string): Promise<Survey> {
  const row = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), eq(surveys.workspaceId, workspaceId)))
    .get();
  if (!row) throw notFound("Survey");
  return toSurvey(row);
}

/** The workspace's surveys, newest first. */
export async function listSurveys(db: Database, workspaceId: string): Promise<Survey[]> {
  const rows = await db
    .select()
    .from(surveys)
    .where(eq(surveys.workspaceId, workspaceId))
    .orderBy(desc(surveys.createdAt))
    .all();
  return rows.map(toSurvey);
}

/** Inserts a survey; a default one first takes the flag off the workspace's previous default, in one batch. */
export async function insertSurvey(db: Database, survey: Survey): Promise<void> {
  const insert = db.insert(surveys).values(survey);
  if (survey.isDefault) {
    await db.batch([
      db
        .update(surveys)
        .set({ isDefault: false })
        .where(and(eq(surveys.workspaceId, survey.workspaceId), eq(surveys.isDefault, true))),
      insert,
    ]);
  } else {
    await insert;
  }
}

export async function findDefaultSurvey(db: Database, workspaceId: string): Promise<Survey | null> {
  const row = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.isDefault, true)))
    .get();
  return row ? toSurvey(row) : null;
}

/** The public JSON shape of a survey. */
export function surveyJson(s: Survey) {
  return {
    id: s.id,
    name: s.name,
    questions: s.questions,
    comment: s.comment,
    ces_scale: s.cesScale,
    is_default: s.isDefault,
    created_at: new Date(s.createdAt).toISOString(),
    theme: s.accent ? { accent: s.accent } : null,
  };
}
