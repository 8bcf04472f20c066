/**
 * No secret or token in error bodies or logs: API keys, invitation tokens,
 * webhook signing secrets, the admin token and the signing keys.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/app";
import { bug, faultyDatabase } from "../support/worker/faults";
import { ADMIN_TOKEN, answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { STANDARD_SECRET, setIntegration, standardHeaders } from "../support/worker/hooks-signing";

const ORIGIN = "https://aftercare.test";
/** A valid Standard Webhooks secret that a failing PUT must not leave in the logs. */
const NEW_SECRET = `whsec_${btoa("0123456789abcdef0123456789abcdef")}`;
const app = createApp();
const SIGNING_SECRETS = env.SIGNING_KEYS.split(",").map((k) => k.split(":")[1] ?? "");
let ws: TestWorkspace;
let token: string;
let logged: string[];

beforeAll(async () => {
  ws = await createWorkspace();
  token = (await invite(ws, { ticket_id: "S-1", customer: { email: "s@example.com" } })).token;
  await setIntegration(ws, "standard", STANDARD_SECRET);
});

beforeEach(() => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.stack} ${String(a.cause)}` : String(a))).join(" "));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

/** Every credential this file uses: none may appear in an answer or a log line. */
const secrets = () => [ws.key, token, STANDARD_SECRET, ADMIN_TOKEN, ...SIGNING_SECRETS, NEW_SECRET];

function expectNoSecret(where: string, text: string) {
  for (const secret of secrets()) expect(text.includes(secret), `${where} contains ${secret.slice(0, 6)}…`).toBe(false);
}

describe("secrets stay out of error bodies", () => {
  it("a wrong, tampered or expired credential is refused without echoing it", async () => {
    const cases = [
      await call("GET", "/v1/scores?metric=csat", { key: `${ws.key}x` }),
      await call("GET", "/v1/scores?metric=csat", { headers: { authorization: ws.key } }),
      await call("POST", "/v1/workspaces", { key: `${ADMIN_TOKEN}x`, body: { name: "x" } }),
      await answer(`${token}x`, { csat: 5 }),
      await answer(`${token.slice(0, 12)}${token[12] === "a" ? "b" : "a"}${token.slice(13)}`, { csat: 5 }),
      await call("GET", `/s/${token}x/survey.json`),
      await call("GET", `/s/${token}x`),
      await call("GET", `/r/${token}x/csat/5`),
    ];
    for (const res of cases) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectNoSecret(`${res.status} body`, res.text);
    }
  });

  it("a webhook with a wrong signature is refused without echoing the secret or the expected signature", async () => {
    const body = JSON.stringify({ type: "order.cancelled", data: { order_id: "X" } });
    const good = standardHeaders(body);
    const expected = good["webhook-signature"].split(",")[1] ?? "";
    const res = await call("POST", `/v1/hooks/${ws.id}/standard`, {
      raw: body,
      headers: { "content-type": "application/json", ...good, "webhook-signature": "v1,AAAA" },
    });
    expect(res.status).toBe(401);
    expectNoSecret("hook 401", res.text);
    expect(res.text).not.toContain(expected);
  });

  it("an invalid integration secret is refused without echoing it", async () => {
    const res = await call("PUT", "/v1/integrations/standard", {
      key: ws.key,
      body: { secret: "whsec_NEWSECRETNEWSECRETNEWSECRET00!" },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain("NEWSECRETNEWSECRET");
  });
});

describe("secrets stay out of logs", () => {
  const requests = (): [string, () => Request][] => [
    [
      "answer",
      () =>
        new Request(`${ORIGIN}/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token, answers: { csat: 3 } }),
        }),
    ],
    ["keyed read", () => new Request(`${ORIGIN}/v1/responses`, { headers: { authorization: `Bearer ${ws.key}` } })],
    [
      "integration secret",
      () =>
        new Request(`${ORIGIN}/v1/integrations/standard`, {
          method: "PUT",
          headers: { "content-type": "application/json", authorization: `Bearer ${ws.key}` },
          body: JSON.stringify({ secret: NEW_SECRET }),
        }),
    ],
    ["survey page", () => new Request(`${ORIGIN}/s/${token}/survey.json`)],
  ];

  it("a database bug at any point of a request logs no credential, and answers a bare 500", async () => {
    let failures = 0;
    for (const [name, make] of requests()) {
      for (let failAt = 1; failAt <= 6; failAt++) {
        const ctx = createExecutionContext();
        const res = await app.fetch(
          make(),
          { ...env, DB: faultyDatabase(env.DB, failAt, bug).db, RATE_LIMITING: "off" },
          ctx,
        );
        await waitOnExecutionContext(ctx);
        const text = await res.text();
        expect(res.status, `${name} at ${failAt}`).toBeLessThan(600);
        if (res.status === 500) {
          failures++;
          expect(JSON.parse(text).error.code).toBe("internal_error");
          expect(text).not.toContain("SQLITE");
        }
        expectNoSecret(`${name} body at ${failAt}`, text);
      }
    }
    expect(failures).toBeGreaterThan(3);
    // The logs do say which query failed: only the values are withheld.
    expect(logged.some((line) => line.includes("Failed query"))).toBe(true);
    expect(logged.some((line) => line.includes('insert into "integrations"'))).toBe(true);
    for (const line of logged) expectNoSecret("log line", line);
  });
});
