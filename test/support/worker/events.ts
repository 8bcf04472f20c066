import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import type { EventMessage } from "../../../worker/env";
import worker from "../../../worker/index";
import { call, type TestWorkspace } from "./helpers";
import { databaseOf } from "./shards";

/** One request the consumer made, as a receiver would see it. */
export interface Received {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
  body: string;
}

/**
 * Replaces the isolate's outbound fetch with `answer` (a status, or a function
 * that may throw), recording every request the consumer makes.
 */
export function receiver(answer: number | ((r: Received) => Response | Promise<Response>) = 200) {
  const received: Received[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init = {}) => {
    const r: Received = {
      url: String(input),
      init,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body),
    };
    received.push(r);
    return typeof answer === "number" ? new Response("ok", { status: answer }) : answer(r);
  });
  return { received, restore: () => spy.mockRestore() };
}

export async function createEndpoint(ws: TestWorkspace, body: Record<string, unknown>) {
  const res = await call("POST", "/v1/webhook-endpoints", { key: ws.key, body });
  if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${res.text}`);
  return res.body as { id: string; secret?: string; url: string; events: string[] };
}

/** The outbox rows still pending for a workspace, oldest first. */
export async function pendingDeliveries(
  workspaceId: string,
): Promise<{ id: string; type: string; endpoint_id: string }[]> {
  const { results } = await (await databaseOf(workspaceId))
    .prepare(
      "SELECT id, type, endpoint_id FROM event_deliveries WHERE workspace_id = ? AND status = 'pending' ORDER BY created_at, type",
    )
    .bind(workspaceId)
    .all<{ id: string; type: string; endpoint_id: string }>();
  return results;
}

let seq = 0;

/** Hands delivery ids to the Worker's queue() handler as the Queue would, and returns what it acked or retried. */
export async function runConsumer(ids: string[]) {
  const batch = createMessageBatch<EventMessage>(
    "aftercare-events",
    ids.map((id) => ({ id: `m${++seq}`, timestamp: new Date(), attempts: 1, body: { delivery_id: id } })),
  );
  // getQueueResult does not report the delays asked for, so each message's retry() is watched too.
  const retryDelays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    vi.spyOn(message, "retry").mockImplementation((options) => {
      retryDelays.push(options?.delaySeconds);
      retry(options);
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return { ...(await getQueueResult(batch, ctx)), retryDelays };
}
