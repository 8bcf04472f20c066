/**
 * Hundreds of requests in flight at once, many racing on the same ticket or
 * order: each must be counted exactly once, and the rollups must agree with a
 * recount of the rows they summarise.
 */
import { describe, expect, it } from "vitest";
import { answer, call, createWorkspace, invite } from "../support/worker/helpers";
import {
  DAY,
  iso,
  repurchase,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  uniqueId,
} from "../support/worker/hooks-signing";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { databaseOf } from "../support/worker/shards";

describe("concurrency", { timeout: 120_000 }, () => {
  it("300 concurrent answers, racing three by three on 100 tickets, count each ticket once", async () => {
    const ws = await createWorkspace();
    const tokens = await Promise.all(
      Array.from({ length: 100 }, (_, i) => invite(ws, { ticket_id: `C-${i}` }).then((r) => r.token)),
    );
    // Ticket i gets csat (i % 5) + 1 from its last writer; all three racers send the same value for determinism.
    const sends = tokens.flatMap((token, i) => [0, 1, 2].map(() => ({ token, i })));
    const results = await Promise.all(sends.map(({ token, i }) => answer(token, { csat: (i % 5) + 1 })));
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);

    // Exactly one "created" per ticket, whoever won the race.
    const created = new Map<number, number>();
    results.forEach((r, k) => {
      const i = sends[k]?.i ?? -1;
      if (r.status === 201) created.set(i, (created.get(i) ?? 0) + 1);
    });
    expect(created.size).toBe(100);
    expect([...created.values()].every((n) => n === 1)).toBe(true);

    const rows = await (await databaseOf(ws.id))
      .prepare("SELECT csat, count(*) AS n FROM responses WHERE workspace_id = ? GROUP BY csat ORDER BY csat")
      .bind(ws.id)
      .all<{ csat: number; n: number }>();
    expect(rows.results).toEqual([1, 2, 3, 4, 5].map((csat) => ({ csat, n: 20 })));

    // Every rollup grain agrees with the recount.
    const grains = await (await databaseOf(ws.id))
      .prepare(
        `SELECT grain, value, SUM(count) AS n FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND metric = 'csat' GROUP BY grain, value ORDER BY grain, value`,
      )
      .bind(ws.id)
      .all<{ grain: string; value: number; n: number }>();
    const byGrain = new Map<string, [number, number][]>();
    for (const r of grains.results) byGrain.set(r.grain, [...(byGrain.get(r.grain) ?? []), [r.value, r.n]]);
    expect(byGrain.size).toBeGreaterThan(0);
    for (const [grain, values] of byGrain) {
      expect(values, grain).toEqual([1, 2, 3, 4, 5].map((v) => [v, 20]));
    }

    const scores = await call("GET", "/v1/scores?metric=csat", { key: ws.key });
    expect(scores.status).toBe(200);
    expect(scores.body.n).toBe(100);
    expect(scores.body.csat).toBe(40);
    expect(scores.body.distribution).toEqual({ 1: 20, 2: 20, 3: 20, 4: 20, 5: 20 });
  });

  it("concurrent answers that change their value leave rollups equal to the final rows", async () => {
    const ws = await createWorkspace();
    const tokens = await Promise.all(
      Array.from({ length: 40 }, (_, i) => invite(ws, { ticket_id: `V-${i}` }).then((r) => r.token)),
    );
    // Five racers per ticket with different values: whichever lands last wins, the rollups must follow it.
    const results = await Promise.all(
      tokens.flatMap((token) => [1, 2, 3, 4, 5].map((v) => answer(token, { csat: v }))),
    );
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    const recount = await (await databaseOf(ws.id))
      .prepare("SELECT csat AS value, count(*) AS n FROM responses WHERE workspace_id = ? GROUP BY csat ORDER BY csat")
      .bind(ws.id)
      .all<{ value: number; n: number }>();
    const rollup = await (await databaseOf(ws.id))
      .prepare(
        `SELECT value, SUM(count) AS n FROM ${ROLLUP_BARS} WHERE workspace_id = ? AND grain = 'all' AND metric = 'csat' AND count <> 0 GROUP BY value HAVING SUM(count) <> 0 ORDER BY value`,
      )
      .bind(ws.id)
      .all<{ value: number; n: number }>();
    expect(rollup.results).toEqual(recount.results);
    expect(recount.results.reduce((s, r) => s + r.n, 0)).toBe(40);
  });

  it("525 concurrent webhook deliveries, replayed and duplicated, count each ticket and order once", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    const now = Date.now();
    const closed = (i: number) => ({
      type: "interaction.closed",
      data: {
        ticket_id: `W-${i}`,
        customer: { email: `c${i}@example.com` },
        channel: "email",
        closed_at: iso(now - 40 * DAY),
      },
    });
    const order = (i: number) => ({
      type: "order.created",
      data: {
        order_id: `O-${i}`,
        customer: { email: `c${i}@example.com` },
        placed_at: iso(now - 35 * DAY),
        total: "10.00",
        currency: "EUR",
      },
    });
    const deliveries: Promise<{ status: number }>[] = [];
    for (let i = 0; i < 150; i++) {
      // The same delivery twice at once (a sender's retry racing the original).
      const id = uniqueId("tic");
      deliveries.push(sendStandard(ws, closed(i), { id }), sendStandard(ws, closed(i), { id }));
      if (i % 2 === 0) {
        const oid = uniqueId("ord");
        // A replay of one delivery, and the same order under a second delivery id.
        deliveries.push(
          sendStandard(ws, order(i), { id: oid }),
          sendStandard(ws, order(i), { id: oid }),
          sendStandard(ws, order(i)),
        );
      }
    }
    expect(deliveries.length).toBe(525);
    const statuses = (await Promise.all(deliveries)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const counts = await (await databaseOf(ws.id)).batch([
      (await databaseOf(ws.id)).prepare("SELECT count(*) AS n FROM interactions WHERE workspace_id = ?").bind(ws.id),
      (await databaseOf(ws.id)).prepare("SELECT count(*) AS n FROM orders WHERE workspace_id = ?").bind(ws.id),
    ]);
    expect(counts.map((c) => (c.results[0] as { n: number }).n)).toEqual([150, 75]);

    const rate = await repurchase(ws, { as_of: iso(now) });
    expect(rate).toMatchObject({ eligible: 150, repurchased: 75, rate: 0.5, revenue: { EUR: "750.00" } });
  });
});
