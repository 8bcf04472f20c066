import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { forgetPlacements } from "../../worker/shards/directory";
import { faultyDatabase, unavailable } from "../support/worker/faults";
import { ADMIN_TOKEN, answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { d1Bindings, databaseOf, shardNameOf } from "../support/worker/shards";

/** Workspaces per shard, as the directory places them. */
async function placements(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare("SELECT shard, count(*) AS n FROM workspaces GROUP BY shard").all<{
    shard: string;
    n: number;
  }>();
  return Object.fromEntries(results.map((r) => [r.shard, r.n]));
}

async function count(d1: D1Database, table: string, workspaceId: string): Promise<number> {
  const row = await d1
    .prepare(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`)
    .bind(workspaceId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Calls a fresh app with some bindings replaced, as a deployment missing or losing one would. */
async function callWith(bindings: Record<string, unknown>, path: string, key: string) {
  const ctx = createExecutionContext();
  const res = await createApp().fetch(
    new Request(`https://aftercare.test${path}`, { headers: { authorization: `Bearer ${key}` } }),
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe("placement", () => {
  it("binds two shards in the tests, the directory doubling as the first", () => {
    expect(d1Bindings().map(([name]) => name)).toEqual(expect.arrayContaining(["DB", "SHARD_2"]));
    expect(env.SHARDS.split(",")).toEqual(["DB", "SHARD_2"]);
  });

  it("puts a new workspace on the shard with the fewest workspaces", async () => {
    const before = await placements();
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push(await shardNameOf((await createWorkspace()).id));
    const after = await placements();
    // Whatever the start, four more workspaces leave the two shards at most one apart.
    expect(Math.abs((after.DB ?? 0) - (after.SHARD_2 ?? 0))).toBeLessThanOrEqual(1);
    expect((after.DB ?? 0) + (after.SHARD_2 ?? 0)).toBe((before.DB ?? 0) + (before.SHARD_2 ?? 0) + 4);
    expect(new Set(made)).toEqual(new Set(["DB", "SHARD_2"]));
  });

  it("puts it where the admin says, and says where in the answer", async () => {
    for (const shard of ["SHARD_2", "SHARD_2", "DB"]) {
      const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Placed", shard } });
      expect(res.status).toBe(201);
      expect(res.body.workspace.shard).toBe(shard);
      expect(await shardNameOf(res.body.workspace.id)).toBe(shard);
      // Its rows (the copy of the workspace, the default survey) are on that shard, its key in the directory.
      const d1 = await databaseOf(res.body.workspace.id);
      expect(
        await d1
          .prepare("SELECT count(*) AS n FROM surveys WHERE workspace_id = ?")
          .bind(res.body.workspace.id)
          .first("n"),
      ).toBe(1);
      expect(await count(env.DB, "api_keys", res.body.workspace.id)).toBe(1);
    }
  });

  it("refuses a shard the Worker does not bind, with a 422 that writes nothing", async () => {
    const before = await placements();
    for (const shard of ["SHARD_9", "ASSETS", "EVENTS", "", "db"]) {
      const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Nowhere", shard } });
      expect(res.status, shard).toBe(422);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: "shard" })]);
    }
    expect(await placements()).toEqual(before);
  });
});

describe("isolation across shards", () => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  beforeAll(async () => {
    for (const [name, shard] of [
      ["A", "DB"],
      ["B", "SHARD_2"],
    ] as const) {
      const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name, shard } });
      const ws = {
        id: res.body.workspace.id,
        key: res.body.api_key,
        defaultSurveyId: res.body.workspace.default_survey_id,
      };
      if (name === "A") a = ws;
      else b = ws;
    }
  });

  it("writes an answer on its workspace's shard only", async () => {
    for (const ws of [a, b]) {
      const inv = await invite(ws, { ticket_id: `T-${ws.id}`, customer: { email: "x@example.com" } });
      expect((await answer(inv.token, { csat: 5 })).status).toBe(201);
    }
    expect(await count(env.DB, "responses", a.id)).toBe(1);
    expect(await count(env.SHARD_2, "responses", a.id)).toBe(0);
    expect(await count(env.SHARD_2, "responses", b.id)).toBe(1);
    expect(await count(env.DB, "responses", b.id)).toBe(0);
  });

  it("never reads another shard's rows, even rows carrying the key's own workspace id", async () => {
    // A planted copy of A's workspace, survey and an answer on B's shard: A's key must not see it.
    const planted = env.SHARD_2;
    await planted.batch([
      planted
        .prepare("INSERT INTO workspaces (id, name, timezone, created_at) VALUES (?, 'A planted', 'UTC', 0)")
        .bind(a.id),
      planted
        .prepare(
          "INSERT INTO surveys (id, workspace_id, name, questions, created_at) VALUES ('srv_planted', ?, 'P', '[\"csat\"]', 0)",
        )
        .bind(a.id),
      planted
        .prepare(
          `INSERT INTO responses (id, workspace_id, survey_id, ticket_id, csat, submitted_at, submitted_day, updated_at)
           VALUES ('rsp_planted', ?, 'srv_planted', 'T-planted', 1, 1, '2026-01-01', 1)`,
        )
        .bind(a.id),
    ]);
    const listed = await call("GET", "/v1/responses", { key: a.key });
    expect(listed.status).toBe(200);
    const ids = (listed.body.items as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(1);
    expect(ids).not.toContain("rsp_planted");
    // And B's key reads only B's rows on that same shard.
    const theirs = await call("GET", "/v1/responses", { key: b.key });
    expect((theirs.body.items as { id: string }[]).map((r) => r.id)).not.toContain("rsp_planted");
    expect(theirs.body.items).toHaveLength(1);
  });
});

describe("a shard that is unbound or unavailable", () => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  beforeAll(async () => {
    const make = async (shard: string) => {
      const res = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: shard, shard } });
      return {
        id: res.body.workspace.id,
        key: res.body.api_key,
        defaultSurveyId: res.body.workspace.default_survey_id,
      };
    };
    a = await make("DB");
    b = await make("SHARD_2");
  });

  it("answers 503 with Retry-After for its workspaces only when the binding is gone", async () => {
    const gone = await callWith({ SHARD_2: undefined }, "/v1/surveys", b.key);
    expect(gone.status).toBe(503);
    expect(gone.headers.get("retry-after")).toBe("30");
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    expect((await callWith({ SHARD_2: undefined }, "/v1/surveys", a.key)).status).toBe(200);
  });

  it("answers 503 with Retry-After for its workspaces only when D1 cannot be reached", async () => {
    // Every statement on SHARD_2 fails as an unreachable D1 does; the directory and DB still answer.
    const failing = { SHARD_2: faultyDatabase(env.SHARD_2, 1, unavailable, { every: true }).db };
    const res = await callWith(failing, "/v1/surveys", b.key);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).not.toBeNull();
    expect((await callWith(failing, "/v1/surveys", a.key)).status).toBe(200);
  });

  it("answers 503 for a survey token of a workspace placed on an unbound shard", async () => {
    const inv = await invite(b, { ticket_id: "T-unbound" });
    await env.DB.prepare("UPDATE workspaces SET shard = 'SHARD_9' WHERE id = ?").bind(b.id).run();
    forgetPlacements();
    try {
      const res = await answer(inv.token, { csat: 4 });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect((await call("GET", "/v1/surveys", { key: a.key })).status).toBe(200);
      expect(await count(env.SHARD_2, "responses", b.id)).toBe(0);
    } finally {
      await env.DB.prepare("UPDATE workspaces SET shard = 'SHARD_2' WHERE id = ?").bind(b.id).run();
      forgetPlacements();
    }
  });
});

describe("migrations", () => {
  it("are applied to the directory and to every shard", async () => {
    const expected = env.TEST_MIGRATIONS.map((m) => m.name);
    expect(expected.length).toBeGreaterThan(10);
    for (const [name, d1] of d1Bindings()) {
      const { results } = await d1.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
      expect(
        results.map((r) => r.name),
        name,
      ).toEqual(expected);
      const shardColumn = await d1
        .prepare("SELECT count(*) AS n FROM pragma_table_info('workspaces') WHERE name = 'shard'")
        .first("n");
      expect(shardColumn, name).toBe(1);
    }
  });
});

describe("reads from replicas (D1 Sessions API)", () => {
  it("hands back a bookmark after a write, and a read carrying it sees the write", async () => {
    for (const shard of ["DB", "SHARD_2"]) {
      const made = await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body: { name: "Replica", shard } });
      const key = made.body.api_key as string;
      const wrote = await call("POST", "/v1/surveys", {
        key,
        body: { name: "After the write", questions: [{ type: "csat" }] },
      });
      expect(wrote.status).toBe(201);
      const bookmark = wrote.headers.get("x-d1-bookmark");
      expect(bookmark, shard).toMatch(/^[0-9A-Za-z_.:-]+$/);
      const read = await call("GET", "/v1/surveys", { key, headers: { "x-d1-bookmark": bookmark as string } });
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).toContain("After the write");
      expect(read.headers.get("x-d1-bookmark")).toBeTruthy();
    }
  });

  it("ignores a bookmark that is not one, and sends none where no workspace was read", async () => {
    const ws = await createWorkspace();
    for (const junk of ["not a bookmark!", "x".repeat(300), "0000-ffff"]) {
      const res = await call("GET", "/v1/surveys", { key: ws.key, headers: { "x-d1-bookmark": junk } });
      expect(res.status, junk).toBe(200);
    }
    expect((await call("GET", "/healthz")).headers.get("x-d1-bookmark")).toBeNull();
  });
});

describe("a one-database deployment", () => {
  /** Requests against an app whose wrangler.toml binds only DB and lists it as the only shard. */
  const oneDatabase = { SHARDS: "DB", SHARD_2: undefined };
  async function send(method: string, path: string, key: string | null, body?: unknown) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    const ctx = createExecutionContext();
    const res = await createApp().fetch(
      new Request(`https://aftercare.test${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { ...env, ...oneDatabase },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return { status: res.status, body: (await res.json()) as any };
  }

  it("places, invites, records and reads on DB alone, with no other configuration", async () => {
    forgetPlacements();
    // Enough workspaces that a two-shard deployment would have placed some on SHARD_2.
    const made = [];
    for (let i = 0; i < 3; i++) {
      const res = await send("POST", "/v1/workspaces", ADMIN_TOKEN, { name: `Solo ${i}` });
      expect(res.status).toBe(201);
      expect(res.body.workspace.shard).toBe("DB");
      made.push(res.body);
    }
    const { api_key: key, workspace } = made[2];
    const inv = await send("POST", "/v1/invitations", key, {
      survey_id: workspace.default_survey_id,
      ticket_id: "T-solo",
    });
    expect(inv.status).toBe(201);
    expect((await send("POST", "/v1/responses", null, { token: inv.body.token, answers: { csat: 5 } })).status).toBe(
      201,
    );
    const scores = await send("GET", "/v1/scores?metric=csat", key);
    expect(scores.status).toBe(200);
    expect(scores.body.n).toBe(1);
    expect(await count(env.DB, "responses", workspace.id)).toBe(1);
    expect(await count(env.SHARD_2, "responses", workspace.id)).toBe(0);
    // Naming a shard this deployment does not list is refused.
    expect((await send("POST", "/v1/workspaces", ADMIN_TOKEN, { name: "Elsewhere", shard: "SHARD_2" })).status).toBe(
      422,
    );
    forgetPlacements();
  });
});
