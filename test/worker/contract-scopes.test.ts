/**
 * Contract audit: the scope table of the API reference, route by route. `read` =
 * scores, responses, exports; `write` = surveys, invitations; `admin` = keys,
 * integrations and erasure. A key without the route's scope gets 403 `forbidden`
 * and changes nothing; a key with only that scope gets through.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../support/worker/fuzz";
import { call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";

type Scope = "read" | "write" | "admin";
let ws: TestWorkspace;
const keys = {} as Record<Scope, string>;

beforeAll(async () => {
  ws = await createWorkspace("Scopes Co");
  for (const scope of ["read", "write", "admin"] as const) {
    const made = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: `only ${scope}`, scopes: [scope] } });
    expect(made.status).toBe(201);
    keys[scope] = made.body.api_key;
  }
});

/** Each route the reference names, with the one scope it needs and a request that succeeds with it. */
const routes: {
  scope: Scope;
  method: string;
  name: string;
  path: () => Promise<string> | string;
  body?: () => unknown;
}[] = [
  { scope: "read", method: "GET", name: "/v1/responses", path: () => "/v1/responses" },
  { scope: "read", method: "GET", name: "/v1/responses.csv", path: () => "/v1/responses.csv?delimiter=semicolon" },
  { scope: "read", method: "GET", name: "/v1/scores", path: () => "/v1/scores?metric=csat" },
  {
    scope: "write",
    method: "POST",
    name: "/v1/surveys",
    path: () => "/v1/surveys",
    body: () => ({ name: "S", questions: [{ type: "nps" }] }),
  },
  {
    scope: "write",
    method: "POST",
    name: "/v1/invitations",
    path: () => "/v1/invitations",
    body: () => ({ survey_id: ws.defaultSurveyId, ticket_id: "SCOPE-1" }),
  },
  {
    scope: "admin",
    method: "POST",
    name: "/v1/api-keys",
    path: () => "/v1/api-keys",
    body: () => ({ name: "k", scopes: ["read"] }),
  },
  {
    scope: "admin",
    method: "DELETE",
    name: "/v1/api-keys/:id",
    path: async () => {
      const made = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "to revoke", scopes: ["read"] } });
      return `/v1/api-keys/${made.body.id}`;
    },
  },
  {
    scope: "admin",
    method: "PUT",
    name: "/v1/integrations/shopify",
    path: () => "/v1/integrations/shopify",
    body: () => ({ secret: "shpss_0123456789abcdef0123456789abcdef" }),
  },
  { scope: "admin", method: "DELETE", name: "/v1/customers", path: () => "/v1/customers?email=nobody%40example.com" },
];

describe("scopes, route by route", () => {
  for (const route of routes) {
    for (const scope of ["read", "write", "admin"] as const) {
      const allowed = scope === route.scope;
      it(`${route.method} ${route.name} with a ${scope} key: ${allowed ? "allowed" : "403, nothing written"}`, async () => {
        const path = await route.path();
        const before = await snapshot();
        const res = await call(route.method, path, { key: keys[scope], ...(route.body ? { body: route.body() } : {}) });
        if (allowed) {
          expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
        } else {
          expect(res.status, path).toBe(403);
          expect(res.body.error.code).toBe("forbidden");
          expect(res.body.error.message).toContain(route.scope);
          expect(await snapshot(), `${path} wrote while refused`).toBe(before);
        }
      });
    }
  }
});
