import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { STANDARD_SECRET } from "../support/worker/hooks-signing";

let ws: TestWorkspace;
let other: TestWorkspace;
let readKey: string;

beforeAll(async () => {
  ws = await createWorkspace("Integrations Co");
  other = await createWorkspace("Other Co");
  const res = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "reader", scopes: ["read"] } });
  readKey = res.body.api_key;
});

describe("PUT /v1/integrations/:source", () => {
  it("creates (201) then replaces (200) a secret without ever echoing it", async () => {
    const created = await call("PUT", "/v1/integrations/standard", { key: ws.key, body: { secret: STANDARD_SECRET } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: "standard",
      webhook_url: `https://aftercare.test/v1/hooks/${ws.id}/standard`,
    });
    expect(created.text).not.toContain("MfKQ9r8");
    const replaced = await call("PUT", "/v1/integrations/standard", {
      key: ws.key,
      body: { secret: "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(replaced.status).toBe(200);
    const stored = await env.DB.prepare(
      "SELECT secret FROM integrations WHERE workspace_id = ? AND source = 'standard'",
    )
      .bind(ws.id)
      .first();
    expect(stored?.secret).toBe("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  });

  it("validates the standard secret as whsec_ + base64, and names the field", async () => {
    for (const secret of ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_c2hvcnQ=", ""]) {
      const res = await call("PUT", "/v1/integrations/standard", { key: ws.key, body: { secret } });
      expect(res.status, secret).toBe(422);
      expect(res.body.error.details[0].path).toBe("secret");
    }
  });

  it("asks tools that sign nothing for a long shared secret", async () => {
    const short = await call("PUT", "/v1/integrations/gorgias", { key: ws.key, body: { secret: "short-secret" } });
    expect(short.status).toBe(422);
    const ok = await call("PUT", "/v1/integrations/gorgias", {
      key: ws.key,
      body: { secret: "a-long-random-shared-secret-0123456789" },
    });
    expect(ok.status).toBe(201);
  });

  it("answers 404 for an unknown source, 422 without a secret, 415 for a non-JSON body", async () => {
    expect(
      (await call("PUT", "/v1/integrations/myspace", { key: ws.key, body: { secret: "x".repeat(20) } })).status,
    ).toBe(404);
    expect((await call("PUT", "/v1/integrations/shopify", { key: ws.key, body: {} })).status).toBe(422);
    const raw = await call("PUT", "/v1/integrations/shopify", {
      key: ws.key,
      raw: "secret=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(raw.status).toBe(415);
  });

  it("needs the admin scope", async () => {
    const res = await call("PUT", "/v1/integrations/shopify", { key: readKey, body: { secret: "x".repeat(20) } });
    expect(res.status).toBe(403);
    expect((await call("GET", "/v1/integrations", { key: readKey })).status).toBe(403);
    expect((await call("GET", "/v1/integrations")).status).toBe(401);
  });
});

describe("GET and DELETE /v1/integrations", () => {
  it("lists the sources set, never their secrets, and only this workspace's", async () => {
    await call("PUT", "/v1/integrations/shopify", { key: ws.key, body: { secret: "shpss_0123456789abcdef" } });
    const list = await call("GET", "/v1/integrations", { key: ws.key });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { source: string }) => i.source)).toEqual(["gorgias", "shopify", "standard"]);
    expect(list.text).not.toMatch(/whsec_|shpss_|secret"/);
    expect((await call("GET", "/v1/integrations", { key: other.key })).body.items).toEqual([]);
  });

  it("removes a source, after which its receiver refuses deliveries", async () => {
    expect((await call("DELETE", "/v1/integrations/shopify", { key: ws.key })).status).toBe(204);
    expect((await call("DELETE", "/v1/integrations/shopify", { key: ws.key })).status).toBe(404);
    expect((await call("DELETE", "/v1/integrations/standard", { key: other.key })).status).toBe(404);
    const hook = await call("POST", `/v1/hooks/${ws.id}/shopify`, {
      raw: "{}",
      headers: { "x-shopify-hmac-sha256": "x" },
    });
    expect(hook.status).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents the integrations, receivers and repurchase routes from their schemas", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/integrations",
        "/v1/integrations/{source}",
        "/v1/hooks/{workspace_id}/{source}",
        "/v1/repurchase",
      ]),
    );
    const params = doc.paths["/v1/repurchase"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        "window_days",
        "as_of",
        "from",
        "to",
        "group_by",
        "channel",
        "request_type",
        "agent",
        "team",
      ]),
    );
    expect(doc.components.schemas.Repurchase.properties).toHaveProperty("revenue_per_interaction");
  });
});
