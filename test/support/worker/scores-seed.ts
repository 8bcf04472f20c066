import { databaseOf } from "./shards";

/** One response to insert; segments default to '' (none), as the Worker stores them. */
export interface SeedResponse {
  surveyId: string;
  day: string;
  nps?: number;
  csat?: number;
  ces?: number;
  comment?: string;
  channel?: string;
  requestType?: string;
  agent?: string;
  team?: string;
  /** Defaults to noon UTC of `day`. */
  submittedAt?: number;
}

let seq = 0;

/**
 * Inserts responses straight into `responses` on chosen local days, which the
 * API cannot do (it stamps "now"). The rollup triggers still fire, exactly as
 * for the Worker's own upsert.
 */
export async function seedResponses(workspaceId: string, rows: SeedResponse[]): Promise<string[]> {
  const ids: string[] = [];
  const db = await databaseOf(workspaceId);
  const statements = rows.map((r) => {
    const id = `rsp_seed${++seq}_${Math.random().toString(36).slice(2, 8)}`;
    ids.push(id);
    const at = r.submittedAt ?? Date.parse(`${r.day}T12:00:00Z`);
    return db
      .prepare(
        `INSERT INTO responses (id, workspace_id, survey_id, ticket_id, nps, csat, ces, comment, submitted_at, submitted_day,
         updated_at, channel, request_type, agent, team)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        id,
        workspaceId,
        r.surveyId,
        `T-${id}`,
        r.nps ?? null,
        r.csat ?? null,
        r.ces ?? null,
        r.comment ?? null,
        at,
        r.day,
        at,
        r.channel ?? "",
        r.requestType ?? "",
        r.agent ?? "",
        r.team ?? "",
      );
  });
  for (let i = 0; i < statements.length; i += 400) await db.batch(statements.slice(i, i + 400));
  return ids;
}
