import { exports } from "cloudflare:workers";

export const ADMIN_TOKEN = "test-admin-token";
const ORIGIN = "https://aftercare.test";

type Json = Record<string, unknown>;

/** Calls the Worker under test the way a client would. */
export async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.body);
  }
  const res = await exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }));
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

export interface TestWorkspace {
  id: string;
  key: string;
  defaultSurveyId: string;
}

let counter = 0;

export async function createWorkspace(name = `Shop ${++counter}`, timezone?: string): Promise<TestWorkspace> {
  const res = await call("POST", "/v1/workspaces", {
    key: ADMIN_TOKEN,
    body: { name, ...(timezone ? { timezone } : {}) },
  });
  if (res.status !== 201) throw new Error(`workspace: ${res.status} ${res.text}`);
  return { id: res.body.workspace.id, key: res.body.api_key, defaultSurveyId: res.body.workspace.default_survey_id };
}

export async function createSurvey(ws: TestWorkspace, body: Json): Promise<string> {
  const res = await call("POST", "/v1/surveys", { key: ws.key, body: { name: "Survey", ...body } });
  if (res.status !== 201) throw new Error(`survey: ${res.status} ${res.text}`);
  return res.body.id;
}

export async function invite(
  ws: TestWorkspace,
  body: Json,
): Promise<{ token: string; links: Record<string, string>; url: string }> {
  const res = await call("POST", "/v1/invitations", { key: ws.key, body: { survey_id: ws.defaultSurveyId, ...body } });
  if (res.status !== 201) throw new Error(`invitation: ${res.status} ${res.text}`);
  return res.body;
}

export async function answer(token: string, answers: Json, extra: Json = {}) {
  return call("POST", "/v1/responses", { body: { token, answers, ...extra } });
}
