import { describe, expect, it } from "vitest";
import { forgetAnswerFacts } from "../../worker/services/record-answer";
import { createEndpoint, pendingDeliveries } from "../support/worker/events";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

// Re-posting the answer a ticket already gave (a double click, a retried request, the widget
// and the e-mail link both used) is the same answer: it must change nothing at all.

async function responseOf(ws: TestWorkspace, ticketId: string) {
  const res = await call("GET", "/v1/responses", { key: ws.key });
  const found = (res.body.items as Record<string, any>[]).find((r) => r.ticket_id === ticketId);
  if (!found) throw new Error(`no response for ${ticketId}`);
  return found;
}

async function followUpOf(ws: TestWorkspace, ticketId: string) {
  const res = await call("GET", "/v1/follow-ups", { key: ws.key });
  return (res.body.items as Record<string, any>[]).find((f) => f.ticket_id === ticketId);
}

async function csatCount(ws: TestWorkspace) {
  return (await call("GET", "/v1/scores?metric=csat", { key: ws.key })).body.n as number;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("an unchanged re-post", () => {
  it.each([
    ["remembered facts (the fast way)", false],
    ["facts read afresh (the checked way)", true],
  ])("answers 200 with the same id and writes no event, follow-up change or updated_at, on %s", async (_, fresh) => {
    const ws = await createWorkspace();
    await createEndpoint(ws, { url: "https://hooks.example.com/same" });
    const inv = await invite(ws, { ticket_id: "T-same" });
    const first = await answer(inv.token, { csat: 1 }, { comment: "Slow", locale: "fr" });
    expect(first.status).toBe(201);
    const events = (await pendingDeliveries(ws.id)).map((d) => d.type).sort();
    expect(events).toEqual(["follow_up.opened", "response.created"]);
    const before = await responseOf(ws, "T-same");
    const followUp = await followUpOf(ws, "T-same");
    await pause();

    for (const again of [
      { answers: { csat: 1 }, extra: { comment: "Slow", locale: "fr" } },
      { answers: { csat: 1 }, extra: { comment: "  Slow " } },
      { answers: { csat: 1 }, extra: {} },
    ]) {
      if (fresh) forgetAnswerFacts();
      const res = await answer(inv.token, again.answers, again.extra);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(first.body.id);
    }

    expect((await pendingDeliveries(ws.id)).map((d) => d.type).sort()).toEqual(events);
    expect(await responseOf(ws, "T-same")).toEqual(before);
    expect(await followUpOf(ws, "T-same")).toEqual(followUp);
    expect(await csatCount(ws)).toBe(1);
  });

  it("does not resolve or reopen a follow-up under rules changed since the answer", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-rules" });
    await answer(inv.token, { csat: 2 });
    const opened = await followUpOf(ws, "T-rules");
    expect(opened).toMatchObject({ status: "open" });
    const put = await call("PUT", "/v1/follow-up-rules", {
      key: ws.key,
      body: { rules: [{ metric: "csat", max: 1 }] },
    });
    expect(put.status).toBe(200);
    expect((await answer(inv.token, { csat: 2 })).status).toBe(200);
    expect(await followUpOf(ws, "T-rules")).toEqual(opened);
  });

  it("still counts a real change: a new score or comment emits response.updated and bumps updated_at", async () => {
    const ws = await createWorkspace();
    await createEndpoint(ws, { url: "https://hooks.example.com/change", events: ["response.updated"] });
    const inv = await invite(ws, { ticket_id: "T-change" });
    await answer(inv.token, { csat: 4 });
    const before = await responseOf(ws, "T-change");
    await pause();
    expect((await answer(inv.token, { csat: 4 }, { comment: "Thanks" })).status).toBe(200);
    expect((await pendingDeliveries(ws.id)).map((d) => d.type)).toEqual(["response.updated"]);
    const after = await responseOf(ws, "T-change");
    expect(after.comment).toBe("Thanks");
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect((await answer(inv.token, { csat: 5 })).status).toBe(200);
    expect((await pendingDeliveries(ws.id)).map((d) => d.type)).toEqual(["response.updated", "response.updated"]);
    expect(await csatCount(ws)).toBe(1);
  });
});

describe("an unchanged re-post of an imported answer's ticket", () => {
  it("changes nothing when the ticket was invited again without the segments the import gave", async () => {
    const ws = await createWorkspace();
    const imported = await call("POST", "/v1/responses/import", {
      key: ws.key,
      body: {
        items: [
          {
            survey_id: ws.defaultSurveyId,
            ticket_id: "T-imported",
            answers: { csat: 2 },
            submitted_at: new Date(Date.now() - 86_400_000).toISOString(),
            channel: "email",
            agent: "Camille",
          },
        ],
      },
    });
    expect(imported.body).toMatchObject({ imported: 1, errors: [] });
    const inv = await invite(ws, { ticket_id: "T-imported" }); // no channel, no agent
    expect((await answer(inv.token, { csat: 4 })).status).toBe(200);
    await createEndpoint(ws, { url: "https://hooks.example.com/imported" });
    const before = await responseOf(ws, "T-imported");
    expect(before).toMatchObject({ channel: "email", agent: "Camille", answers: { csat: 4 } });
    await pause();
    expect((await answer(inv.token, { csat: 4 })).status).toBe(200);
    expect(await responseOf(ws, "T-imported")).toEqual(before);
    expect(await pendingDeliveries(ws.id)).toEqual([]);
  });
});
