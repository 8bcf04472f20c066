import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { announceMissedTargets } from "../../worker/targets/announce-missed";
import { createEndpoint, receiver, runConsumer } from "../support/worker/events";
import { call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

const putTargets = (ws: TestWorkspace, targets: unknown) =>
  call("PUT", "/v1/targets", { key: ws.key, body: { targets } });
const report = (ws: TestWorkspace, period: string) =>
  call("GET", `/v1/targets/report?period=${encodeURIComponent(period)}`, { key: ws.key });

let seq = 0;
async function answers(ws: TestWorkspace, surveyId: string, metric: string, values: number[], channel: string) {
  for (const value of values) {
    const { token } = await invite(ws, { survey_id: surveyId, ticket_id: `T-${++seq}`, channel });
    const res = await call("POST", "/v1/responses", { body: { token, answers: { [metric]: value } } });
    expect(res.status).toBe(201);
  }
}

/** Wilson score interval of k/n, written out again here so the test does not trust the code under test. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

describe("PUT/GET /v1/targets", () => {
  it("stores the list with stable ids and reads it back", async () => {
    const ws = await createWorkspace();
    const target = { metric: "csat", min: 80, period: "month", channel: "email" };
    const put = await putTargets(ws, [target]);
    expect(put.status).toBe(200);
    expect(put.body.targets[0]).toMatchObject(target);
    expect(put.body.targets[0].id).toMatch(/^tgt_[0-9a-f]{16}$/);
    const again = await putTargets(ws, [target]);
    expect(again.body.targets[0].id).toBe(put.body.targets[0].id);
    expect((await call("GET", "/v1/targets", { key: ws.key })).body).toEqual(put.body);
  });

  it("rejects bad targets with a 422 naming the field, and keeps the old list", async () => {
    const ws = await createWorkspace();
    await putTargets(ws, [{ metric: "nps", min: 20, period: "week" }]);
    const cases: [unknown, string][] = [
      [{ metric: "aht", min: 1, period: "month" }, "targets.0.metric"],
      [{ metric: "csat", min: 80, period: "year" }, "targets.0.period"],
      [{ metric: "csat", min: 90, max: 80, period: "month" }, "targets.0.min"],
      [{ metric: "csat", period: "month" }, "targets.0.min"],
      [{ metric: "csat", min: 120, period: "month" }, "targets.0.min"],
      [{ metric: "nps", max: -101, period: "month" }, "targets.0.max"],
    ];
    for (const [target, path] of cases) {
      const res = await putTargets(ws, [target]);
      expect(res.status, JSON.stringify(target)).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const keyRead = await call("GET", "/v1/targets", { key: ws.key });
    expect(keyRead.body.targets).toHaveLength(1);
  });

  it("is admin-only to write", async () => {
    const ws = await createWorkspace();
    const created = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "ro", scopes: ["read"] } });
    const res = await call("PUT", "/v1/targets", {
      key: created.body.api_key,
      body: { targets: [{ metric: "csat", min: 80, period: "month" }] },
    });
    expect(res.status).toBe(403);
  });
});

describe("GET /v1/targets/report", () => {
  it("gives missed-but-not-certain with the n_needed an independent Wilson computation finds", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }] });
    // E-mail: 7 satisfied (4–5) of 10 → CSAT 70 %, under the contract's 80 %.
    await answers(ws, survey, "csat", [5, 5, 4, 4, 5, 4, 5, 1, 2, 3], "email");
    // Chat does not count for an e-mail target.
    await answers(ws, survey, "csat", [1, 1], "chat");
    await putTargets(ws, [{ metric: "csat", min: 80, period: "month", channel: "email" }]);

    const res = await report(ws, thisMonth());
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const item = res.body.items[0];
    expect(item).toMatchObject({ value: 70, n: 10, status: "missed", certain: false, period: thisMonth() });
    const [low, high] = wilson(7, 10);
    expect(item.ci95[0]).toBeCloseTo(100 * low, 9);
    expect(item.ci95[1]).toBeCloseTo(100 * high, 9);
    // Independent search: the first n at which 70 % of n answers has its whole interval under 80 %.
    let n = 10;
    while (wilson(0.7 * n, n)[1] >= 0.8) n++;
    expect(item.n_needed).toBe(n);
    expect(n).toBeGreaterThan(60); // about 70 answers: far from the 10 measured
  });

  it("says certain, with no n_needed, when the interval is all on one side", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }] });
    await answers(ws, survey, "nps", [10, 10, 9, 10, 9], "chat");
    await putTargets(ws, [
      { metric: "nps", min: -50, period: "month" },
      { metric: "repurchase", min: 10, period: "month" },
      { metric: "csat", min: 80, period: "week" },
    ]);
    const res = await report(ws, thisMonth());
    // Only monthly targets answer for a month.
    expect(res.body.items).toHaveLength(2);
    const [nps, repurchase] = res.body.items;
    // Adjusted-Wald by hand: p = 5.75/8, d = 0.75/8, centre 0.625, half 1.96·sqrt((p+d−0.625²)/8).
    const half = 1.96 * Math.sqrt((5.75 / 8 + 0.75 / 8 - 0.625 ** 2) / 8);
    expect(nps).toMatchObject({ value: 100, n: 5, status: "met", certain: true, n_needed: null });
    expect(nps.ci95[0]).toBeCloseTo(100 * (0.625 - half), 9);
    expect(repurchase).toMatchObject({ value: null, n: 0, status: "no_data", certain: false, n_needed: null });
  });

  it("measures CES as the share of easy answers across scales", async () => {
    const ws = await createWorkspace();
    const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7" });
    const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
    await answers(ws, agree, "ces", [7, 6, 2], "email"); // 2 easy of 3
    await answers(ws, effort, "ces", [1, 5], "email"); // 1 easy of 2
    await putTargets(ws, [{ metric: "ces", min: 50, period: "month" }]);
    const [item] = (await report(ws, thisMonth())).body.items;
    expect(item).toMatchObject({ value: 60, n: 5, status: "met", certain: false });
  });

  it("rejects a period that is neither a month nor an ISO week", async () => {
    const ws = await createWorkspace();
    for (const period of ["2026-13", "2026-W54", "2026", "last-month"]) {
      const res = await report(ws, period);
      expect(res.status, period).toBe(422);
      expect(res.body.error.details[0].path).toBe("period");
    }
    expect((await report(ws, "2026-W05")).status).toBe(200);
  });
});

describe("target.missed", () => {
  it("goes out once per target and period when the period has closed", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }] });
    const endpoint = await createEndpoint(ws, { url: "https://hooks.example.com/t", events: ["target.missed"] });
    await answers(ws, survey, "csat", [1, 2, 5], "email");
    const put = await putTargets(ws, [
      { metric: "csat", min: 80, period: "month" },
      { metric: "csat", max: 100, period: "month" },
    ]);
    const missedId = put.body.targets[0].id;
    const month = thisMonth();
    const [y, m] = month.split("-").map(Number) as [number, number];
    const nextMonth = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1, 1);

    const db = await databaseOf(ws.id);
    const rows = () =>
      db
        .prepare(
          "SELECT endpoint_id, subject_id FROM event_deliveries WHERE workspace_id = ? AND type = 'target.missed'",
        )
        .bind(ws.id)
        .all<{ endpoint_id: string; subject_id: string }>();
    // While the month is still open, nothing.
    await announceMissedTargets(env, Date.now());
    expect((await rows()).results).toHaveLength(0);
    // Once it closed: one event for the missed target, none for the met one; a rerun adds nothing.
    await announceMissedTargets(env, nextMonth);
    await announceMissedTargets(env, nextMonth + 3_600_000);
    expect((await rows()).results).toEqual([{ endpoint_id: endpoint.id, subject_id: `${missedId}/${month}` }]);
    const stored = await db
      .prepare("SELECT data FROM target_misses WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{ data: string }>();
    expect(JSON.parse(stored?.data ?? "null")).toMatchObject({ period: month, status: "missed", n: 3 });

    // Delivered as a Standard Webhooks event whose data is the report item.
    const ids = await db
      .prepare("SELECT id FROM event_deliveries WHERE workspace_id = ?")
      .bind(ws.id)
      .all<{ id: string }>();
    const hook = receiver(200);
    try {
      await runConsumer(ids.results.map((r) => r.id));
    } finally {
      hook.restore();
    }
    expect(hook.received).toHaveLength(1);
    const sent = JSON.parse(hook.received[0]?.body ?? "{}");
    expect(sent.type).toBe("target.missed");
    expect(sent.data).toMatchObject({
      target: { id: missedId, metric: "csat", min: 80 },
      period: month,
      status: "missed",
    });
  });
});
