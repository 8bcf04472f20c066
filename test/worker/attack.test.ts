import { describe, expect, it } from "vitest";
import { call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";
import { databaseOf } from "../support/worker/shards";

/**
 * The integrity and privacy attacks of the attacker review: each `it` drives one
 * attack through the Worker and states what must hold afterwards.
 */

const T = Date.parse("2026-04-01T08:00:00Z");

async function withStandard(): Promise<TestWorkspace> {
  const ws = await createWorkspace();
  await setIntegration(ws, "standard", STANDARD_SECRET);
  return ws;
}

describe("reordered support webhooks", () => {
  it("a late delivery of an earlier closing does not rewrite the latest closing's agent, team, channel or cost", async () => {
    const ws = await withStandard();
    const closing = (at: number, who: { agent: string; team: string; channel: string; handling_minutes: number }) => ({
      type: "interaction.closed",
      data: { ticket_id: "T-REOPENED", customer: { email: "a@x.io" }, closed_at: iso(at), ...who },
    });
    const latest = { agent: "Bob", team: "L2", channel: "phone", handling_minutes: 30 };
    expect((await sendStandard(ws, closing(T + 3 * DAY, latest))).status).toBe(200);
    // The first closing's delivery arrives last (a retry, a slow queue).
    const first = { agent: "Alice", team: "L1", channel: "email", handling_minutes: 5 };
    expect((await sendStandard(ws, closing(T, first))).status).toBe(200);

    const row = await (await databaseOf(ws.id))
      .prepare("SELECT agent, team, channel, handling_seconds, closed_at FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row).toEqual({ agent: "Bob", team: "L2", channel: "phone", handling_seconds: 1800, closed_at: T + 3 * DAY });
    // The rollups agree: the interaction is Bob's, never Alice's.
    const byAgent = await call("GET", `/v1/repurchase?group_by=agent&as_of=${iso(T + 90 * DAY)}`, { key: ws.key });
    expect(byAgent.body.groups.map((g: { key: string }) => g.key)).toEqual(["Bob"]);
  });

  it("an earlier closing still fills in what the latest one did not say", async () => {
    const ws = await withStandard();
    const latest = { type: "interaction.closed", data: { ticket_id: "T-FILL", closed_at: iso(T + DAY) } };
    const earlier = {
      type: "interaction.closed",
      data: { ticket_id: "T-FILL", customer: { email: "b@x.io" }, closed_at: iso(T), agent: "Alice" },
    };
    await sendStandard(ws, latest);
    await sendStandard(ws, earlier);
    const row = await (await databaseOf(ws.id))
      .prepare("SELECT agent, customer_key IS NOT NULL AS has_customer FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first();
    expect(row).toEqual({ agent: "Alice", has_customer: 1 });
  });
});
