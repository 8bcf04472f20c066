import { ApiError } from "../http/errors";
import { readLimitedText } from "../http/json-body";
import type { Survey } from "../store/surveys";

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/**
 * Reads an HTML form post: 415 unless it is urlencoded (what a form without
 * files sends), 413 over the 64 KB limit, like the JSON API.
 */
export async function readForm(req: Request): Promise<URLSearchParams> {
  if (!FORM_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new ApiError(415, "unsupported_media_type", "Send the form as application/x-www-form-urlencoded");
  }
  return new URLSearchParams(await readLimitedText(req));
}

/**
 * The answers a form names for the survey's own questions (radio `name` = the
 * question type). A value that is not a whole number is kept as text, so that
 * `checkAnswers` rejects it rather than it being silently dropped.
 */
export function formAnswers(form: URLSearchParams, survey: Survey): Record<string, number | string> {
  const answers: Record<string, number | string> = {};
  for (const { type } of survey.questions) {
    const raw = form.get(type)?.trim();
    if (raw) answers[type] = /^-?\d{1,3}$/.test(raw) ? Number(raw) : raw;
  }
  return answers;
}
