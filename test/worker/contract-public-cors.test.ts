/**
 * Contract audit: `POST /v1/responses` is public with CORS `*`, and every error is
 * a clear JSON answer. A shop's page posts answers from its own origin, so the
 * widget can read an error only if that answer carries `Access-Control-Allow-Origin`
 * too — including the errors raised before the route runs (body checks, database).
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { faultyDatabase } from "../support/worker/faults";
import { call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

const SHOP = "https://shop.example";
let ws: TestWorkspace;
let token: string;

const responseCount = async () =>
  (await (
    await databaseOf(ws.id)
  )
    .prepare("SELECT count(*) AS n FROM responses WHERE workspace_id = ?")
    .bind(ws.id)
    .first<number>("n")) ?? 0;

beforeAll(async () => {
  ws = await createWorkspace();
  token = (await invite(ws, { ticket_id: "CORS-ERR-1" })).token;
});

describe("POST /v1/responses errors are readable from a shop's page", () => {
  it.each([
    ["400 malformed JSON", 400, "malformed_json", () => "{not json", "application/json"],
    [
      "413 over 64 KB",
      413,
      "body_too_large",
      () => JSON.stringify({ token, answers: { csat: 3 }, comment: "a".repeat(70_000) }),
      "application/json",
    ],
    [
      "415 not JSON",
      415,
      "unsupported_media_type",
      () => JSON.stringify({ token, answers: { csat: 3 } }),
      "text/plain",
    ],
    ["422 invalid fields", 422, "invalid_fields", () => JSON.stringify({ token, answers: {} }), "application/json"],
  ])("%s: JSON error with Access-Control-Allow-Origin *, nothing written", async (_, status, code, raw, type) => {
    const res = await call("POST", "/v1/responses", { raw: raw(), headers: { origin: SHOP, "content-type": type } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(await responseCount()).toBe(0);
  });

  it("503 database unavailable: readable, with its Retry-After exposed", async () => {
    const faulty = faultyDatabase(env.DB, 1);
    const ctx = createExecutionContext();
    const res = await createApp().fetch(
      new Request("https://aftercare.test/v1/responses", {
        method: "POST",
        headers: { origin: SHOP, "content-type": "application/json" },
        body: JSON.stringify({ token, answers: { csat: 3 } }),
      }),
      { ...env, DB: faulty.db, RATE_LIMITING: "off" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("the keyed GET /v1/responses still grants no other origin", async () => {
    const res = await call("GET", "/v1/responses", { key: ws.key, headers: { origin: SHOP } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /s/:token/survey.json errors are readable from a shop's page", () => {
  it("503 database unavailable carries Access-Control-Allow-Origin *", async () => {
    const faulty = faultyDatabase(env.DB, 1);
    const ctx = createExecutionContext();
    const res = await createApp().fetch(
      new Request(`https://aftercare.test/s/${token}/survey.json`, { headers: { origin: SHOP } }),
      { ...env, DB: faulty.db, RATE_LIMITING: "off" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
