import { describe, expect, it } from "vitest";
import { call, createWorkspace } from "../support/worker/helpers";

async function keyWith(scopes: string[]) {
  const ws = await createWorkspace();
  const res = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: `only ${scopes.join("+")}`, scopes } });
  expect(res.status).toBe(201);
  return { ws, key: res.body.api_key as string, id: res.body.id as string, body: res.body };
}

describe("API keys", () => {
  it("creates a key shown once, listed afterwards without its secret", async () => {
    const { ws, key, body } = await keyWith(["read"]);
    expect(body).toMatchObject({ name: "only read", scopes: ["read"], revoked_at: null });
    const list = await call("GET", "/v1/api-keys", { key: ws.key });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(ws.key);
  });

  it.each([
    ["read", "GET", "/v1/responses", 200],
    ["read", "POST", "/v1/surveys", 403],
    ["read", "GET", "/v1/api-keys", 403],
    ["write", "POST", "/v1/surveys", 201],
    ["write", "GET", "/v1/responses", 403],
    ["write", "POST", "/v1/api-keys", 403],
    ["admin", "GET", "/v1/api-keys", 200],
    ["admin", "GET", "/v1/responses", 403],
  ])("a %s key on %s %s answers %i", async (scope, method, path, status) => {
    const { key } = await keyWith([scope]);
    const body =
      method === "POST"
        ? path === "/v1/surveys"
          ? { name: "S", questions: [{ type: "nps" }] }
          : { name: "k", scopes: ["read"] }
        : undefined;
    const res = await call(method, path, { key, body });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe("forbidden");
  });

  it("rejects a revoked key with 401", async () => {
    const { ws, key, id } = await keyWith(["read"]);
    expect((await call("GET", "/v1/responses", { key })).status).toBe(200);
    const revoked = await call("DELETE", `/v1/api-keys/${id}`, { key: ws.key });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    const res = await call("GET", "/v1/responses", { key });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("rejects an altered key with 401", async () => {
    const { key } = await keyWith(["read"]);
    const last = key.at(-1) === "A" ? "B" : "A";
    expect((await call("GET", "/v1/responses", { key: key.slice(0, -1) + last })).status).toBe(401);
    expect((await call("GET", "/v1/responses", { key: key.slice(0, -1) })).status).toBe(401);
    expect((await call("GET", "/v1/responses", { headers: { authorization: key } })).status).toBe(401);
  });

  it("cannot revoke another workspace's key: 404, and the key keeps working", async () => {
    const a = await keyWith(["read"]);
    const b = await createWorkspace();
    const res = await call("DELETE", `/v1/api-keys/${a.id}`, { key: b.key });
    expect(res.status).toBe(404);
    expect((await call("GET", "/v1/responses", { key: a.key })).status).toBe(200);
  });

  it("validates scopes", async () => {
    const ws = await createWorkspace();
    for (const scopes of [[], ["root"], ["read", "read"], "read"]) {
      const res = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "x", scopes } });
      expect(res.status, JSON.stringify(scopes)).toBe(422);
      expect(res.body.error.details[0].path).toMatch(/^scopes/);
    }
  });
});
