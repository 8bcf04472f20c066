import { describe, expect, it } from "vitest";
import { call, createSurvey, createWorkspace, invite } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

const interaction = async (workspaceId: string, ticketId: string) =>
  (await databaseOf(workspaceId))
    .prepare("SELECT * FROM interactions WHERE workspace_id = ? AND ticket_id = ?")
    .bind(workspaceId, ticketId)
    .first<Record<string, unknown>>();

describe("POST /v1/invitations", () => {
  it("answers the token, hosted URL, one-click links, embed tag and expiry", async () => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/invitations", {
      key: ws.key,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "ZD-1001", customer: { email: "a@b.fr" }, locale: "fr" },
    });
    expect(res.status).toBe(201);
    const { token, url, links, embed, expires_at } = res.body;
    expect(url).toBe(`https://aftercare.test/s/${token}`);
    expect(links).toEqual(
      Object.fromEntries([1, 2, 3, 4, 5].map((v) => [String(v), `https://aftercare.test/r/${token}/csat/${v}`])),
    );
    expect(embed).toBe(`<script src="https://aftercare.test/widget.js" data-token="${token}" async></script>`);
    const days = (Date.parse(expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  it.each([
    [[{ type: "nps" }], {}, 11, "0"],
    [[{ type: "ces" }], { ces_scale: "agree7" }, 7, "1"],
    [[{ type: "ces" }], { ces_scale: "effort5" }, 5, "1"],
    [[{ type: "csat" }, { type: "nps" }], {}, 5, "1"],
  ])("gives one link per value of the first question of %j", async (questions, extra, n, first) => {
    const ws = await createWorkspace();
    const surveyId = await createSurvey(ws, { questions, ...extra });
    const res = await invite(ws, { survey_id: surveyId, ticket_id: "T" });
    expect(Object.keys(res.links)).toHaveLength(n);
    expect(Object.keys(res.links)[0]).toBe(first);
  });

  it("records the interaction, and an update keeps the fields it omits", async () => {
    const ws = await createWorkspace();
    await invite(ws, {
      ticket_id: "T-7",
      channel: "email",
      request_type: "logistics",
      agent: "Camille",
      team: "N1",
      closed_at: "2026-11-20T10:00:00+01:00",
    });
    await invite(ws, { ticket_id: "T-7", agent: "Hugo" });
    const row = await interaction(ws.id, "T-7");
    expect(row).toMatchObject({
      channel: "email",
      request_type: "logistics",
      agent: "Hugo",
      team: "N1",
      closed_at: Date.parse("2026-11-20T09:00:00Z"),
    });
  });

  it("keeps the latest closed_at whatever order reopenings arrive in", async () => {
    const ws = await createWorkspace();
    await invite(ws, { ticket_id: "T-8", closed_at: "2026-11-20T10:00:00Z" });
    await invite(ws, { ticket_id: "T-8", closed_at: "2026-11-18T10:00:00Z" });
    expect((await interaction(ws.id, "T-8"))?.closed_at).toBe(Date.parse("2026-11-20T10:00:00Z"));
    await invite(ws, { ticket_id: "T-8", closed_at: "2026-11-22T10:00:00Z" });
    expect((await interaction(ws.id, "T-8"))?.closed_at).toBe(Date.parse("2026-11-22T10:00:00Z"));
  });

  it("never stores the customer's e-mail in clear", async () => {
    const ws = await createWorkspace();
    await invite(ws, { ticket_id: "T-9", customer: { email: "  Jeanne@Example.FR " } });
    const row = await interaction(ws.id, "T-9");
    expect(JSON.stringify(row)).not.toMatch(/jeanne/i);
    expect(row?.email_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 404 for another workspace's survey and records nothing", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const res = await call("POST", "/v1/invitations", {
      key: b.key,
      body: { survey_id: a.defaultSurveyId, ticket_id: "X" },
    });
    expect(res.status).toBe(404);
    expect(await interaction(b.id, "X")).toBeNull();
    expect(await interaction(a.id, "X")).toBeNull();
  });

  it.each([
    [{ ticket_id: "T" }, "survey_id"],
    [{ survey_id: "srv_x" }, "ticket_id"],
    [{ ticket_id: "T", closed_at: "yesterday" }, "closed_at"],
    [{ ticket_id: "T", customer: { email: "not-an-email" } }, "customer.email"],
    [{ ticket_id: "T", locale: "de" }, "locale"],
  ])("answers 422 for %j", async (body, path) => {
    const ws = await createWorkspace();
    const full = "survey_id" in body ? body : { survey_id: ws.defaultSurveyId, ...body };
    const res = await call("POST", "/v1/invitations", { key: ws.key, body: path === "survey_id" ? body : full });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
