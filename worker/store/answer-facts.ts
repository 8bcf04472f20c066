import type { Database } from "../db";
import type { CesScale, Question } from "../domain/questions";
import { DEFAULT_RULES, type FollowUpRule } from "../follow-ups/rules";

/**
 * What recording an answer needs to know besides the token: the workspace's
 * timezone (the answer's local day), the survey's questions and CES scale (the
 * answer's check), the workspace's follow-up rules, and whether it has any webhook
 * endpoint (without one, an answer has no outbox row to write). Kept with the stored
 * text each came from, so a write can check in SQL that they still hold
 * (`factsHold`) and an isolate may remember them without ever acting on stale ones.
 */
export interface AnswerFacts {
  workspaceId: string;
  surveyId: string;
  timezone: string;
  questions: Question[];
  cesScale: CesScale;
  rules: FollowUpRule[];
  /** Whether the workspace has a webhook endpoint; if not, the outbox statements are left out. */
  endpoints: boolean;
  /** The stored texts, compared as they are by `factsHold`. */
  stored: { questionsJson: string; rulesJson: string | null };
}

/** The facts of a survey of a workspace, in one statement; null when either is missing. */
export async function readAnswerFacts(
  { $client: db }: Database,
  workspaceId: string,
  surveyId: string,
): Promise<AnswerFacts | null> {
  const row = await db
    .prepare(
      `SELECT w.timezone, s.questions, s.ces_scale, f.rules,
         EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.workspace_id = s.workspace_id) AS endpoints
       FROM surveys s JOIN workspaces w ON w.id = s.workspace_id
       LEFT JOIN follow_up_settings f ON f.workspace_id = s.workspace_id
       WHERE s.id = ? AND s.workspace_id = ?`,
    )
    .bind(surveyId, workspaceId)
    .first<{ timezone: string; questions: string; ces_scale: CesScale; rules: string | null; endpoints: number }>();
  if (!row) return null;
  return {
    workspaceId,
    surveyId,
    timezone: row.timezone,
    questions: JSON.parse(row.questions) as Question[],
    cesScale: row.ces_scale,
    rules: row.rules === null ? DEFAULT_RULES : (JSON.parse(row.rules) as FollowUpRule[]),
    endpoints: row.endpoints === 1,
    stored: { questionsJson: row.questions, rulesJson: row.rules },
  };
}

/** A SQL condition and the values it binds, appended to a statement's own. */
export interface Guard {
  sql: string;
  params: unknown[];
}

/** No condition: the statement runs on facts read in the same request. */
export const UNGUARDED: Guard = { sql: "1", params: [] };

/**
 * True while the workspace, survey, rules and endpoints are still as `facts` says. Each
 * statement of an answer's batch carries it, so facts remembered from an earlier
 * request write nothing at all once a PATCH changed them (the batch is one
 * transaction: every statement sees the same rows).
 */
export function factsHold(facts: AnswerFacts): Guard {
  return {
    sql: `EXISTS (SELECT 1 FROM surveys gs JOIN workspaces gw ON gw.id = gs.workspace_id
      WHERE gs.id = ? AND gs.workspace_id = ? AND gs.questions = ? AND gs.ces_scale = ? AND gw.timezone = ?
        AND (SELECT gf.rules FROM follow_up_settings gf WHERE gf.workspace_id = gs.workspace_id) IS ?
        AND EXISTS (SELECT 1 FROM webhook_endpoints ge WHERE ge.workspace_id = gs.workspace_id) = ?)`,
    params: [
      facts.surveyId,
      facts.workspaceId,
      facts.stored.questionsJson,
      facts.cesScale,
      facts.timezone,
      facts.stored.rulesJson,
      facts.endpoints ? 1 : 0,
    ],
  };
}
