/**
 * Shared setup for the property-based suites (`fuzz-*.test.ts`): two tenants
 * with recognisable data, a direct caller, and a snapshot of every table's rows.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { expect } from "vitest";
import { createApp } from "../../../worker/app";
import { answer, createWorkspace, invite, type TestWorkspace } from "./helpers";
import { STANDARD_SECRET, sendStandard, setIntegration } from "./hooks-signing";
import { d1Bindings, databaseOf } from "./shards";

const app = createApp();

/**
 * Markers only tenant A's data holds. The generators never produce them, so
 * seeing one in an answer to tenant B (or to no one) is a leak, not an echo.
 */
export const A_SECRETS = [
  "ALPHA-SECRET-TICKET",
  "alpha-secret@alpha.example",
  "ALPHA-SECRET-COMMENT",
  "ALPHA-SECRET-ORDER",
];

export interface Tenants {
  a: TestWorkspace;
  b: TestWorkspace;
  aToken: string;
  bToken: string;
  bSurvey: string;
  aSurvey: string;
}

/** Tenant A with a customer, an answer, an order and an integration; tenant B, which the fuzzer acts as. */
export async function seedTenants(): Promise<Tenants> {
  const a = await createWorkspace("Alpha");
  const b = await createWorkspace("Beta");
  const aInvite = await invite(a, { ticket_id: A_SECRETS[0], customer: { email: A_SECRETS[1] }, agent: "alpha-agent" });
  expect((await answer(aInvite.token, { csat: 2 }, { comment: A_SECRETS[2] })).status).toBe(201);
  await setIntegration(a, "standard", STANDARD_SECRET);
  const order = await sendStandard(a, {
    type: "order.created",
    data: {
      order_id: A_SECRETS[3],
      customer: { email: A_SECRETS[1] },
      placed_at: new Date().toISOString(),
      total: "10.00",
      currency: "EUR",
    },
  });
  expect(order.status).toBe(200);
  await setIntegration(b, "standard", STANDARD_SECRET);
  const bInvite = await invite(b, { ticket_id: "B-1", customer: { email: "b@beta.example" } });
  return { a, b, aToken: aInvite.token, bToken: bInvite.token, bSurvey: b.defaultSurveyId, aSurvey: a.defaultSurveyId };
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * Calls the app directly with rate limiting off: the fuzzer repeats a few
 * tokens far more often than any person would, and 429s would hide the routes.
 */
export async function send(request: Request): Promise<Answer> {
  const ctx = createExecutionContext();
  const res = await app.fetch(request, { ...env, RATE_LIMITING: "off" }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

let snapshotSql: string | undefined;

/**
 * Every application table's row count, and its latest `updated_at` where it has
 * one (an in-place update changes no count), as one string to compare. One
 * statement of scalar subqueries: D1 caps compound SELECTs at a few terms.
 */
export async function snapshot(): Promise<string> {
  if (!snapshotSql) {
    const tables = (
      await env.DB.prepare(
        "SELECT m.name, EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'updated_at') AS touched FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND m.name NOT LIKE 'd1\\_%' ESCAPE '\\' ORDER BY m.name",
      ).all<{ name: string; touched: number }>()
    ).results;
    expect(tables.length).toBeGreaterThan(5);
    const terms = tables.flatMap((t) => [
      `(SELECT count(*) FROM "${t.name}") AS "${t.name}"`,
      ...(t.touched ? [`(SELECT max(updated_at) FROM "${t.name}") AS "${t.name}.updated_at"`] : []),
    ]);
    snapshotSql = `SELECT ${terms.join(", ")}`;
  }
  // Every database: the directory and each shard.
  const sql = snapshotSql;
  return JSON.stringify(await Promise.all(d1Bindings().map(([, d1]) => d1.prepare(sql).first())));
}

/** A's rows, field by field: B's requests, accepted or not, must never change them. */
export async function tenantSnapshot(workspaceId: string): Promise<string> {
  const shard = await databaseOf(workspaceId);
  const r = [
    shard.prepare("SELECT id, name, timezone FROM workspaces WHERE id = ?").bind(workspaceId),
    shard
      .prepare(
        "SELECT ticket_id, customer_key, agent, closed_at FROM interactions WHERE workspace_id = ? ORDER BY ticket_id",
      )
      .bind(workspaceId),
    shard
      .prepare("SELECT id, csat, nps, ces, comment, revision FROM responses WHERE workspace_id = ? ORDER BY id")
      .bind(workspaceId),
    shard
      .prepare("SELECT order_id, total_minor, cancelled FROM orders WHERE workspace_id = ? ORDER BY order_id")
      .bind(workspaceId),
    // API keys live in the directory.
    env.DB.prepare("SELECT id, revoked_at FROM api_keys WHERE workspace_id = ? ORDER BY id").bind(workspaceId),
    shard
      .prepare("SELECT source, secret, updated_at FROM integrations WHERE workspace_id = ? ORDER BY source")
      .bind(workspaceId),
  ];
  return JSON.stringify(await Promise.all(r.map(async (statement) => (await statement.all()).results)));
}

/**
 * The invariants every generated request is held to: never a 5xx; a `/v1`
 * error is JSON `{"error": {"code", "message"}}`; a rejected request writes
 * nothing; no answer carries tenant A's data.
 */
export async function checkInvariants(request: Request, options: { leakCheck?: boolean } = {}): Promise<Answer> {
  const path = new URL(request.url).pathname;
  const before = await snapshot();
  const res = await send(request);
  const where = `${request.method} ${request.url} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) {
    if (path.startsWith("/v1/")) {
      expect(res.headers.get("content-type") ?? "", where).toMatch(/application\/json/);
      const body = JSON.parse(res.text);
      expect(typeof body?.error?.code, where).toBe("string");
      expect(typeof body?.error?.message, where).toBe("string");
    }
    expect(await snapshot(), `rejected but wrote: ${where}`).toBe(before);
  }
  if (options.leakCheck !== false) {
    for (const secret of A_SECRETS) expect(res.text.includes(secret), `leak of ${secret}: ${where}`).toBe(false);
  }
  return res;
}

/** Any JSON-ish value, small: what a careless or hostile client puts in a field. */
export const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Strings that reach odd corners: unicode, path tricks, SQL, very long. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "..",
    "../..",
    "%00",
    "'; DROP TABLE responses; --",
    "\u0000",
    "null",
    "0",
    "-1",
    "1e309",
    "NaN",
    "\uD800",
    "a".repeat(5000),
  ),
);
