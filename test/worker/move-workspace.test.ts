import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type Executor, moveWorkspace } from "../../scripts/move-workspace-core.mjs";
import { forgetPlacements } from "../../worker/shards/directory";
import { ADMIN_TOKEN, answer, call, invite, type TestWorkspace } from "../support/worker/helpers";
import { STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";
import { shardNameOf } from "../support/worker/shards";

/** What scripts/move-workspace.mjs does through wrangler, done on the test Worker's bindings. */
const executor = (d1: D1Database): Executor => ({
  all: async (sql) => (await d1.prepare(sql).all<Record<string, unknown>>()).results,
  run: async (sqls) => {
    if (sqls.length > 0) await d1.batch(sqls.map((s) => d1.prepare(s)));
  },
});
const shards = { DB: executor(env.DB), SHARD_2: executor(env.SHARD_2) };

async function workspaceOn(shard: string): Promise<TestWorkspace> {
  const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: `Moving ${shard}`, shard } });
  return { id: res.body.workspace.id, key: res.body.api_key, defaultSurveyId: res.body.workspace.default_survey_id };
}

/** What the API shows of a workspace: the move must change none of it. */
async function seen(ws: TestWorkspace) {
  const get = async (path: string) => {
    const res = await call("GET", path, { key: ws.key });
    expect(res.status, path).toBe(200);
    return res.body;
  };
  return {
    responses: await get("/v1/responses"),
    scores: await get("/v1/scores?metric=csat&group_by=agent"),
    repurchase: await get(`/v1/repurchase?as_of=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`),
    surveys: await get("/v1/surveys"),
    workspace: await get("/v1/workspace"),
  };
}

async function rowsOf(d1: D1Database, workspaceId: string) {
  let n = 0;
  for (const table of ["surveys", "interactions", "responses", "orders", "score_histograms", "integrations"]) {
    n += Number(
      await d1.prepare(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`).bind(workspaceId).first("n"),
    );
  }
  return n;
}

describe("moving a workspace between shards", () => {
  for (const [from, to] of [
    ["DB", "SHARD_2"],
    ["SHARD_2", "DB"],
  ] as const) {
    it(`carries every row from ${from} to ${to}, the API answers the same, the source keeps nothing`, async () => {
      const ws = await workspaceOn(from);
      await setIntegration(ws, "standard", STANDARD_SECRET);
      for (const [i, agent] of ["ana", "bob", "ana"].entries()) {
        const inv = await invite(ws, { ticket_id: `MV-${i}`, customer: { email: `c${i}@example.com` }, agent });
        expect((await answer(inv.token, { csat: 3 + i })).status).toBe(201);
      }
      const placed = {
        type: "order.created",
        data: {
          order_id: "O-1",
          customer: { email: "c0@example.com" },
          total: "12.00",
          currency: "EUR",
          placed_at: new Date().toISOString(),
        },
      };
      expect((await sendStandard(ws, placed)).status).toBe(200);
      const cooled = await call("PATCH", "/v1/workspace", { key: ws.key, body: { survey_cooldown_days: 3 } });
      expect(cooled.status).toBe(200);
      const before = await seen(ws);
      expect(before.responses.items).toHaveLength(3);
      const source = from === "DB" ? env.DB : env.SHARD_2;
      const target = to === "DB" ? env.DB : env.SHARD_2;
      expect(await rowsOf(target, ws.id)).toBe(0);

      expect(await moveWorkspace({ workspaceId: ws.id, to, directory: shards.DB, shards })).toEqual({ from, to });
      forgetPlacements();

      expect(await shardNameOf(ws.id)).toBe(to);
      expect(await seen(ws)).toEqual(before);
      expect(await rowsOf(source, ws.id)).toBe(0);
      expect(await rowsOf(target, ws.id)).toBeGreaterThan(0);
      // It keeps working where it now lives: a new answer lands on the target.
      const inv = await invite(ws, { ticket_id: "MV-after" });
      expect((await answer(inv.token, { csat: 5 })).status).toBe(201);
      expect(
        Number(
          await target.prepare("SELECT count(*) AS n FROM responses WHERE workspace_id = ?").bind(ws.id).first("n"),
        ),
      ).toBe(4);
    });
  }

  it("refuses a target that already holds the workspace's rows, and leaves it where it was", async () => {
    const ws = await workspaceOn("DB");
    await env.SHARD_2.batch([
      env.SHARD_2.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, 'stale', 0)").bind(ws.id),
      env.SHARD_2.prepare(
        "INSERT INTO surveys (id, workspace_id, name, questions, created_at) VALUES ('srv_stale', ?, 's', '[]', 0)",
      ).bind(ws.id),
    ]);
    await expect(moveWorkspace({ workspaceId: ws.id, to: "SHARD_2", directory: shards.DB, shards })).rejects.toThrow(
      /already holds/,
    );
    expect(await shardNameOf(ws.id)).toBe("DB");
    expect((await call("GET", "/v1/surveys", { key: ws.key })).status).toBe(200);
  });

  it("answers 503 with Retry-After while the workspace is frozen", async () => {
    const ws = await workspaceOn("DB");
    let during: number | undefined;
    let retryAfter: string | null = null;
    await moveWorkspace({
      workspaceId: ws.id,
      to: "SHARD_2",
      directory: shards.DB,
      shards,
      wait: async () => {
        const res = await call("GET", "/v1/surveys", { key: ws.key });
        during = res.status;
        retryAfter = res.headers.get("retry-after");
      },
    });
    expect(during).toBe(503);
    expect(retryAfter).toBe("30");
  });
});
