import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

// Limits from wrangler.toml: 600/60 s per client IP, 60/10 s per token, 1000/10 s per webhook endpoint.
let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace();
});

const responseCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM responses").first<{ n: number }>())?.n ?? 0;

describe("rate limiting of public routes", () => {
  it("answers 429 JSON with Retry-After once one token is over its limit, and records nothing then", async () => {
    const { token } = await invite(ws, { ticket_id: "RL-1" });
    // Windows are fixed, so one may reset mid-loop: go on until the limit bites, not for exactly 61 calls.
    const statuses: number[] = [];
    while (statuses.length < 300 && statuses.at(-1) !== 429) {
      statuses.push((await call("GET", `/s/${token}/survey.json`)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeGreaterThan(60);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);

    const before = await responseCount();
    const res = await answer(token, { csat: 5 });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.text).not.toContain(token);
    expect(await responseCount()).toBe(before);

    // Another token is unaffected: the limit is per token.
    const other = await invite(ws, { ticket_id: "RL-2" });
    expect((await answer(other.token, { csat: 4 })).status).toBe(201);
  });

  it("limits one client IP across many tokens, and other clients keep going", async () => {
    const ip = "203.0.113.77";
    let first429 = -1;
    for (let i = 0; i < 1300 && first429 < 0; i++) {
      const res = await call("GET", `/s/bogus-${i}/survey.json`, { headers: { "cf-connecting-ip": ip } });
      if (res.status === 429) first429 = i;
      else expect(res.status).toBeLessThan(500);
    }
    expect(first429).toBeGreaterThanOrEqual(600);
    const blocked = await call("POST", "/v1/responses", {
      body: { token: "x", answers: { csat: 5 } },
      headers: { "cf-connecting-ip": ip },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");

    const elsewhere = await call("GET", "/s/bogus/survey.json", { headers: { "cf-connecting-ip": "198.51.100.1" } });
    expect(elsewhere.status).not.toBe(429);
    // 600+ requests: seconds on an idle machine, more under a loaded CI runner.
  }, 60_000);

  it("never limits the keyed API", async () => {
    for (let i = 0; i < 70; i++) {
      const res = await call("GET", "/v1/surveys", { key: ws.key, headers: { "cf-connecting-ip": "203.0.113.78" } });
      expect(res.status).toBe(200);
    }
  });
});
