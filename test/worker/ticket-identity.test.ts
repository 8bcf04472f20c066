import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { signInvitation } from "../../worker/auth/invitation-token";
import { INVITATION_TTL_DAYS } from "../../worker/domain/invitation";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  PLAIN_SECRET,
  post,
  SHARED_SECRET,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  sharedSecretHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { ROLLUP_BARS } from "../support/worker/rollup-bars";
import { seedResponses } from "../support/worker/scores-seed";
import { databaseOf } from "../support/worker/shards";

/**
 * Tickets are `(source, ticket_id)` (issue 11, finding 2): Freshdesk's ticket 42
 * and the workspace's own ticket 42 are two tickets with their own answers.
 */

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace();
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  await setIntegration(ws, "freshdesk", SHARED_SECRET);
  await setIntegration(ws, "standard", STANDARD_SECRET);
});

const tickets = async (ticketId: string) =>
  (
    await (
      await databaseOf(ws.id)
    )
      .prepare("SELECT source, agent, team FROM interactions WHERE workspace_id = ? AND ticket_id = ? ORDER BY source")
      .bind(ws.id, ticketId)
      .all<{ source: string; agent: string; team: string }>()
  ).results;

const listed = async (ticketId: string) =>
  ((await call("GET", "/v1/responses", { key: ws.key })).body.items as Record<string, unknown>[]).filter(
    (r) => r.ticket_id === ticketId,
  );

const closedAt = "2026-02-01T10:00:00Z";

describe("ticket identity", () => {
  it("the same id from two sources is two tickets with separate answers, and neither link shows the other's", async () => {
    const freshdesk = await post(
      ws,
      "freshdesk",
      JSON.stringify({ ticket_id: "42", status: "Closed", agent: "Fred", closed_at: closedAt }),
      sharedSecretHeaders(),
    );
    expect(freshdesk.status).toBe(200);
    const own = await invite(ws, { ticket_id: "42", agent: "Olga" });

    expect(await tickets("42")).toEqual([
      { source: "freshdesk", agent: "Fred", team: "" },
      { source: "own", agent: "Olga", team: "" },
    ]);

    expect(
      (await answer(freshdesk.body.token, { csat: 1 }, { comment: "freshdesk customer's complaint" })).status,
    ).toBe(201);
    // The own ticket's first answer is a creation, not an update of Freshdesk's.
    expect((await answer(own.token, { csat: 5 })).status).toBe(201);

    const items = await listed("42");
    expect(items.map((r) => [r.source, r.answers, r.comment, r.agent]).sort()).toEqual([
      ["freshdesk", { csat: 1 }, "freshdesk customer's complaint", "Fred"],
      ["own", { csat: 5 }, null, "Olga"],
    ]);
    const ownView = await call("GET", `/s/${own.token}/survey.json`);
    expect(ownView.body.response).toEqual({ answers: { csat: 5 }, comment: null });

    const csv = await call("GET", "/v1/responses.csv", { key: ws.key });
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 3)).toEqual(["id", "ticket_id", "source"]);
    const rows42 = lines.filter((l) => l.split(",")[1] === "42").map((l) => l.split(",")[2]);
    expect(rows42.sort()).toEqual(["freshdesk", "own"]);
  });

  it("an invitation with source zendesk reaches the zendesk hook's ticket", async () => {
    const body = JSON.stringify({
      ticket_id: "77",
      customer: { email: "ana@example.com" },
      agent: "Léa",
      closed_at: closedAt,
    });
    const hook = await post(ws, "zendesk", body, await zendeskHeaders(body));
    expect(hook.status).toBe(200);
    // The workspace's own ticket 77 exists too, and must stay apart.
    await invite(ws, { ticket_id: "77", agent: "Olga" });

    const attached = await invite(ws, { ticket_id: 77, source: "zendesk", team: "Escalations" });
    expect(await tickets("77")).toEqual([
      { source: "own", agent: "Olga", team: "" },
      { source: "zendesk", agent: "Léa", team: "Escalations" },
    ]);
    expect((await answer(attached.token, { csat: 4 })).status).toBe(201);
    // The hook's own link names the same ticket: answering again updates it.
    expect((await answer(hook.body.token, { csat: 3 })).status).toBe(200);
    expect((await listed("77")).map((r) => [r.source, r.answers, r.agent, r.team])).toEqual([
      ["zendesk", { csat: 3 }, "Léa", "Escalations"],
    ]);
  });

  it("standard events and invitations without a source reach the same, own, ticket", async () => {
    const sent = await sendStandard(ws, {
      type: "interaction.closed",
      data: { ticket_id: "S-1", agent: "Sam", closed_at: closedAt },
    });
    expect(sent.status).toBe(200);
    const invitation = await invite(ws, { ticket_id: "S-1", team: "Tier 1" });
    expect(await tickets("S-1")).toEqual([{ source: "own", agent: "Sam", team: "Tier 1" }]);
    expect((await answer(sent.body.token, { csat: 2 })).status).toBe(201);
    expect((await answer(invitation.token, { csat: 4 })).status).toBe(200);
    expect((await listed("S-1")).map((r) => [r.source, r.answers])).toEqual([["own", { csat: 4 }]]);
  });

  it("refuses a source that numbers no tickets, and writes nothing", async () => {
    for (const source of ["shopify", "standard", "api", "", "OWN", 3]) {
      const res = await call("POST", "/v1/invitations", {
        key: ws.key,
        body: { survey_id: ws.defaultSurveyId, ticket_id: "BAD-SOURCE", source },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].path).toBe("source");
    }
    expect(await tickets("BAD-SOURCE")).toEqual([]);
  });

  it("a token minted before tickets had a source answers for the ticket recorded then", async () => {
    await post(
      ws,
      "freshdesk",
      JSON.stringify({ ticket_id: "L-1", status: "Closed", closed_at: closedAt }),
      sharedSecretHeaders(),
    );
    // The old spelling: workspace, survey, ticket and expiry only.
    const legacy = await signInvitation(
      {
        workspaceId: ws.id,
        surveyId: ws.defaultSurveyId,
        ticketId: "L-1",
        expiresAt: Math.floor(Date.now() / 1000) + INVITATION_TTL_DAYS * 86_400,
      },
      env.SIGNING_KEYS,
    );
    // A ticket with the same id from another source, recorded after the token was minted.
    await invite(ws, { ticket_id: "L-1" });
    expect((await answer(legacy, { csat: 2 })).status).toBe(201);
    expect((await listed("L-1")).map((r) => [r.source, r.answers])).toEqual([["freshdesk", { csat: 2 }]]);
  });

  it("weekly report verbatims show the ticket's source", async () => {
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }], comment: true });
    const [id] = await seedResponses(ws.id, [{ surveyId: survey, day: "2026-03-03", csat: 1, comment: "broken box" }]);
    await (await databaseOf(ws.id)).prepare("UPDATE responses SET source = 'gorgias' WHERE id = ?").bind(id).run();
    const report = await call("GET", "/v1/reports/weekly?week=2026-W10", { key: ws.key });
    expect(report.status).toBe(200);
    const verbatims = [...report.body.verbatims.negative, ...report.body.verbatims.positive];
    expect(verbatims.find((v: { id: string }) => v.id === id)).toMatchObject({ source: "gorgias" });
  });

  it("OpenAPI documents source wherever ticket_id appears", async () => {
    const spec = (await call("GET", "/openapi.json")).body;
    const schemas = spec.components.schemas;
    expect(schemas.Response.properties.source.enum).toContain("zendesk");
    expect(schemas.Response.required).toContain("source");
    expect(schemas.CreateInvitation.properties.source.enum).toEqual([
      "own",
      "zendesk",
      "freshdesk",
      "gorgias",
      "helpscout",
      "intercom",
    ]);
    // Every schema object, named or inline, with a ticket_id property has a source property next to it.
    const withTicket: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props?.ticket_id) {
        withTicket.push(path);
        expect(props.source, path).toBeDefined();
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    };
    walk(spec, "");
    expect(withTicket.length).toBeGreaterThanOrEqual(3);
  });
});

describe("migration 0007 backfills the source of existing rows", () => {
  it("api, standard and demo tickets become own; tools keep their name; answers follow their ticket", async () => {
    const backfill = env.TEST_MIGRATIONS.find((m) => m.name.includes("ticket_source_backfill"));
    expect(backfill).toBeDefined();
    const other = await createWorkspace();
    const db = await databaseOf(other.id);
    const rows: [string, string][] = [
      ["int_m1", "api"],
      ["int_m2", "standard"],
      ["int_m3", "demo"],
      ["int_m4", "zendesk"],
      ["int_m5", "helpscout"],
    ];
    await db.batch(
      rows.flatMap(([id, source], i) => [
        db
          .prepare(
            "INSERT INTO interactions (id, workspace_id, ticket_id, closed_at, closed_day, source, created_at, updated_at) VALUES (?, ?, ?, 1, '2026-01-01', ?, 1, 1)",
          )
          .bind(id, other.id, `M-${i}`, source),
        // Rows written before 0006 got the column's default.
        db
          .prepare(
            "INSERT INTO responses (id, workspace_id, survey_id, interaction_id, ticket_id, csat, submitted_at, submitted_day, updated_at) VALUES (?, ?, ?, ?, ?, 3, 1, '2026-01-01', 1)",
          )
          .bind(`rsp_${id}`, other.id, other.defaultSurveyId, id, `M-${i}`),
      ]),
    );
    const rollups = () =>
      db.prepare(`SELECT SUM(count) AS n FROM ${ROLLUP_BARS} WHERE workspace_id = ?`).bind(other.id).first("n");
    const before = await rollups();
    for (const query of backfill?.queries ?? []) await db.prepare(query).run();
    const sourcesOf = (table: string) =>
      db
        .prepare(`SELECT ticket_id, source FROM ${table} WHERE workspace_id = ? ORDER BY ticket_id`)
        .bind(other.id)
        .all();
    const expected = [
      { ticket_id: "M-0", source: "own" },
      { ticket_id: "M-1", source: "own" },
      { ticket_id: "M-2", source: "own" },
      { ticket_id: "M-3", source: "zendesk" },
      { ticket_id: "M-4", source: "helpscout" },
    ];
    expect((await sourcesOf("interactions")).results).toEqual(expected);
    expect((await sourcesOf("responses")).results).toEqual(expected);
    expect(await rollups()).toBe(before);
  });
});
