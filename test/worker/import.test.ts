import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

const importJson = (ws: TestWorkspace, items: unknown[], query = "") =>
  call("POST", `/v1/responses/import${query}`, { key: ws.key, body: { items } });
const importCsv = (ws: TestWorkspace, csv: string, query = "") =>
  call("POST", `/v1/responses/import${query}`, { key: ws.key, raw: csv, headers: { "content-type": "text/csv" } });

const DAY = 86_400_000;
const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function scores(ws: TestWorkspace, metric: string, groupBy: string) {
  const res = await call("GET", `/v1/scores?metric=${metric}&group_by=${groupBy}`, { key: ws.key });
  expect(res.status).toBe(200);
  return res.body;
}

async function comments(ws: TestWorkspace): Promise<string[]> {
  const res = await call("GET", "/v1/responses?limit=100", { key: ws.key });
  return (res.body.items as { comment: string | null }[]).map((r) => r.comment ?? "").sort();
}

describe("POST /v1/responses/import", () => {
  it("imports valid items, reports the bad ones by index and writes nothing for them", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }, { type: "nps" }], comment: true });
    const good = {
      survey_id: survey,
      ticket_id: "Z-1",
      answers: { csat: 5, nps: 9 },
      submitted_at: past(3),
      channel: "email",
      comment: "Très bien",
    };
    const res = await importJson(ws, [
      good,
      { ...good, ticket_id: "Z-2", survey_id: "srv_nope" },
      { ...good, ticket_id: "Z-3", answers: { csat: 6 } },
      { ...good, ticket_id: "Z-4", submitted_at: new Date(Date.now() + 2 * DAY).toISOString() },
      { ...good, ticket_id: "Z-5", submitted_at: "yesterday" },
      { ...good, ticket_id: "Z-6", answers: { csat: 2 }, channel: "chat" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.updated).toBe(0);
    expect(res.body.errors.map((e: { index: number; code: string }) => [e.index, e.code])).toEqual([
      [1, "unknown_survey"],
      [2, "invalid_answers"],
      [3, "future_date"],
      [4, "invalid_date"],
    ]);
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM responses WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(2);
    // The rollups saw them as live answers: 1 of 2 satisfied, on the day they were given.
    const csat = await scores(ws, "csat", "channel");
    expect(csat).toMatchObject({ n: 2, csat: 50 });
    expect(csat.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ["chat", 1],
      ["email", 1],
    ]);
    const byDay = await scores(ws, "nps", "day");
    expect(byDay.groups[0].key).toBe(past(3).slice(0, 10));
  });

  it("is idempotent per ticket and survey, and counts real changes as updated", async () => {
    const ws = await createWorkspace();
    const item = { survey_id: ws.defaultSurveyId, ticket_id: "ID-1", answers: { csat: 4 }, submitted_at: past(1) };
    expect((await importJson(ws, [item])).body).toEqual({ imported: 1, updated: 0, errors: [] });
    expect((await importJson(ws, [item])).body).toEqual({ imported: 0, updated: 0, errors: [] });
    expect((await importJson(ws, [{ ...item, answers: { csat: 1 } }])).body).toEqual({
      imported: 0,
      updated: 1,
      errors: [],
    });
    const csat = await scores(ws, "csat", "day");
    expect(csat).toMatchObject({ n: 1, csat: 0 });
  });

  it("refuses a foreign CSV header, a wrong content type and too many items", async () => {
    const ws = await createWorkspace();
    const foreign = await importCsv(ws, "Ticket ID,Rating,Comment\r\n1,good,ok\r\n");
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe("foreign_csv_header");
    const plain = await call("POST", "/v1/responses/import", {
      key: ws.key,
      raw: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(415);
    const many = await importJson(
      ws,
      Array.from({ length: 1001 }, () => ({})),
    );
    expect(many.status).toBe(422);
    expect(many.body.error.details[0].path).toBe("items");
    const readOnly = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "ro", scopes: ["read"] } });
    expect(
      (await call("POST", "/v1/responses/import", { key: readOnly.body.api_key, body: { items: [] } })).status,
    ).toBe(403);
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM responses WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it("round trip: export → import into an empty workspace gives the same scores and comments", async () => {
    const piece = fc.constantFrom(
      "é",
      "à",
      "ç",
      "Ü",
      "œ",
      "=1+2",
      "-3",
      "+",
      "@x",
      ",",
      ";",
      '"',
      "\n",
      "\t",
      "ok",
      " ",
      "日本",
    );
    const item = fc.record({
      csat: fc.integer({ min: 1, max: 5 }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      comment: fc.array(piece, { maxLength: 6 }).map((p) => p.join("")),
      daysAgo: fc.integer({ min: 0, max: 40 }),
      channel: fc.constantFrom("email", "chat", "=phone", undefined),
      agent: fc.constantFrom("Zoé", "Ana", undefined),
    });
    const delimiter = fc.constantFrom("comma", "semicolon", "tab");
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), delimiter, async (items, delim) => {
        const from = await createWorkspace();
        const fromSurvey = await createSurvey(from, { questions: [{ type: "csat" }, { type: "nps" }], comment: true });
        // One live answer too, so the export holds what the API itself recorded.
        const { token } = await invite(from, { survey_id: fromSurvey, ticket_id: "LIVE-1", channel: "chat" });
        await answer(token, { csat: 3 }, { comment: "Réponse en direct" });
        const seeded = await importJson(
          from,
          items.map((it, i) => ({
            survey_id: fromSurvey,
            ticket_id: `P-${i}`,
            answers: it.nps === undefined ? { csat: it.csat } : { csat: it.csat, nps: it.nps },
            comment: it.comment,
            submitted_at: past(it.daysAgo),
            channel: it.channel,
            agent: it.agent,
          })),
        );
        expect(seeded.body.errors).toEqual([]);

        const exported = await call("GET", `/v1/responses.csv?delimiter=${delim}`, { key: from.key });
        expect(exported.status).toBe(200);
        const to = await createWorkspace();
        const toSurvey = await createSurvey(to, { questions: [{ type: "csat" }, { type: "nps" }], comment: true });
        const imported = await importCsv(to, exported.text, `?survey_id=${toSurvey}`);
        expect(imported.status).toBe(200);
        expect(imported.body).toEqual({ imported: items.length + 1, updated: 0, errors: [] });
        for (const metric of ["csat", "nps"]) {
          for (const groupBy of ["day", "channel", "agent"]) {
            const a = await scores(from, metric, groupBy);
            const b = await scores(to, metric, groupBy);
            expect(b).toEqual(a);
          }
        }
        expect(await comments(to)).toEqual(await comments(from));

        // Re-imported where it came from: nothing changes.
        const again = await importCsv(from, exported.text);
        expect(again.body).toEqual({ imported: 0, updated: 0, errors: [] });
        const exportedAgain = await call("GET", `/v1/responses.csv?delimiter=${delim}`, { key: from.key });
        expect(exportedAgain.text).toBe(exported.text);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
