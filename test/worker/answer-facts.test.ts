import { describe, expect, it } from "vitest";
import { database } from "../../worker/db";
import { localDay } from "../../worker/domain/local-day";
import { responseEventStatement } from "../../worker/events/outbox";
import { type AnswerFacts, factsHold, readAnswerFacts } from "../../worker/store/answer-facts";
import { answerUpsert } from "../../worker/store/answers";
import { ticketHash } from "../../worker/store/erased-tickets";
import { followUpStatementsForAnswer } from "../../worker/store/follow-ups";
import { createEndpoint } from "../support/worker/events";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

// An isolate remembers the workspace, survey and rules an answer was recorded with, so the
// next answer to that survey is one D1 batch and no read (issue 16). These tests change those
// facts behind its back and check that no answer is ever written against the old ones.

/** The shard of the workspace the running test created: its rows live there. */
let shard: D1Database;
let seq = 0;
const ticket = (prefix: string) => `${prefix}-${++seq}`;

/** Answers once, so that this isolate remembers the survey's facts. */
async function warm(ws: TestWorkspace, surveyId: string, answers: Record<string, number>) {
  const inv = await invite(ws, { survey_id: surveyId, ticket_id: ticket("warm") });
  expect((await answer(inv.token, answers)).status).toBe(201);
}

async function responseOf(surveyId: string, ticketId: string) {
  return shard
    .prepare("SELECT csat, nps, submitted_day FROM responses WHERE survey_id = ? AND ticket_id = ?")
    .bind(surveyId, ticketId)
    .first<{ csat: number | null; nps: number | null; submitted_day: string }>();
}

async function followUpOf(ticketId: string) {
  return shard
    .prepare("SELECT status, resolution FROM follow_ups WHERE ticket_id = ?")
    .bind(ticketId)
    .first<{ status: string; resolution: string | null }>();
}

const deliveries = async (workspaceId: string) =>
  (
    await shard
      .prepare("SELECT type FROM event_deliveries WHERE workspace_id = ? ORDER BY type")
      .bind(workspaceId)
      .all<{ type: string }>()
  ).results.map((r) => r.type);

describe("answers on remembered facts", () => {
  it("a second answer to a survey reads nothing: Server-Timing shows token and write, no read", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    const first = await invite(ws, { ticket_id: ticket("st") });
    const res1 = await answer(first.token, { csat: 4 });
    expect(res1.status).toBe(201);
    expect(res1.headers.get("server-timing")).toMatch(/\btoken;dur=[\d.]+/);
    const second = await invite(ws, { ticket_id: ticket("st") });
    const res2 = await answer(second.token, { csat: 5 });
    expect(res2.status).toBe(201);
    const steps = (res2.headers.get("server-timing") ?? "").split(",").map((m) => m.trim().split(";")[0]);
    expect(steps).toEqual(["token", "write"]);
  });

  it("rules replaced by PUT apply to the very next answer", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    await warm(ws, ws.defaultSurveyId, { csat: 1 });
    expect((await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules: [] } })).status).toBe(200);
    const off = ticket("off");
    expect((await answer((await invite(ws, { ticket_id: off })).token, { csat: 1 })).status).toBe(201);
    expect(await followUpOf(off)).toBeNull();

    const rules = [{ metric: "csat", max: 4 }];
    expect((await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules } })).status).toBe(200);
    const on = ticket("on");
    expect((await answer((await invite(ws, { ticket_id: on })).token, { csat: 4 })).status).toBe(201);
    expect(await followUpOf(on)).toMatchObject({ status: "open" });
  });

  it("questions changed in the database: the answer is checked against the new ones", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }] });
    await warm(ws, survey, { csat: 5 });
    await shard.prepare(`UPDATE surveys SET questions = '[{"type":"nps"}]' WHERE id = ?`).bind(survey).run();
    const t = ticket("q");
    const inv = await invite(ws, { survey_id: survey, ticket_id: t });
    const refused = await answer(inv.token, { csat: 5 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ path: "answers.csat", message: 'This survey does not ask "csat"' }]);
    expect(await responseOf(survey, t)).toBeNull();
    expect((await answer(inv.token, { nps: 9 })).status).toBe(201);
    expect(await responseOf(survey, t)).toMatchObject({ nps: 9, csat: null });
  });

  it("a timezone changed in the database: the answer's local day follows it", async () => {
    // 26 hours apart, so the two local days always differ.
    const ws = await createWorkspace(undefined, "Etc/GMT+12");
    shard = await databaseOf(ws.id);
    await warm(ws, ws.defaultSurveyId, { csat: 5 });
    await shard.prepare("UPDATE workspaces SET timezone = 'Pacific/Kiritimati' WHERE id = ?").bind(ws.id).run();
    const t = ticket("tz");
    const inv = await invite(ws, { ticket_id: t });
    const before = Date.now();
    expect((await answer(inv.token, { csat: 3 })).status).toBe(201);
    const day = (await responseOf(ws.defaultSurveyId, t))?.submitted_day;
    expect([localDay(before, "Pacific/Kiritimati"), localDay(Date.now(), "Pacific/Kiritimati")]).toContain(day);
  });

  it("a ticket erased after its survey's facts were remembered answers 410 and records nothing", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    await warm(ws, ws.defaultSurveyId, { csat: 5 });
    const t = ticket("erased");
    const inv = await invite(ws, { ticket_id: t, customer: { email: `${t}@example.fr` } });
    expect((await call("DELETE", `/v1/customers?email=${t}@example.fr`, { key: ws.key })).status).toBe(200);
    const res = await answer(inv.token, { csat: 2 }, { comment: "after erasure" });
    expect(res.status).toBe(410);
    expect(await responseOf(ws.defaultSurveyId, t)).toBeNull();
    expect(await followUpOf(t)).toBeNull();
  });

  it("a batch whose facts no longer hold writes nothing: no answer, no follow-up change, no event", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    await createEndpoint(ws, {
      url: "https://hooks.example.com/all",
      events: ["response.created", "response.updated", "follow_up.opened", "follow_up.updated"],
    });
    const t = ticket("stale");
    const inv = await invite(ws, { ticket_id: t });
    expect((await answer(inv.token, { csat: 1 })).status).toBe(201);
    expect(await followUpOf(t)).toMatchObject({ status: "open" });
    const events = await deliveries(ws.id);
    expect(events).toEqual(["follow_up.opened", "response.created"]);

    // What an isolate would remember had the rules been [] a moment ago: they no longer are.
    const db = database(shard);
    const current = (await readAnswerFacts(db, ws.id, ws.defaultSurveyId)) as AnswerFacts;
    const stale: AnswerFacts = { ...current, rules: [], stored: { ...current.stored, rulesJson: "[]" } };
    const guard = factsHold(stale);
    const now = Date.now();
    const where = { surveyId: ws.defaultSurveyId, source: "own", ticketId: t, changeId: "chg_stale" };
    const [upserted] = await shard.batch([
      answerUpsert(
        db,
        {
          id: "rsp_stale",
          workspaceId: ws.id,
          ...where,
          nps: null,
          csat: 5,
          ces: null,
          comment: "stale",
          locale: null,
          now,
          day: localDay(now, stale.timezone),
          ticketHash: await ticketHash(ws.id, t),
          issuedAt: now - 1000,
        },
        guard,
      ),
      // Unguarded, rules [] would resolve the open follow-up as answer_changed.
      ...followUpStatementsForAnswer(
        db,
        { ...where, rules: stale.rules, cesScale: stale.cesScale, now, day: localDay(now, stale.timezone) },
        guard,
      ),
      responseEventStatement(shard, { ...where, now }, guard),
    ]);
    expect(upserted?.results).toEqual([]);
    expect(await responseOf(ws.defaultSurveyId, t)).toMatchObject({ csat: 1 });
    expect(await followUpOf(t)).toMatchObject({ status: "open", resolution: null });
    expect(await deliveries(ws.id)).toEqual(events);

    // The same facts as they stand do hold.
    expect(
      await shard
        .prepare(`SELECT ${factsHold(current).sql} AS held`)
        .bind(...factsHold(current).params)
        .first("held"),
    ).toBe(1);
  });

  it("a webhook endpoint added after the facts were remembered gets the very next answer's event", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    await warm(ws, ws.defaultSurveyId, { csat: 5 });
    expect(await deliveries(ws.id)).toEqual([]);
    await createEndpoint(ws, { url: "https://hooks.example.com/new", events: ["response.created"] });
    const inv = await invite(ws, { ticket_id: ticket("ep") });
    expect((await answer(inv.token, { csat: 4 })).status).toBe(201);
    expect(await deliveries(ws.id)).toEqual(["response.created"]);
  });

  it("an answer changed after new rules emits each event once", async () => {
    const ws = await createWorkspace();
    shard = await databaseOf(ws.id);
    await createEndpoint(ws, {
      url: "https://hooks.example.com/all",
      events: ["response.created", "response.updated", "follow_up.opened", "follow_up.updated"],
    });
    const t = ticket("once");
    const inv = await invite(ws, { ticket_id: t });
    expect((await answer(inv.token, { csat: 5 })).status).toBe(201);
    expect(
      (await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules: [{ metric: "csat" }] } })).status,
    ).toBe(200);
    expect((await answer(inv.token, { csat: 4 })).status).toBe(200);
    expect(await deliveries(ws.id)).toEqual(["follow_up.opened", "response.created", "response.updated"]);
  });
});
