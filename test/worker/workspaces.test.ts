import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call } from "../support/worker/helpers";

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

describe("POST /v1/workspaces", () => {
  it("creates a workspace with a full-scope key and a default CSAT + comment survey", async () => {
    const res = await call("POST", "/v1/workspaces", {
      key: ADMIN_TOKEN,
      body: { name: "Maison Dupont", timezone: "Europe/Paris" },
    });
    expect(res.status).toBe(201);
    expect(res.body.workspace).toMatchObject({ name: "Maison Dupont", timezone: "Europe/Paris" });
    expect(res.body.workspace.id).toMatch(/^ws_/);
    expect(res.body.api_key).toMatch(/^ak_/);

    const surveys = await call("GET", "/v1/surveys", { key: res.body.api_key });
    expect(surveys.body.items).toHaveLength(1);
    expect(surveys.body.items[0]).toMatchObject({ questions: [{ type: "csat" }], comment: true, is_default: true });

    for (const scope of ["read", "write", "admin"]) {
      const path = scope === "admin" ? "/v1/api-keys" : "/v1/surveys";
      expect((await call("GET", path, { key: res.body.api_key })).status, scope).toBe(200);
    }
  });

  it("stores only the key's hash", async () => {
    const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Hash check" } });
    const rows = await env.DB.prepare("SELECT key_hash, prefix FROM api_keys WHERE workspace_id = ?")
      .bind(res.body.workspace.id)
      .all<{ key_hash: string; prefix: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows.results)).not.toContain(res.body.api_key);
  });

  it("defaults the timezone to UTC", async () => {
    const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "No tz" } });
    expect(res.body.workspace.timezone).toBe("UTC");
  });

  it.each([
    ["no token", undefined, 401],
    ["a wrong token", "not-the-admin-token", 401],
  ])("refuses %s with 401 and writes nothing", async (_, key, status) => {
    const before = await count("workspaces");
    const res = await call("POST", "/v1/workspaces", { key, body: { name: "Intruder" } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe("unauthorized");
    expect(await count("workspaces")).toBe(before);
  });

  it("refuses a workspace API key in place of the admin token", async () => {
    const ok = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "A" } });
    const res = await call("POST", "/v1/workspaces", { key: ok.body.api_key, body: { name: "B" } });
    expect(res.status).toBe(401);
  });

  it.each([
    [{}, "name"],
    [{ name: "" }, "name"],
    [{ name: "x", timezone: "Mars/Olympus" }, "timezone"],
    [{ name: 42 }, "name"],
  ])("answers 422 naming the bad field for %j", async (body, field) => {
    const before = await count("workspaces");
    const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_fields");
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await count("workspaces")).toBe(before);
  });
});

describe("request errors", () => {
  it("answers 400 for JSON that does not parse", async () => {
    const res = await call("POST", "/v1/workspaces", {
      key: ADMIN_TOKEN,
      raw: '{"name": ',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("malformed_json");
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await call("POST", "/v1/workspaces", {
      key: ADMIN_TOKEN,
      raw: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("answers 413 for a body over 64 KB, declared or streamed", async () => {
    const big = JSON.stringify({ name: "x".repeat(70 * 1024) });
    const res = await call("POST", "/v1/workspaces", {
      key: ADMIN_TOKEN,
      raw: big,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("sends nosniff and no-referrer on every response", async () => {
    const res = await call("GET", "/healthz");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
