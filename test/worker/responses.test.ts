import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signInvitation } from "../../worker/auth/invitation-token";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

const responseCount = async (workspaceId: string) =>
  (
    await (
      await databaseOf(workspaceId)
    )
      .prepare("SELECT count(*) AS n FROM responses WHERE workspace_id = ?")
      .bind(workspaceId)
      .first<{ n: number }>()
  )?.n;

async function tokenFor(ws: TestWorkspace, ticket = "T-1", survey?: string) {
  return (await invite(ws, { ticket_id: ticket, ...(survey ? { survey_id: survey } : {}) })).token;
}

describe("POST /v1/responses", () => {
  it("answers 201 the first time and 200 after, counting the ticket once", async () => {
    const ws = await createWorkspace();
    const token = await tokenFor(ws);
    const first = await answer(token, { csat: 2 });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^rsp_/);
    const second = await answer(token, { csat: 5 }, { comment: "Finalement, très bien" });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id: first.body.id });
    expect(await responseCount(ws.id)).toBe(1);
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items[0]).toMatchObject({ answers: { csat: 5 }, comment: "Finalement, très bien" });
  });

  it("keeps earlier answers to questions a later submission does not name", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }], comment: true });
    const token = await tokenFor(ws, "T-2", survey);
    await answer(token, { nps: 9 });
    await answer(token, { csat: 4 }, { comment: "ok" });
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items[0].answers).toEqual({ nps: 9, csat: 4 });
  });

  it("carries the ticket's segments and the locale", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, {
      ticket_id: "T-3",
      channel: "chat",
      request_type: "logistics",
      agent: "Léa",
      team: "N2",
      locale: "fr",
    });
    await answer(inv.token, { csat: 3 });
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.body.items[0]).toMatchObject({
      ticket_id: "T-3",
      survey_id: ws.defaultSurveyId,
      channel: "chat",
      request_type: "logistics",
      agent: "Léa",
      team: "N2",
      locale: "fr",
    });
  });

  it("allows any origin (CORS) without credentials", async () => {
    const ws = await createWorkspace();
    const token = await tokenFor(ws);
    const preflight = await call("OPTIONS", "/v1/responses", {
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const res = await call("POST", "/v1/responses", {
      body: { token, answers: { csat: 4 } },
      headers: { origin: "https://shop.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  describe("rejects bad answers with 422 and writes nothing", () => {
    it.each([
      [{}, "answers"],
      [{ nps: 9 }, "answers.nps"],
      [{ csat: 6 }, "answers.csat"],
      [{ csat: 0 }, "answers.csat"],
      [{ csat: 3.5 }, "answers.csat"],
      [{ csat: "4" }, "answers.csat"],
      [{ stars: 5 }, "answers"],
    ])("%j", async (answers, path) => {
      const ws = await createWorkspace();
      const token = await tokenFor(ws);
      const res = await answer(token, answers);
      expect(res.status).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path).join(" ")).toContain(path);
      expect(await responseCount(ws.id)).toBe(0);
    });

    it("a comment over 2000 characters", async () => {
      const ws = await createWorkspace();
      const res = await answer(await tokenFor(ws), { csat: 4 }, { comment: "é".repeat(2001) });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].path).toBe("comment");
      expect(await responseCount(ws.id)).toBe(0);
      expect((await answer(await tokenFor(ws), { csat: 4 }, { comment: "é".repeat(2000) })).status).toBe(201);
    });

    it("a CES answer beyond the effort5 scale", async () => {
      const ws = await createWorkspace();
      const survey = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
      const token = await tokenFor(ws, "T", survey);
      expect((await answer(token, { ces: 6 })).status).toBe(422);
      expect((await answer(token, { ces: 5 })).status).toBe(201);
    });
  });

  describe("tokens", () => {
    it("refuses an altered token with 401", async () => {
      const ws = await createWorkspace();
      const token = await tokenFor(ws);
      const [kid, payload, mac] = token.split(".") as [string, string, string];
      const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
      const forged = btoa(JSON.stringify({ ...claims, t: "SOMEONE-ELSE" }))
        .replace(/=+$/, "")
        .replace(/\+/g, "-")
        .replace(/\//g, "_");
      for (const bad of [
        `${kid}.${forged}.${mac}`,
        `${kid}.${payload}.${mac.slice(0, -2)}AA`,
        `${kid}.${payload}`,
        "garbage",
        `zz.${payload}.${mac}`,
      ]) {
        const res = await answer(bad, { csat: 4 });
        expect(res.status, bad).toBe(401);
        expect(res.body.error.code).toBe("invalid_token");
      }
      expect(await responseCount(ws.id)).toBe(0);
    });

    it("refuses an expired token with 401", async () => {
      const ws = await createWorkspace();
      const token = await signInvitation(
        {
          workspaceId: ws.id,
          surveyId: ws.defaultSurveyId,
          ticketId: "OLD",
          expiresAt: Math.floor(Date.now() / 1000) - 1,
        },
        env.SIGNING_KEYS,
      );
      const res = await answer(token, { csat: 4 });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("token_expired");
    });

    it("refuses a token signed under a secret this Worker does not hold", async () => {
      const ws = await createWorkspace();
      const claims = {
        workspaceId: ws.id,
        surveyId: ws.defaultSurveyId,
        ticketId: "X",
        expiresAt: Math.floor(Date.now() / 1000) + 60,
      };
      const foreign = await signInvitation(claims, "k2:some-other-deployment-secret-000");
      expect((await answer(foreign, { csat: 4 })).status).toBe(401);
    });

    it("still accepts tokens signed with the previous key after a rotation", async () => {
      const ws = await createWorkspace();
      const claims = {
        workspaceId: ws.id,
        surveyId: ws.defaultSurveyId,
        ticketId: "R",
        expiresAt: Math.floor(Date.now() / 1000) + 60,
      };
      const old = await signInvitation(claims, "k1:test-signing-secret-one-0123456789");
      expect((await answer(old, { csat: 4 })).status).toBe(201);
    });

    it("answers 404 when the token's survey no longer exists", async () => {
      const ws = await createWorkspace();
      const token = await signInvitation(
        { workspaceId: ws.id, surveyId: "srv_gone", ticketId: "G", expiresAt: Math.floor(Date.now() / 1000) + 60 },
        env.SIGNING_KEYS,
      );
      expect((await answer(token, { csat: 4 })).status).toBe(404);
    });
  });
});

describe("GET /v1/responses", () => {
  async function seeded() {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "nps" }], comment: true });
    for (let i = 0; i <= 10; i++) {
      const inv = await invite(ws, { survey_id: survey, ticket_id: `N-${i}`, channel: i % 2 ? "email" : "chat" });
      await answer(inv.token, { nps: i });
    }
    const csat = await invite(ws, { ticket_id: "C-1" });
    await answer(csat.token, { csat: 1 });
    return { ws, survey };
  }

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const { ws } = await seeded();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(
        "GET",
        `/v1/responses?limit=5${cursor ? `&cursor=${cursor}` : ""}`,
        { key: ws.key },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r: { ticket_id: string }) => r.ticket_id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen[0]).toBe("C-1");
  });

  it("filters by survey, metric range and segment", async () => {
    const { ws, survey } = await seeded();
    const detractors = await call("GET", `/v1/responses?survey_id=${survey}&metric=nps&max=6`, { key: ws.key });
    expect(
      detractors.body.items
        .map((r: { answers: { nps: number } }) => r.answers.nps)
        .sort((a: number, b: number) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const promoters = await call("GET", `/v1/responses?survey_id=${survey}&min=9`, { key: ws.key });
    expect(promoters.body.items).toHaveLength(2);
    const email = await call("GET", `/v1/responses?channel=email`, { key: ws.key });
    expect(email.body.items).toHaveLength(5);
    const csat = await call("GET", `/v1/responses?metric=csat`, { key: ws.key });
    expect(csat.body.items.map((r: { ticket_id: string }) => r.ticket_id)).toEqual(["C-1"]);
  });

  it.each(["limit=0", "limit=501", "from=2026-13-01", "min=3", "cursor=bm9wZQ", "metric=stars"])(
    "answers 422 for %s",
    async (q) => {
      const ws = await createWorkspace();
      const res = await call("GET", `/v1/responses?${q}`, { key: ws.key });
      expect(res.status).toBe(422);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    },
  );

  it("shows no other workspace's responses, and 404s on its survey", async () => {
    const { ws, survey } = await seeded();
    const other = await createWorkspace();
    const res = await call("GET", "/v1/responses", { key: other.key });
    expect(res.body.items).toEqual([]);
    expect((await call("GET", `/v1/responses?survey_id=${survey}`, { key: other.key })).status).toBe(404);
    expect((await call("GET", "/v1/responses.csv", { key: other.key })).text.trim().split("\n")).toHaveLength(1);
    expect(ws).toBeTruthy();
  });

  it("exports CSV with formula injection neutralized", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "=HYPERLINK(1)", agent: "@bob" });
    await answer(inv.token, { csat: 2 }, { comment: '=cmd|"/c calc"!A1, "quoted"\nnew line' });
    const res = await call("GET", "/v1/responses.csv", { key: ws.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, row] = res.text.split("\r\n");
    expect(header).toBe(
      "id,ticket_id,source,survey_id,nps,csat,ces,comment,locale,submitted_at,updated_at,channel,request_type,agent,team",
    );
    expect(row).toContain(",'=HYPERLINK(1),");
    expect(row).toContain(`"'=cmd|""/c calc""!A1, ""quoted""\nnew line"`);
    expect(row).toContain(",'@bob,");
  });

  it("streams a CSV larger than one page", async () => {
    const ws = await createWorkspace();
    const db = await databaseOf(ws.id);
    const statements = [];
    for (let i = 0; i < 1200; i++) {
      statements.push(
        db
          .prepare(
            "INSERT INTO responses (id, workspace_id, survey_id, ticket_id, csat, submitted_at, submitted_day, updated_at) VALUES (?, ?, ?, ?, 4, ?, '2026-11-01', ?)",
          )
          .bind(`rsp_${i}`, ws.id, ws.defaultSurveyId, `B-${i}`, 1_700_000_000_000 + i, 1_700_000_000_000 + i),
      );
    }
    await db.batch(statements);
    const res = await call("GET", "/v1/responses.csv", { key: ws.key });
    const lines = res.text.trim().split("\r\n");
    expect(lines).toHaveLength(1201);
    expect(new Set(lines).size).toBe(1201);
  });
});
