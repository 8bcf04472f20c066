/**
 * One import item checked on its own, before anything is written: the survey it names, its
 * ticket, answers, instant, comment, locale, segments and customer. Pure: a bad item becomes a
 * per-item error naming its row and field; worker/services/import-responses.ts writes the rest.
 */

import { isBeyondSkew, notAfter } from "../domain/clock-skew";
import { MAX_COMMENT_CHARS } from "../domain/comment";
import { METRICS } from "../domain/metrics";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import { TICKET_SOURCES } from "../domain/ticket-source";
import { CustomerSchema } from "../http/customer-schema";
import { checkAnswers } from "../services/record-answer";
import type { CustomerRef } from "../store/identity";
import type { Survey } from "../store/surveys";

export const MAX_IMPORT_ITEMS = 1000;

export interface ImportError {
  index: number;
  code: string;
  message: string;
}

/** One answer to import, as the JSON body or a CSV row gives it (not yet checked). */
export type RawItem = Record<string, unknown>;

export interface CheckedItem {
  index: number;
  survey: Survey;
  ticketId: string;
  source: string;
  answers: Record<string, number>;
  comment: string | null;
  locale: string | null;
  submittedAt: number;
  /** The ticket's segments as given, '' for none. */
  segments: Record<TicketDimension, string>;
  /** The ticket's customer, with the same rules as an invitation's; null when the item has none. */
  customer: CustomerRef | null;
}

const fail = (index: number, code: string, message: string): ImportError => ({ index, code, message });

function text(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  // Characters as a person counts them (an emoji is one), as the API counts them.
  return [...trimmed].length <= max ? trimmed || null : undefined;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function checkItem(
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
  // docs/future-times.md: a clock a little ahead of ours is skew, taken as now; further is an error.
  if (isBeyondSkew(submittedAt, now)) return fail(index, "future_date", "submitted_at: is in the future");
  const comment = text(item.comment, MAX_COMMENT_CHARS);
  if (comment === undefined)
    return fail(index, "invalid_comment", `comment: expected text of at most ${MAX_COMMENT_CHARS} characters`);
  const locale = item.locale === undefined || item.locale === null || item.locale === "" ? null : item.locale;
  if (locale !== null && locale !== "en" && locale !== "fr") {
    return fail(index, "invalid_locale", "locale: expected en or fr");
  }
  const segments = {} as Record<TicketDimension, string>;
  for (const field of TICKET_DIMENSIONS) {
    const value = text(item[field], 200);
    if (value === undefined) return fail(index, "invalid_segment", `${field}: expected text of at most 200 characters`);
    segments[field] = value ?? "";
  }
  let customer: CustomerRef | null = null;
  if (item.customer !== undefined && item.customer !== null) {
    const parsed = CustomerSchema.safeParse(item.customer);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${["customer", ...i.path].join(".")}: ${i.message}`).join("; ");
      return fail(index, "invalid_customer", why);
    }
    customer = parsed.data;
  }
  return {
    index,
    survey,
    ticketId,
    source,
    answers: answers as Record<string, number>,
    comment,
    locale,
    submittedAt: notAfter(submittedAt, now),
    segments,
    customer,
  };
}

/** A CSV row of our export as an import item: empty answer cells are unanswered questions. */
export function itemOfExportRow(row: Record<string, string>): RawItem {
  const answers: Record<string, number> = {};
  for (const metric of METRICS) {
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
    ...Object.fromEntries(TICKET_DIMENSIONS.map((d) => [d, row[d]])),
  };
}
