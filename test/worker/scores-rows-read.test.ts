import { describe, expect, it } from "vitest";
import { database } from "../../worker/db";
import { ROLLUP_GRAINS } from "../../worker/domain/segments";
import {
  grainFor,
  histogramQuery,
  readHistograms,
  type ScoreReadOptions,
  type ScoreSelection,
} from "../../worker/store/score-reads";
import { call, createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { type SeedResponse, seedResponses } from "../support/worker/scores-seed";
import { databaseOf } from "../support/worker/shards";

/**
 * Proof that score reads cost rows in proportion to days × segments, not to
 * answers: the same read over 2,000 answers on one day reads no more rows
 * than over 20, because both days hold the same histogram bars.
 */

const DAY = "2026-06-10";
const CHANNELS = ["email", "chat"];
const AGENTS = ["ana", "bob", "cy", "dee", "eli"];

/**
 * `count` answers repeating one 20-answer pattern: 2 channels × 5 agents, nps 0–10
 * and csat 1–5. A day of 2,000 answers then holds exactly the histogram bars of a
 * day of 20, each with 100 times the count: more answers, same segments.
 */
function answers(surveyId: string, count: number): SeedResponse[] {
  return Array.from({ length: count }, (_, j) => {
    const i = j % 20;
    return {
      surveyId,
      day: DAY,
      nps: i % 11,
      csat: 1 + (i % 5),
      channel: CHANNELS[i % 2],
      agent: AGENTS[Math.floor(i / 4)],
      team: "support",
    };
  });
}

async function workspaceWith(count: number): Promise<{ ws: TestWorkspace; surveyId: string }> {
  const ws = await createWorkspace();
  const surveyId = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }] });
  await seedResponses(ws.id, answers(surveyId, count));
  // Busy days around it, which a read of DAY must not pay for.
  await seedResponses(
    ws.id,
    ["2026-06-09", "2026-06-11"].flatMap((day) => answers(surveyId, 60).map((a) => ({ ...a, day }))),
  );
  return { ws, surveyId };
}

const READS: [string, Omit<ScoreSelection, "workspaceId">, ScoreReadOptions][] = [
  ["whole day", { metric: "nps", from: DAY, to: "2026-06-11" }, {}],
  ["by channel", { metric: "nps", from: DAY, to: "2026-06-11" }, { groupBy: "channel" }],
  ["by agent", { metric: "nps", from: DAY, to: "2026-06-11" }, { groupBy: "agent" }],
  ["one agent", { metric: "csat", from: DAY, to: "2026-06-11", agent: "bob" }, {}],
  ["by week", { metric: "csat", from: DAY, to: "2026-06-11" }, { groupBy: "week" }],
];

describe("score reads cost rows by days × segments, not by answers", () => {
  it("reads no more rows over 2,000 answers on one day than over 20", async () => {
    const small = await workspaceWith(20);
    const large = await workspaceWith(2000);
    for (const [name, selection, options] of READS) {
      const a = await readHistograms(
        database(await databaseOf(small.ws.id)),
        { workspaceId: small.ws.id, ...selection },
        options,
      );
      const b = await readHistograms(
        database(await databaseOf(large.ws.id)),
        { workspaceId: large.ws.id, ...selection },
        options,
      );
      const n = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
      // Both reads saw their whole day...
      expect(n(b.rows), name).toBe(selection.agent ? 400 : 2000);
      expect(n(a.rows), name).toBe(selection.agent ? 4 : 20);
      // ...and the large one read no more rows for it.
      expect(a.rowsRead, name).toBeGreaterThan(0);
      expect(b.rowsRead, name).toBeLessThanOrEqual(a.rowsRead);
    }
  });

  it("the route reports the same cost in Server-Timing", async () => {
    const small = await workspaceWith(20);
    const large = await workspaceWith(2000);
    const rowsRead = async (ws: TestWorkspace) => {
      const res = await call("GET", `/v1/scores?metric=nps&from=${DAY}&to=2026-06-11&group_by=agent`, { key: ws.key });
      expect(res.status).toBe(200);
      return {
        n: res.body.n as number,
        rowsRead: Number(/rows_read=(\d+)/.exec(res.headers.get("server-timing")!)![1]),
      };
    };
    const a = await rowsRead(small.ws);
    const b = await rowsRead(large.ws);
    expect([a.n, b.n]).toEqual([20, 2000]);
    expect(b.rowsRead).toBeLessThanOrEqual(a.rowsRead);
    // A handful of rows: 5 agents × ≤ 11 values, far from 2,000.
    expect(b.rowsRead).toBeLessThan(300);
  });

  it("never reads the responses table", async () => {
    const { ws } = await workspaceWith(20);
    // The query plan of the read itself names only the rollups' key.
    const read = histogramQuery(
      { workspaceId: ws.id, metric: "nps", from: DAY, to: "2026-06-11" },
      { groupBy: "channel" },
    );
    expect(read.sql).toContain("FROM score_histograms");
    const plan = await (await databaseOf(ws.id))
      .prepare(`EXPLAIN QUERY PLAN ${read.sql}`)
      .bind(...read.params)
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail).join("\n");
    // The table is WITHOUT ROWID keyed in read order: its key is the read path.
    expect(details).toContain("USING PRIMARY KEY");
    expect(details).not.toContain("responses");
  });

  it("reads one agent's rows only, whatever the other agents do", async () => {
    const { ws } = await workspaceWith(2000);
    // 200 more answers for other agents on the same day must not make bob's read dearer.
    const before = await readHistograms(
      database(await databaseOf(ws.id)),
      { workspaceId: ws.id, metric: "nps", agent: "bob" },
      { groupBy: "day" },
    );
    const surveyId = (await (
      await databaseOf(ws.id)
    )
      .prepare("SELECT survey_id AS s FROM responses WHERE workspace_id = ? LIMIT 1")
      .bind(ws.id)
      .first<{ s: string }>())!.s;
    await seedResponses(
      ws.id,
      Array.from({ length: 200 }, (_, i) => ({ surveyId, day: DAY, nps: i % 11, agent: `other-${i % 50}` })),
    );
    const after = await readHistograms(
      database(await databaseOf(ws.id)),
      { workspaceId: ws.id, metric: "nps", agent: "bob" },
      { groupBy: "day" },
    );
    expect(after.rows).toEqual(before.rows);
    expect(after.rowsRead).toBe(before.rowsRead);
  });

  it("reads the coarsest grain that holds what the read needs", () => {
    const base = { workspaceId: "w", metric: "nps" } as const;
    expect(grainFor(base)).toBe("all");
    expect(grainFor({ ...base, surveyId: "s", from: DAY }, "week")).toBe("all");
    expect(grainFor(base, "survey")).toBe("all");
    expect(grainFor({ ...base, channel: "email" })).toBe("channel");
    expect(grainFor(base, "team")).toBe("team");
    expect(grainFor({ ...base, team: "fr" }, "month")).toBe("team");
    expect(grainFor({ ...base, request_type: "refund" }, "request_type")).toBe("request_type");
    expect(grainFor({ ...base, agent: "ana" })).toBe("agent");
    expect(grainFor(base, "agent")).toBe("agent");
    expect(grainFor({ ...base, agent: "ana", from: DAY }, "week")).toBe("agent");
    expect(grainFor({ ...base, agent: "ana" }, "agent")).toBe("agent");
    // Channel and one more dimension: the pair grain keeping both.
    expect(grainFor({ ...base, channel: "email" }, "agent")).toBe("channel+agent");
    expect(grainFor({ ...base, agent: "ana", channel: "email" })).toBe("channel+agent");
    expect(grainFor({ ...base, customer_tenure: "loyal" }, "channel")).toBe("channel+customer_tenure");
    expect(grainFor({ ...base, channel: "chat", value_tier: "high" }, "week")).toBe("channel+value_tier");
    // Two dimensions without channel, or three: no grain holds them, the answers are read.
    expect(grainFor({ ...base, agent: "ana" }, "team")).toBe("responses");
    expect(grainFor({ ...base, customer_tenure: "loyal" }, "value_tier")).toBe("responses");
    expect(grainFor({ ...base, channel: "email", team: "fr" }, "agent")).toBe("responses");
  });

  it("unsegmented reads cost answer values, not segments", async () => {
    const { ws } = await workspaceWith(2000);
    const whole = await readHistograms(database(await databaseOf(ws.id)), {
      workspaceId: ws.id,
      metric: "nps",
      from: DAY,
      to: "2026-06-11",
    });
    const byChannel = await readHistograms(
      database(await databaseOf(ws.id)),
      { workspaceId: ws.id, metric: "nps", from: DAY, to: "2026-06-11" },
      { groupBy: "channel" },
    );
    expect(whole.rows).toHaveLength(11);
    // 11 histogram bars (nps 0–10) on the `all` grain; D1 also counts the GROUP BY sorter's
    // rows, so about twice that — against 2,000 answers.
    expect(whole.rowsRead).toBeLessThanOrEqual(2 * 11 + 2);
    expect(whole.rowsRead).toBeLessThan(byChannel.rowsRead);
  });

  it("keeps every grain in agreement through inserts, changes and deletes", async () => {
    const { ws } = await workspaceWith(200);
    await (await databaseOf(ws.id))
      .prepare("UPDATE responses SET nps = (nps + 3) % 11, channel = 'phone' WHERE workspace_id = ? AND rowid % 3 = 0")
      .bind(ws.id)
      .run();
    await (await databaseOf(ws.id))
      .prepare("DELETE FROM responses WHERE workspace_id = ? AND rowid % 7 = 0")
      .bind(ws.id)
      .run();
    const totals = await (await databaseOf(ws.id))
      .prepare(
        `SELECT grain, metric, value, SUM(count) AS c FROM ${ROLLUP_BARS} WHERE workspace_id = ?
       GROUP BY grain, metric, value ORDER BY metric, value`,
      )
      .bind(ws.id)
      .all<{ grain: string; metric: string; value: number; c: number }>();
    const truth = await (await databaseOf(ws.id))
      .prepare(
        "SELECT nps AS value, COUNT(*) AS c FROM responses WHERE workspace_id = ? AND nps IS NOT NULL GROUP BY nps ORDER BY nps",
      )
      .bind(ws.id)
      .all<{ value: number; c: number }>();
    for (const grain of ROLLUP_GRAINS) {
      const got = totals.results.filter((r) => r.grain === grain && r.metric === "nps").map((r) => [r.value, r.c]);
      expect(got, grain).toEqual(truth.results.map((r) => [r.value, r.c]));
    }
  });

  it("answers e-mail only, by agent, from the channel+agent grain with the figures of the answers", async () => {
    const { ws } = await workspaceWith(200);
    const selection = { workspaceId: ws.id, metric: "nps", from: DAY, to: "2026-06-11", channel: "email" } as const;
    expect(grainFor(selection, "agent")).toBe("channel+agent");
    const paired = await readHistograms(database(await databaseOf(ws.id)), selection, { groupBy: "agent" });
    const truth = await (await databaseOf(ws.id))
      .prepare(
        `SELECT agent AS k, nps AS v, COUNT(*) AS c FROM responses
       WHERE workspace_id = ? AND submitted_day = ? AND channel = 'email' GROUP BY agent, nps ORDER BY agent, nps`,
      )
      .bind(ws.id, DAY)
      .all<{ k: string; v: number; c: number }>();
    const sorted = [...paired.rows].sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : a.value - b.value));
    expect(sorted.map((r) => [r.key, r.value, r.count])).toEqual(truth.results.map((r) => [r.k, r.v, r.c]));
    expect(sorted.reduce((n, r) => n + r.count, 0)).toBe(100);
    // A few rows per agent cell of the day (the cell, its index entry or the other
    // channel's cell, the sorter's row): far from the 100 answers.
    expect(paired.rowsRead).toBeLessThanOrEqual(3 * AGENTS.length + 2);
  });

  it("answers a read crossing channel and two more dimensions from the answers of its day range", async () => {
    const { ws } = await workspaceWith(200);
    const selection = {
      workspaceId: ws.id,
      metric: "nps",
      from: DAY,
      to: "2026-06-11",
      channel: "email",
      team: "support",
    } as const;
    expect(grainFor(selection, "agent")).toBe("responses");
    const crossed = await readHistograms(database(await databaseOf(ws.id)), selection, { groupBy: "agent" });
    const truth = await (await databaseOf(ws.id))
      .prepare(
        `SELECT agent AS k, nps AS v, COUNT(*) AS c FROM responses
       WHERE workspace_id = ? AND submitted_day = ? AND channel = 'email' AND team = 'support' GROUP BY agent, nps ORDER BY agent, nps`,
      )
      .bind(ws.id, DAY)
      .all<{ k: string; v: number; c: number }>();
    const sorted = [...crossed.rows].sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : a.value - b.value));
    expect(sorted.map((r) => [r.key, r.value, r.count])).toEqual(truth.results.map((r) => [r.k, r.v, r.c]));
    expect(sorted.reduce((n, r) => n + r.count, 0)).toBe(100);
    // Bounded by the day range through the responses_day index: the busy days around cost nothing.
    const read = histogramQuery(selection, { groupBy: "agent" });
    expect(read.sql).toContain("FROM responses");
    const plan = await (await databaseOf(ws.id))
      .prepare(`EXPLAIN QUERY PLAN ${read.sql}`)
      .bind(...read.params)
      .all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join("\n")).toContain("INDEX responses_day");
  });
});
