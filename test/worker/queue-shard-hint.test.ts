import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import type { EventMessage } from "../../worker/env";
import { deliverBatch, REDRIVE_AFTER_MS, redrivePending } from "../../worker/events/deliver";
import { createEndpoint, pendingDeliveries } from "../support/worker/events";
import { ADMIN_TOKEN, call, invite, type TestWorkspace } from "../support/worker/helpers";

// A Queue message names its delivery and the shard whose outbox row it is, so the consumer reads
// that shard alone instead of asking each in turn. A message without the hint (sent before it
// existed), or with a stale one (the workspace moved), is still delivered.

async function workspaceOn(shard: string): Promise<TestWorkspace> {
  const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: `On ${shard}`, shard } });
  expect(res.status).toBe(201);
  return { id: res.body.workspace.id, key: res.body.api_key, defaultSurveyId: res.body.workspace.default_survey_id };
}

/** The Worker's env with a Queue that records what it is sent. */
function recordingEnv() {
  const sent: { body: EventMessage }[] = [];
  const queue = {
    send: async (body: EventMessage) => void sent.push({ body }),
    sendBatch: async (batch: { body: EventMessage }[]) => void sent.push(...batch),
  };
  return { sent, env: { ...env, EVENTS: queue } as never as typeof env };
}

/** Answers a new ticket of `ws` through the Worker with `worker` as its env; returns the outbox row. */
async function answerThrough(ws: TestWorkspace, workerEnv: typeof env, ticket: string) {
  const inv = await invite(ws, { ticket_id: ticket });
  const res = await createApp().fetch(
    new Request("https://aftercare.test/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: inv.token, answers: { csat: 4 } }),
    }),
    workerEnv,
  );
  expect(res.status).toBe(201);
  const [row] = await pendingDeliveries(ws.id);
  return row?.id as string;
}

/** A D1 binding that notes its name each time an outbox row is looked up on it. */
function watched(d1: D1Database, name: string, asked: string[]): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => {
          if (sql.includes("FROM event_deliveries d")) asked.push(name);
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Runs the consumer on one message; returns which shards it asked and what it acked or retried. */
async function consume(body: Record<string, unknown>) {
  const asked: string[] = [];
  const consumerEnv = {
    ...env,
    DB: watched(env.DB, "DB", asked),
    SHARD_2: watched(env.SHARD_2, "SHARD_2", asked),
  } as typeof env;
  const batch = createMessageBatch<EventMessage>("aftercare-events", [
    { id: `m-${Math.random()}`, timestamp: new Date(), attempts: 1, body: body as never },
  ]);
  const posted: string[] = [];
  const fetcher = (async (url: string) => {
    posted.push(String(url));
    return new Response("ok");
  }) as unknown as typeof fetch;
  await deliverBatch(batch, consumerEnv, fetcher);
  const result = await getQueueResult(batch, createExecutionContext());
  return { asked, posted, acked: result.explicitAcks.length, retried: result.retryMessages.length };
}

describe("Queue messages carry their shard", () => {
  it("an answer's delivery names its workspace's shard, on either shard", async () => {
    const recording = recordingEnv();
    for (const shard of ["DB", "SHARD_2"]) {
      const ws = await workspaceOn(shard);
      await createEndpoint(ws, { url: `https://hooks.example.com/${shard}`, events: ["response.created"] });
      const id = await answerThrough(ws, recording.env, `T-${shard}`);
      expect(recording.sent).toContainEqual({ body: { delivery_id: id, shard } });
    }
  });

  it("a re-driven delivery names its shard too", async () => {
    const ws = await workspaceOn("SHARD_2");
    await createEndpoint(ws, { url: "https://hooks.example.com/redrive", events: ["response.created"] });
    const id = await answerThrough(ws, recordingEnv().env, "T-redrive");
    const recording = recordingEnv();
    await redrivePending(recording.env, Date.now() + REDRIVE_AFTER_MS + 60_000);
    expect(recording.sent).toContainEqual({ body: { delivery_id: id, shard: "SHARD_2" } });
  });

  it("the consumer reads the named shard alone, and still finds a message without or with a stale hint", async () => {
    const ws = await workspaceOn("SHARD_2");
    await createEndpoint(ws, { url: "https://hooks.example.com/consume", events: ["response.created"] });
    // Each case on a fresh delivery of SHARD_2 (the earlier ones are delivered by then).
    const fresh = async (ticket: string) => answerThrough(ws, recordingEnv().env, ticket);
    const hinted = await consume({ delivery_id: await fresh("T-hinted"), shard: "SHARD_2" });
    expect(hinted).toEqual({ asked: ["SHARD_2"], acked: 1, retried: 0, posted: ["https://hooks.example.com/consume"] });
    const old = await consume({ delivery_id: await fresh("T-old") });
    expect(old).toMatchObject({ asked: ["DB", "SHARD_2"], acked: 1, posted: ["https://hooks.example.com/consume"] });
    const stale = await consume({ delivery_id: await fresh("T-stale"), shard: "DB" });
    expect(stale).toMatchObject({ asked: ["DB", "SHARD_2"], acked: 1, posted: ["https://hooks.example.com/consume"] });
    const bogus = await consume({ delivery_id: await fresh("T-bogus"), shard: "EVENTS" });
    expect(bogus).toMatchObject({ asked: ["DB", "SHARD_2"], acked: 1, posted: ["https://hooks.example.com/consume"] });
  });
});
