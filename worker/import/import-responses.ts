/**
 * `POST /v1/responses/import`: historical answers (another tool's export, our
 * own CSV) written as responses. Each item is checked on its own and written
 * by ONE statement, so a bad item is reported and skipped while the others
 * land, and no item is ever half-written. The statement is an upsert on
 * (survey, source, ticket), so importing the same file twice changes nothing;
 * it writes `responses` like a live answer, so the same rollup triggers keep
 * the score histograms. Imported answers open no follow-up and send no event:
 * they are history, not news.
 */

import { eq } from "drizzle-orm";
import { surveys } from "../../schema/tables";
import { newId } from "../auth/crypto";
import { database } from "../db";
import { localDay } from "../domain/local-day";
import { TICKET_SOURCES } from "../domain/ticket-source";
import { checkAnswers } from "../services/record-answer";
import { ticketHash } from "../store/erased-tickets";
import { type Survey, toSurvey } from "../store/surveys";

export const MAX_IMPORT_ITEMS = 1000;
/** Statements per D1 batch: each binds 18 parameters, far under D1's 100 per statement. */
const CHUNK = 100;
/** A clock a little ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ImportError {
  index: number;
  code: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  errors: ImportError[];
}

/** One answer to import, as the JSON body or a CSV row gives it (not yet checked). */
export type RawItem = Record<string, unknown>;

interface CheckedItem {
  index: number;
  survey: Survey;
  ticketId: string;
  source: string;
  answers: Record<string, number>;
  comment: string | null;
  locale: string | null;
  submittedAt: number;
  segments: [string, string, string, string];
}

const UPSERT = `
INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, source, nps, csat, ces, comment, locale,
  submitted_at, submitted_day, updated_at, revision, channel, request_type, agent, team)
SELECT ?1, ?2, ?3, i.id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, 1, ?13, ?14, ?15, ?16
FROM (SELECT 1) LEFT JOIN interactions i ON i.workspace_id = ?2 AND i.source = ?5 AND i.ticket_id = ?4
WHERE NOT EXISTS (SELECT 1 FROM erased_tickets e WHERE e.workspace_id = ?2 AND e.source = ?5 AND e.ticket_hash = ?17)
ON CONFLICT (survey_id, source, ticket_id) DO UPDATE SET
  nps = excluded.nps, csat = excluded.csat, ces = excluded.ces, comment = excluded.comment, locale = excluded.locale,
  submitted_at = excluded.submitted_at, submitted_day = excluded.submitted_day, updated_at = ?18,
  revision = revision + 1,
  channel = excluded.channel, request_type = excluded.request_type, agent = excluded.agent, team = excluded.team
WHERE nps IS NOT excluded.nps OR csat IS NOT excluded.csat OR ces IS NOT excluded.ces
  OR comment IS NOT excluded.comment OR locale IS NOT excluded.locale OR submitted_at IS NOT excluded.submitted_at
  OR channel IS NOT excluded.channel OR request_type IS NOT excluded.request_type
  OR agent IS NOT excluded.agent OR team IS NOT excluded.team
RETURNING revision`;

export async function importResponses(
  env: { DB: D1Database },
  workspace: { id: string; timezone: string },
  items: readonly RawItem[],
  surveyOverride: string | undefined,
  now = Date.now(),
): Promise<ImportResult> {
  const rows = await database(env.DB).select().from(surveys).where(eq(surveys.workspaceId, workspace.id)).all();
  const surveyById = new Map(rows.map((r) => [r.id, toSurvey(r)]));
  const errors: ImportError[] = [];
  const checked: CheckedItem[] = [];
  items.forEach((item, index) => {
    const result = checkItem(item, index, surveyById, surveyOverride, now);
    if ("code" in result) errors.push(result);
    else checked.push(result);
  });

  let imported = 0;
  let updated = 0;
  for (let i = 0; i < checked.length; i += CHUNK) {
    const chunk = checked.slice(i, i + CHUNK);
    const statements = await Promise.all(
      chunk.map(async (c) =>
        env.DB.prepare(UPSERT).bind(
          newId("rsp"),
          workspace.id,
          c.survey.id,
          c.ticketId,
          c.source,
          c.answers.nps ?? null,
          c.answers.csat ?? null,
          c.answers.ces ?? null,
          c.comment,
          c.locale,
          c.submittedAt,
          localDay(c.submittedAt, workspace.timezone),
          ...c.segments,
          await ticketHash(workspace.id, c.ticketId),
          now,
        ),
      ),
    );
    const results = await env.DB.batch<{ revision: number }>(statements);
    for (const result of results) {
      const revision = result.results?.[0]?.revision;
      if (revision === 1) imported++;
      else if (revision != null) updated++;
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { imported, updated, errors };
}

const fail = (index: number, code: string, message: string): ImportError => ({ index, code, message });

function text(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed.length <= max ? trimmed || null : undefined;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function checkItem(
  item: RawItem,
  index: number,
  surveyById: ReadonlyMap<string, Survey>,
  surveyOverride: string | undefined,
  now: number,
): CheckedItem | ImportError {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return fail(index, "invalid_item", "Each item must be an object");
  }
  const surveyId = surveyOverride ?? item.survey_id;
  const survey = typeof surveyId === "string" ? surveyById.get(surveyId) : undefined;
  if (!survey) return fail(index, "unknown_survey", "survey_id: no such survey in this workspace");
  const ticketId = text(item.ticket_id, 200);
  if (!ticketId) return fail(index, "invalid_ticket_id", "ticket_id: expected text of 1 to 200 characters");
  const source = item.source === undefined || item.source === null || item.source === "" ? "own" : item.source;
  if (typeof source !== "string" || !(TICKET_SOURCES as readonly string[]).includes(source)) {
    return fail(index, "invalid_source", `source: expected one of ${TICKET_SOURCES.join(", ")}`);
  }
  const answers = item.answers;
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    return fail(index, "invalid_answers", 'answers: expected an object such as {"csat": 5}');
  }
  const answerErrors = checkAnswers(survey, answers as Record<string, unknown>);
  if (answerErrors.length > 0) {
    return fail(index, "invalid_answers", answerErrors.map((d) => `${d.path}: ${d.message}`).join("; "));
  }
  const submitted = typeof item.submitted_at === "string" ? item.submitted_at.trim() : "";
  const submittedAt = ISO_INSTANT.test(submitted) ? Date.parse(submitted) : Number.NaN;
  if (!Number.isFinite(submittedAt)) {
    return fail(index, "invalid_date", "submitted_at: expected an ISO 8601 instant such as 2026-03-01T09:30:00Z");
  }
  if (submittedAt > now + CLOCK_SKEW_MS) return fail(index, "future_date", "submitted_at: is in the future");
  const comment = text(item.comment, 2000);
  if (comment === undefined) return fail(index, "invalid_comment", "comment: expected text of at most 2000 characters");
  const locale = item.locale === undefined || item.locale === null || item.locale === "" ? null : item.locale;
  if (locale !== null && locale !== "en" && locale !== "fr") {
    return fail(index, "invalid_locale", "locale: expected en or fr");
  }
  const segments: string[] = [];
  for (const field of ["channel", "request_type", "agent", "team"] as const) {
    const value = text(item[field], 200);
    if (value === undefined) return fail(index, "invalid_segment", `${field}: expected text of at most 200 characters`);
    segments.push(value ?? "");
  }
  if (item.customer !== undefined && item.customer !== null) {
    return fail(
      index,
      "unsupported_field",
      "customer: not imported yet; send the ticket's customer with POST /v1/invitations",
    );
  }
  return {
    index,
    survey,
    ticketId,
    source,
    answers: answers as Record<string, number>,
    comment,
    locale,
    submittedAt,
    segments: segments as [string, string, string, string],
  };
}

/** A CSV row of our export as an import item: empty answer cells are unanswered questions. */
export function itemOfExportRow(row: Record<string, string>): RawItem {
  const answers: Record<string, number> = {};
  for (const metric of ["nps", "csat", "ces"] as const) {
    const cell = row[metric]?.trim();
    if (cell) answers[metric] = /^-?\d+$/.test(cell) ? Number(cell) : Number.NaN;
  }
  return {
    survey_id: row.survey_id,
    ticket_id: row.ticket_id,
    source: row.source,
    answers,
    comment: row.comment,
    locale: row.locale,
    submitted_at: row.submitted_at,
    channel: row.channel,
    request_type: row.request_type,
    agent: row.agent,
    team: row.team,
  };
}
