import { base64url, fromBase64url, newId } from "../auth/crypto";
import type { Database } from "../db";
import { invalid } from "../domain/errors";
import type { FollowUpStatus } from "../domain/follow-up";
import { METRICS, type Metric } from "../domain/metrics";
import type { CesScale } from "../domain/questions";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import { FOLLOW_UP_EVENT_SQL } from "../events/outbox";
import { DEFAULT_RULES, type FollowUpRule, rulesPredicate } from "../follow-ups/rules";
import { type Guard, UNGUARDED } from "./answer-facts";
import { answersOf, ticketSegmentsOf } from "./response-listing";

/** The workspace's rules: its own, or the defaults when it never set any. */
export async function getRules(
  { $client: db }: Database,
  workspaceId: string,
): Promise<{ rules: FollowUpRule[]; custom: boolean }> {
  const row = await db
    .prepare("SELECT rules FROM follow_up_settings WHERE workspace_id = ?")
    .bind(workspaceId)
    .first<{ rules: string }>();
  return row
    ? { rules: JSON.parse(row.rules) as FollowUpRule[], custom: true }
    : { rules: DEFAULT_RULES, custom: false };
}

export async function putRules(
  { $client: db }: Database,
  workspaceId: string,
  rules: FollowUpRule[],
  now = Date.now(),
) {
  await db
    .prepare(
      `INSERT INTO follow_up_settings (workspace_id, rules, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (workspace_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
    )
    .bind(workspaceId, JSON.stringify(rules), now)
    .run();
}

/**
 * The statements that keep the follow-up of a just-recorded answer right, to
 * run in the same batch as the answer (after it): open one when the answer
 * matches a rule (or reopen one that `answer_changed` had resolved), resolve it
 * as `answer_changed` when a changed answer no longer matches, and write the
 * `follow_up.*` outbox rows for whatever changed. The first two carry `guard`
 * (the outbox rows follow from what they changed), so a batch whose facts no
 * longer hold opens and resolves nothing, and act only on a response whose
 * `change_id` is the answer's `changeId`, so an answer that changed nothing (a
 * re-post) opens and resolves nothing either, whatever the rules say now.
 */
export function followUpStatementsForAnswer(
  { $client: db }: Database,
  a: {
    surveyId: string;
    source: string;
    ticketId: string;
    rules: FollowUpRule[];
    cesScale: CesScale;
    now: number;
    day: string;
    /** The answer's change id, as the upsert wrote it into `responses.change_id` when it changed the response. */
    changeId: string;
    /** False when the workspace has no webhook endpoint: the outbox statement is left out. */
    events?: boolean;
  },
  guard: Guard = UNGUARDED,
): D1PreparedStatement[] {
  const match = rulesPredicate(a.rules, a.cesScale);
  const newFollowUpId = newId("fup");
  const changeId = a.changeId;
  const open = db
    .prepare(
      `INSERT INTO follow_ups (id, workspace_id, response_id, interaction_id, survey_id, ticket_id, status, opened_at,
         opened_day, updated_at, change_id)
       SELECT ?, r.workspace_id, r.id, r.interaction_id, r.survey_id, r.ticket_id, 'open', ?, ?, ?, ?
       FROM responses r WHERE r.survey_id = ? AND r.source = ? AND r.ticket_id = ? AND r.change_id = ? AND ${match.sql}
         AND (${guard.sql})
       ON CONFLICT (response_id) DO UPDATE SET status = 'open', resolution = NULL, resolved_at = NULL,
         updated_at = excluded.updated_at, change_id = excluded.change_id
       WHERE follow_ups.resolution = 'answer_changed'`,
    )
    .bind(
      newFollowUpId,
      a.now,
      a.day,
      a.now,
      changeId,
      a.surveyId,
      a.source,
      a.ticketId,
      changeId,
      ...match.params,
      ...guard.params,
    );
  const changed = db
    .prepare(
      `UPDATE follow_ups SET status = 'resolved', resolution = 'answer_changed', resolved_at = ?, updated_at = ?,
         change_id = ?
       WHERE status != 'resolved'
         AND response_id = (SELECT r.id FROM responses r WHERE r.survey_id = ? AND r.source = ? AND r.ticket_id = ? AND r.change_id = ?
           AND NOT ${match.sql})
         AND (${guard.sql})`,
    )
    .bind(a.now, a.now, changeId, a.surveyId, a.source, a.ticketId, changeId, ...match.params, ...guard.params);
  if (a.events === false) return [open, changed];
  const events = db.prepare(FOLLOW_UP_EVENT_SQL).bind(a.now, changeId, newFollowUpId);
  return [open, changed, events];
}

interface FollowUpRow extends Record<TicketDimension, string>, Record<Metric, number | null> {
  id: string;
  response_id: string;
  ticket_id: string;
  source: string | null;
  survey_id: string;
  comment: string | null;
  status: FollowUpStatus;
  assignee: string | null;
  note: string | null;
  resolution: string | null;
  opened_at: number;
  contacted_at: number | null;
  updated_at: number;
  resolved_at: number | null;
}

// Segments come from the response, which carries its ticket's segments as they were when answered.
const SELECT_FOLLOW_UP = `
SELECT f.id, f.response_id, f.ticket_id, r.source, f.survey_id, ${METRICS.map((m) => `r.${m}`).join(", ")},
  r.comment, ${TICKET_DIMENSIONS.map((d) => `r.${d}`).join(", ")}, f.status, f.assignee, f.note, f.resolution, f.opened_at,
  f.contacted_at, f.updated_at, f.resolved_at
FROM follow_ups f
JOIN responses r ON r.id = f.response_id`;

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/** The public JSON shape of a follow-up (also the `data` of `follow_up.*` events). */
export function followUpJson(f: FollowUpRow) {
  return {
    id: f.id,
    response_id: f.response_id,
    ticket_id: f.ticket_id,
    source: f.source,
    survey_id: f.survey_id,
    answers: answersOf(f),
    comment: f.comment,
    ...ticketSegmentsOf(f),
    status: f.status,
    assignee: f.assignee,
    note: f.note,
    resolution: f.resolution,
    opened_at: iso(f.opened_at) as string,
    contacted_at: iso(f.contacted_at),
    updated_at: iso(f.updated_at) as string,
    resolved_at: iso(f.resolved_at),
  };
}
export type FollowUpJson = ReturnType<typeof followUpJson>;

export async function getFollowUp(
  { $client: db }: Database,
  workspaceId: string,
  id: string,
): Promise<FollowUpJson | null> {
  const row = await db
    .prepare(`${SELECT_FOLLOW_UP} WHERE f.workspace_id = ? AND f.id = ?`)
    .bind(workspaceId, id)
    .first<FollowUpRow>();
  return row ? followUpJson(row) : null;
}

export interface FollowUpFilter {
  status?: FollowUpStatus;
  assignee?: string;
  agent?: string;
  team?: string;
  channel?: string;
}

function encodeCursor(openedAt: number, id: string) {
  return base64url(new TextEncoder().encode(`${openedAt}:${id}`));
}

function decodeCursor(cursor: string): { openedAt: number; id: string } {
  const bytes = fromBase64url(cursor);
  const m = bytes && /^(\d{1,15}):([\w]{1,100})$/.exec(new TextDecoder().decode(bytes));
  if (!m) throw invalid([{ path: "cursor", message: "Not a cursor this API returned" }]);
  return { openedAt: Number(m[1]), id: m[2] as string };
}

/** One page of follow-ups, oldest first (the inbox works from the longest-waiting customer). */
export async function listFollowUps(
  { $client: db }: Database,
  workspaceId: string,
  filter: FollowUpFilter,
  limit: number,
  cursor?: string,
): Promise<{ items: FollowUpJson[]; nextCursor: string | null }> {
  const where = ["f.workspace_id = ?"];
  const params: unknown[] = [workspaceId];
  if (filter.status) {
    where.push("f.status = ?");
    params.push(filter.status);
  }
  if (filter.assignee) {
    where.push("f.assignee = ?");
    params.push(filter.assignee);
  }
  if (filter.agent) {
    where.push("r.agent = ?");
    params.push(filter.agent);
  }
  if (filter.team) {
    where.push("r.team = ?");
    params.push(filter.team);
  }
  if (filter.channel) {
    where.push("r.channel = ?");
    params.push(filter.channel);
  }
  if (cursor) {
    const at = decodeCursor(cursor);
    where.push("(f.opened_at > ? OR (f.opened_at = ? AND f.id > ?))");
    params.push(at.openedAt, at.openedAt, at.id);
  }
  const { results } = await db
    .prepare(`${SELECT_FOLLOW_UP} WHERE ${where.join(" AND ")} ORDER BY f.opened_at, f.id LIMIT ?`)
    .bind(...params, limit + 1)
    .all<FollowUpRow>();
  const page = results.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(followUpJson),
    nextCursor: results.length > limit && last ? encodeCursor(last.opened_at, last.id) : null,
  };
}

/**
 * Writes a person's change to a follow-up (`current`, as read just before; the move already
 * allowed by worker/services/change-follow-up.ts). Reaching contacted or resolved stamps
 * `contacted_at` once (the repurchase grouping's "contacted"). Writes the `follow_up.updated`
 * outbox rows in the same batch; returns the follow-up as it now is and their ids.
 */
export async function writeFollowUpChange(
  database: Database,
  workspaceId: string,
  current: FollowUpJson,
  change: { status?: FollowUpStatus; assignee?: string | null; note?: string | null },
  now: number,
): Promise<{ followUp: FollowUpJson; deliveryIds: string[] }> {
  const db = database.$client;
  const id = current.id;
  const to = change.status;
  const sets: string[] = [];
  const params: unknown[] = [];
  if (to && to !== current.status) {
    sets.push("status = ?");
    params.push(to);
    if (to === "contacted" || to === "resolved") {
      sets.push("contacted_at = COALESCE(contacted_at, ?)");
      params.push(now);
    }
    if (to === "resolved") {
      sets.push("resolved_at = ?", "resolution = 'handled'");
      params.push(now);
    }
    if (to === "open") sets.push("resolved_at = NULL", "resolution = NULL");
  }
  const owner = change.assignee;
  if (owner !== undefined && owner !== current.assignee) {
    sets.push("assignee = ?");
    params.push(owner);
  }
  if (change.note !== undefined && change.note !== current.note) {
    sets.push("note = ?");
    params.push(change.note);
  }
  if (sets.length === 0) return { followUp: current, deliveryIds: [] };
  const changeId = newId("chg");
  const [, events] = await db.batch([
    db
      .prepare(
        `UPDATE follow_ups SET ${sets.join(", ")}, updated_at = ?, change_id = ? WHERE workspace_id = ? AND id = ?`,
      )
      .bind(...params, now, changeId, workspaceId, id),
    db.prepare(FOLLOW_UP_EVENT_SQL).bind(now, changeId, ""),
  ]);
  const followUp = (await getFollowUp(database, workspaceId, id)) as FollowUpJson;
  const deliveryIds = ((events?.results ?? []) as { id: string }[]).map((r) => r.id);
  return { followUp, deliveryIds };
}

/** The follow-ups opened on local days [from, to): what the summary is computed from. */
export async function followUpTimes({ $client: db }: Database, workspaceId: string, from?: string, to?: string) {
  const where = ["workspace_id = ?"];
  const params: unknown[] = [workspaceId];
  if (from) {
    where.push("opened_day >= ?");
    params.push(from);
  }
  if (to) {
    where.push("opened_day < ?");
    params.push(to);
  }
  const { results } = await db
    .prepare(
      `SELECT status, opened_at, contacted_at, resolved_at, resolution FROM follow_ups WHERE ${where.join(" AND ")}`,
    )
    .bind(...params)
    .all<{
      status: FollowUpStatus;
      opened_at: number;
      contacted_at: number | null;
      resolved_at: number | null;
      resolution: string | null;
    }>();
  return results;
}
