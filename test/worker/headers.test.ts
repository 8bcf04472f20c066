/**
 * Headers: every HTML page sends a CSP, nosniff and a Referrer-Policy; the
 * public endpoints allow CORS from any origin; the keyed API grants no
 * cross-origin credentials.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

let ws: TestWorkspace;
let token: string;
beforeAll(async () => {
  ws = await createWorkspace();
  token = (await invite(ws, { ticket_id: "H-1" })).token;
});

const EVIL = "https://evil.example";

describe("HTML pages", () => {
  it("all send a CSP, nosniff and a Referrer-Policy, whatever their status", async () => {
    const pages = ["/dashboard", "/docs", `/s/${token}`, `/r/${token}/csat/5`, "/s/not-a-token", `/r/${token}/csat/99`];
    for (const path of pages) {
      const res = await call("GET", path);
      expect(res.headers.get("content-type"), path).toMatch(/text\/html/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("JSON answers are nosniff too", async () => {
    for (const path of ["/healthz", "/v1/scores", "/openapi.json", "/nowhere"]) {
      expect((await call("GET", path)).headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    for (const path of ["/healthz", "/v1/scores", "/openapi.json", "/nowhere"]) {
      expect((await call("GET", path)).headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});

describe("CORS", () => {
  it("public endpoints answer any origin, without credentials", async () => {
    const preflight = await call("OPTIONS", "/v1/responses", {
      headers: {
        origin: EVIL,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();

    const posted = await call("POST", "/v1/responses", {
      body: { token, answers: { csat: 5 } },
      headers: { origin: EVIL },
    });
    expect(posted.status).toBe(201);
    expect(posted.headers.get("access-control-allow-origin")).toBe("*");

    const survey = await call("GET", `/s/${token}/survey.json`, { headers: { origin: EVIL } });
    expect(survey.headers.get("access-control-allow-origin")).toBe("*");
    expect(survey.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("the keyed API grants no other origin credentials or a readable answer", async () => {
    for (const path of ["/v1/scores?metric=csat", "/v1/responses", "/v1/surveys", "/v1/api-keys"]) {
      const res = await call("GET", path, { key: ws.key, headers: { origin: EVIL } });
      expect(res.headers.get("access-control-allow-credentials"), path).toBeNull();
      expect(res.headers.get("access-control-allow-origin"), path).not.toBe(EVIL);
      const preflight = await call("OPTIONS", path, {
        headers: {
          origin: EVIL,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(preflight.headers.get("access-control-allow-credentials"), path).toBeNull();
      expect(preflight.headers.get("access-control-allow-origin"), path).not.toBe(EVIL);
    }
  });
});

describe("only the headers we mean", () => {
  it("the widget's data stays loadable from any shop: no cross-origin resource, opener or framing policy", async () => {
    // survey.json and POST /v1/responses are fetched from shops' pages; the assets are served
    // before the Worker runs (docs/static-assets.md), so these are the Worker's own answers.
    const paths = [`/s/${token}/survey.json`, "/healthz", "/openapi.json", `/s/${token}`];
    for (const path of paths) {
      const res = await call("GET", path);
      expect(res.status, path).toBe(200);
      for (const header of [
        "cross-origin-resource-policy",
        "cross-origin-opener-policy",
        "x-frame-options",
        "strict-transport-security",
        "origin-agent-cluster",
      ]) {
        expect(res.headers.get(header), `${path} ${header}`).toBeNull();
      }
    }
  });

  it("Server-Timing appears only on reads that report their D1 cost", async () => {
    for (const path of ["/healthz", "/openapi.json", "/nowhere"]) {
      expect((await call("GET", path)).headers.get("server-timing"), path).toBeNull();
    }
  });
});
