/**
 * Fault injection: the Worker runs against a D1 that fails on its Nth call.
 * Whatever call fails, the answer is 503 `database_unavailable` with
 * Retry-After, and nothing is half-written; a retry then succeeds.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { faultyDatabase } from "../support/worker/faults";
import { snapshot } from "../support/worker/fuzz";
import { createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, STANDARD_SECRET, setIntegration, standardHeaders } from "../support/worker/hooks-signing";

const app = createApp();
/**
 * Sends `make()` with D1 failing at call 1, 2, 3… until a run needs fewer calls
 * than the failure point (it then succeeds). Every failed run must be a clean 503.
 */
async function failEachCallInTurn(
  make: () => Request,
  succeeded: (status: number) => boolean,
  /** For requests that read after their one write: a change is allowed only if the whole write landed. */
  committedWhole?: () => Promise<boolean>,
) {
  for (let failAt = 1; failAt < 40; failAt++) {
    const before = await snapshot();
    const faulty = faultyDatabase(env.DB, failAt);
    const ctx = createExecutionContext();
    const res = await app.fetch(make(), { ...env, DB: faulty.db, RATE_LIMITING: "off" }, ctx);
    await waitOnExecutionContext(ctx);
    const text = await res.text();
    if (faulty.calls() < failAt) {
      expect(succeeded(res.status), `no fault injected, yet ${res.status} ${text}`).toBe(true);
      return failAt - 1;
    }
    expect(res.status, `failing at call ${failAt}: ${text}`).toBe(503);
    expect(JSON.parse(text).error.code).toBe("database_unavailable");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const after = await snapshot();
    if (after !== before && committedWhole) expect(await committedWhole(), `half-written at call ${failAt}`).toBe(true);
    else expect(after, `half-written when call ${failAt} failed`).toBe(before);
  }
  throw new Error("the request never completed");
}

const ORIGIN = "https://aftercare.test";
let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await setIntegration(ws, "standard", STANDARD_SECRET);
});

describe("D1 failures", () => {
  it("POST /v1/responses: 503 with Retry-After at every failure point, nothing half-written", async () => {
    const { token } = await invite(ws, { ticket_id: "F-1", customer: { email: "f@example.com" } });
    const calls = await failEachCallInTurn(
      () =>
        new Request(`${ORIGIN}/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token, answers: { csat: 4 }, comment: "ok" }),
        }),
      (s) => s === 201,
    );
    expect(calls).toBeGreaterThan(0);
    const row = await env.DB.prepare("SELECT csat, comment FROM responses WHERE ticket_id = 'F-1'").first();
    expect(row).toEqual({ csat: 4, comment: "ok" });
  });

  it("POST /v1/invitations: identity, interaction and invitation all or nothing", async () => {
    let n = 0;
    await failEachCallInTurn(
      () =>
        new Request(`${ORIGIN}/v1/invitations`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ws.key}` },
          body: JSON.stringify({
            survey_id: ws.defaultSurveyId,
            ticket_id: `F-INV-${++n}`,
            customer: { email: `inv${n}@example.com`, id: `cus_${n}` },
            agent: "Ada",
          }),
        }),
      (s) => s === 201,
    );
  });

  it("webhook deliveries: 503, and the event recorded whole or not at all, so the sender's retry completes it", async () => {
    const body = JSON.stringify({
      type: "interaction.closed",
      data: {
        ticket_id: "F-HOOK",
        customer: { email: "hook@example.com", id: "cus_hook" },
        closed_at: iso(Date.now() - DAY),
      },
    });
    const headers = standardHeaders(body);
    // The event and its ledger row are one batch; a failure after it (minting the
    // invitation links) may leave the event recorded, but only all of it.
    const wholeEvent = async () => {
      const r = await env.DB.batch([
        env.DB.prepare(
          "SELECT count(*) AS n FROM interactions WHERE ticket_id = 'F-HOOK' AND customer_key IS NOT NULL",
        ),
        env.DB.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE delivery_id = ?").bind(
          headers["webhook-id"],
        ),
      ]);
      return r.every((x) => (x.results[0] as { n: number }).n === 1);
    };
    await failEachCallInTurn(
      () =>
        new Request(`${ORIGIN}/v1/hooks/${ws.id}/standard`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
        }),
      (s) => s === 200,
      wholeEvent,
    );
    expect(await wholeEvent()).toBe(true);
    const recorded = await env.DB.prepare("SELECT count(*) AS n FROM interactions WHERE ticket_id = 'F-HOOK'").first<{
      n: number;
    }>();
    expect(recorded?.n).toBe(1);
  });

  it("DELETE /v1/customers: an erasure is complete or not started", async () => {
    const { token } = await invite(ws, { ticket_id: "F-DEL", customer: { email: "erase@example.com" } });
    const sent = await app.fetch(
      new Request(`${ORIGIN}/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, answers: { csat: 1 } }),
      }),
      env,
      createExecutionContext(),
    );
    expect(sent.status).toBe(201);
    await failEachCallInTurn(
      () =>
        new Request(`${ORIGIN}/v1/customers?email=erase@example.com`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${ws.key}` },
        }),
      (s) => s === 200,
    );
    const left = await env.DB.prepare("SELECT count(*) AS n FROM responses WHERE ticket_id = 'F-DEL'").first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
  });
});
