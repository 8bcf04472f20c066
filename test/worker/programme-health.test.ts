import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

async function answer(token: string, answers: Record<string, number>) {
  const res = await call("POST", "/v1/responses", { body: { token, answers } });
  expect(res.status).toBe(201);
}

const rate = (ws: TestWorkspace, query = "") => call("GET", `/v1/response-rate${query}`, { key: ws.key });
const patchWorkspace = (ws: TestWorkspace, body: unknown) => call("PATCH", "/v1/workspace", { key: ws.key, body });

describe("GET /v1/response-rate", () => {
  it("counts invited and answered tickets, overall and by segment", async () => {
    const ws = await createWorkspace();
    const a = await invite(ws, { ticket_id: "R-1", channel: "email" });
    await invite(ws, { ticket_id: "R-2", channel: "email" });
    await invite(ws, { ticket_id: "R-3", channel: "email" });
    const d = await invite(ws, { ticket_id: "R-4", channel: "chat" });
    await answer(a.token, { csat: 5 });
    await answer(d.token, { csat: 2 });
    // Re-inviting a ticket is the same invitation: it is not counted twice.
    await invite(ws, { ticket_id: "R-1", channel: "email" });

    const whole = await rate(ws);
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual({ invited: 4, answered: 2, rate: 0.5 });

    const byChannel = await rate(ws, "?group_by=channel");
    expect(byChannel.body.groups).toEqual([
      { key: "chat", invited: 1, answered: 1, rate: 1 },
      { key: "email", invited: 3, answered: 1, rate: 1 / 3 },
    ]);
    expect((await rate(ws, "?channel=email")).body).toEqual({ invited: 3, answered: 1, rate: 1 / 3 });
  });

  it("counts on the day of the first invitation, and per survey", async () => {
    const ws = await createWorkspace();
    const other = await createSurvey(ws, { questions: [{ type: "nps" }] });
    await invite(ws, { ticket_id: "D-1" });
    await invite(ws, { ticket_id: "D-1", survey_id: other });
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await rate(ws, "?group_by=day");
    expect(byDay.body.groups).toEqual([{ key: today, invited: 2, answered: 0, rate: 0 }]);
    expect((await rate(ws, `?survey_id=${other}`)).body).toEqual({ invited: 1, answered: 0, rate: 0 });
    // A day after today: nothing; the rate of nothing is null, never 0 or NaN.
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    expect((await rate(ws, `?from=${tomorrow}`)).body).toEqual({ invited: 0, answered: 0, rate: null });
  });

  it("rejects an unknown group_by and reversed days with a 422 naming the field", async () => {
    const ws = await createWorkspace();
    const bad = await rate(ws, "?group_by=planet");
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe("group_by");
    const reversed = await rate(ws, "?from=2026-02-01&to=2026-01-01");
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.details[0].path).toBe("to");
  });
});

describe("survey fatigue", () => {
  it("shows and sets survey_cooldown_days, 0–365", async () => {
    const ws = await createWorkspace();
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.survey_cooldown_days).toBe(0);
    expect((await patchWorkspace(ws, { survey_cooldown_days: 30 })).body.survey_cooldown_days).toBe(30);
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.survey_cooldown_days).toBe(30);
    for (const bad of [-1, 366, 1.5, "7"]) {
      const res = await patchWorkspace(ws, { survey_cooldown_days: bad });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].path).toBe("survey_cooldown_days");
    }
    expect((await call("GET", "/v1/workspace", { key: ws.key })).body.survey_cooldown_days).toBe(30);
  });

  it("refuses a second ticket of a customer invited within the cooldown, never the same ticket", async () => {
    const ws = await createWorkspace();
    await patchWorkspace(ws, { survey_cooldown_days: 30 });
    const before = Date.now();
    await invite(ws, { ticket_id: "F-1", customer: { email: "ana@example.com" } });
    const after = Date.now();

    const second = await call("POST", "/v1/invitations", {
      key: ws.key,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "F-2", customer: { email: "  ANA@example.com " } },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("throttled");
    const next = Date.parse(second.body.error.details.next_eligible_at);
    expect(next).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(next).toBeLessThanOrEqual(after + 30 * DAY);

    // The same ticket again: never throttled.
    await invite(ws, { ticket_id: "F-1", customer: { email: "ana@example.com" } });
    // Another customer, or a ticket without a customer: not concerned.
    await invite(ws, { ticket_id: "F-3", customer: { email: "bob@example.com" } });
    await invite(ws, { ticket_id: "F-4" });
    // The refused ticket is not an invitation: the rate counts F-1, F-3, F-4.
    expect((await rate(ws)).body.invited).toBe(3);
  });

  it("matches the customer by id as repurchase does", async () => {
    const ws = await createWorkspace();
    await patchWorkspace(ws, { survey_cooldown_days: 7 });
    await invite(ws, { ticket_id: "I-1", customer: { id: "cus_9", email: "c@example.com" } });
    const res = await call("POST", "/v1/invitations", {
      key: ws.key,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "I-2", customer: { id: "cus_9" } },
    });
    expect(res.status).toBe(409);
  });

  it("issues at most one of two concurrent invitations for the same customer", async () => {
    const ws = await createWorkspace();
    await patchWorkspace(ws, { survey_cooldown_days: 30 });
    const statuses = await Promise.all(
      ["C-1", "C-2", "C-3"].map(
        async (ticket) =>
          (
            await call("POST", "/v1/invitations", {
              key: ws.key,
              body: { survey_id: ws.defaultSurveyId, ticket_id: ticket, customer: { email: "race@example.com" } },
            })
          ).status,
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
  });

  it("answers a support hook 200 {throttled, next_eligible_at} without links", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    await patchWorkspace(ws, { survey_cooldown_days: 10 });
    const closed = (ticket: string) => ({
      type: "interaction.closed",
      data: { ticket_id: ticket, customer: { email: "hook@example.com" }, closed_at: new Date().toISOString() },
    });
    const first = await sendStandard(ws, closed("H-1"));
    expect(first.status).toBe(200);
    expect(first.body.token).toBeTypeOf("string");
    const second = await sendStandard(ws, closed("H-2"));
    expect(second.status).toBe(200);
    expect(second.body.throttled).toBe(true);
    expect(second.body.token).toBeUndefined();
    expect(Date.parse(second.body.next_eligible_at)).toBeGreaterThan(Date.now() + 9 * DAY);
    // The same ticket's next delivery (a reopen) still gets its links.
    const again = await sendStandard(ws, closed("H-1"));
    expect(again.body.token).toBeTypeOf("string");
  });

  it("lets the customer in again once the cooldown has passed", async () => {
    const ws = await createWorkspace();
    await patchWorkspace(ws, { survey_cooldown_days: 5 });
    await invite(ws, { ticket_id: "P-1", customer: { email: "past@example.com" } });
    // Age the first invitation past the cooldown.
    await env.DB.prepare("UPDATE invitations SET invited_at = invited_at - ? WHERE workspace_id = ?")
      .bind(5 * DAY + 1000, ws.id)
      .run();
    await invite(ws, { ticket_id: "P-2", customer: { email: "past@example.com" } });
  });
});

describe("brand", () => {
  it("keeps a survey's accent, and refuses one too light for white text", async () => {
    const ws = await createWorkspace();
    const ok = await call("POST", "/v1/surveys", {
      key: ws.key,
      body: { name: "Brand", questions: [{ type: "csat" }], theme: { accent: "#0B6E4F" } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.theme).toEqual({ accent: "#0b6e4f" });
    // #767676 is the classic AA limit on white (4.54:1); #777777 falls just under (4.48:1).
    const limit = await call("POST", "/v1/surveys", {
      key: ws.key,
      body: { name: "Grey", questions: [{ type: "csat" }], theme: { accent: "#767676" } },
    });
    expect(limit.status).toBe(201);
    for (const accent of ["#777777", "#ffcc00", "#ffffff"]) {
      const res = await call("POST", "/v1/surveys", {
        key: ws.key,
        body: { name: "Light", questions: [{ type: "csat" }], theme: { accent } },
      });
      expect(res.status, accent).toBe(422);
      expect(res.body.error.code).toBe("low_contrast");
      expect(res.body.error.details[0].path).toBe("theme.accent");
    }
    const malformed = await call("POST", "/v1/surveys", {
      key: ws.key,
      body: { name: "Bad", questions: [{ type: "csat" }], theme: { accent: "green" } },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details[0].path).toBe("theme.accent");
    const list = await call("GET", "/v1/surveys", { key: ws.key });
    expect(list.body.items).toHaveLength(3); // the default, Brand and Grey
  });

  it("serves the accent's stylesheet and links it from the hosted page and survey.json", async () => {
    const ws = await createWorkspace();
    const survey = await createSurvey(ws, { questions: [{ type: "csat" }], theme: { accent: "#0b6e4f" } });
    const { token } = await invite(ws, { survey_id: survey, ticket_id: "BR-1" });
    const page = await call("GET", `/s/${token}`);
    expect(page.text).toContain('<link rel="stylesheet" href="/theme/0b6e4f.css"/>');
    expect(page.text).not.toMatch(/style="/);
    const css = await call("GET", "/theme/0b6e4f.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(css.text).toContain("--ac-accent:#0b6e4f");
    expect(css.text).toContain("--page-accent:#0b6e4f");
    expect((await call("GET", "/theme/zzzzzz.css")).status).toBe(404);
    expect((await call("GET", `/s/${token}/survey.json`)).body.theme).toEqual({ accent: "#0b6e4f" });
    const plain = await invite(ws, { ticket_id: "BR-2" });
    expect((await call("GET", `/s/${plain.token}`)).text).not.toContain("/theme/");
  });
});
