import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

// The directory (DB) holds a row for every workspace, wherever its data lives: the API keys
// point at it and it names the shard. For a workspace on another shard that row is a copy of
// the shard's, and PATCH /v1/workspace keeps the copy in step, so the directory never shows
// settings the workspace no longer has (and a move back to DB starts from the right ones).

const COLUMNS =
  "name, timezone, created_at, cost_per_hour_minor, cost_per_hour_currency, survey_cooldown_days, value_tier_currency, value_tier_mid_minor, value_tier_high_minor";

async function workspaceOn(shard: string): Promise<TestWorkspace> {
  const res = await call("POST", "/v1/workspaces", {
    key: ADMIN_TOKEN,
    body: { name: `Copy on ${shard}`, timezone: "Europe/Paris", shard },
  });
  expect(res.status).toBe(201);
  return { id: res.body.workspace.id, key: res.body.api_key, defaultSurveyId: res.body.workspace.default_survey_id };
}

const rowOf = async (d1: D1Database, id: string) =>
  d1.prepare(`SELECT ${COLUMNS} FROM workspaces WHERE id = ?`).bind(id).first<Record<string, unknown>>();

describe("the directory's copy of a workspace on another shard", () => {
  it("follows PATCH /v1/workspace: set, changed and cleared settings", async () => {
    const ws = await workspaceOn("SHARD_2");
    const shard = await databaseOf(ws.id);
    expect(shard).not.toBe(env.DB);
    expect(await rowOf(env.DB, ws.id)).toEqual(await rowOf(shard, ws.id));

    for (const body of [
      {
        cost_per_hour: { amount: "32.00", currency: "EUR" },
        survey_cooldown_days: 30,
        value_tiers: { currency: "EUR", bounds: [100, 500] },
      },
      { survey_cooldown_days: 7 },
      { cost_per_hour: null, value_tiers: null },
    ]) {
      const res = await call("PATCH", "/v1/workspace", { key: ws.key, body });
      expect(res.status).toBe(200);
      const onShard = await rowOf(shard, ws.id);
      expect(await rowOf(env.DB, ws.id)).toEqual(onShard);
    }
    expect(await rowOf(env.DB, ws.id)).toMatchObject({
      name: "Copy on SHARD_2",
      timezone: "Europe/Paris",
      survey_cooldown_days: 7,
      cost_per_hour_minor: null,
      value_tier_currency: null,
    });
  });

  it("a bad PATCH changes neither the shard's row nor the directory's", async () => {
    const ws = await workspaceOn("SHARD_2");
    await call("PATCH", "/v1/workspace", { key: ws.key, body: { survey_cooldown_days: 3 } });
    const before = await rowOf(env.DB, ws.id);
    const res = await call("PATCH", "/v1/workspace", { key: ws.key, body: { survey_cooldown_days: 999 } });
    expect(res.status).toBe(422);
    expect(await rowOf(env.DB, ws.id)).toEqual(before);
    expect(await rowOf(await databaseOf(ws.id), ws.id)).toEqual(before);
  });

  it("a workspace on the directory itself has one row, changed once", async () => {
    const ws = await workspaceOn("DB");
    const res = await call("PATCH", "/v1/workspace", { key: ws.key, body: { survey_cooldown_days: 12 } });
    expect(res.status).toBe(200);
    expect(await rowOf(env.DB, ws.id)).toMatchObject({ survey_cooldown_days: 12 });
  });
});
