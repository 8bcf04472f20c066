import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../worker/follow-ups/rules";
import { createEndpoint, pendingDeliveries, receiver, runConsumer } from "../support/worker/events";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, repurchase, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function followUps(ws: TestWorkspace, query = "") {
  const res = await call("GET", `/v1/follow-ups${query}`, { key: ws.key });
  expect(res.status).toBe(200);
  return res.body.items as Record<string, any>[];
}

const patch = (ws: TestWorkspace, id: string, body: unknown) =>
  call("PATCH", `/v1/follow-ups/${id}`, { key: ws.key, body });

describe("follow-up rules", () => {
  it("default to NPS ≤ 6, CSAT ≤ 2, CES effort5 ≥ 4 / agree7 ≤ 3", async () => {
    const ws = await createWorkspace();
    const res = await call("GET", "/v1/follow-up-rules", { key: ws.key });
    expect(res.body.rules).toEqual(DEFAULT_RULES);
    const nps = await createSurvey(ws, { questions: [{ type: "nps" }] });
    const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
    const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7" });
    const cases: [string, string, Record<string, number>, boolean][] = [
      [nps, "n6", { nps: 6 }, true],
      [nps, "n7", { nps: 7 }, false],
      [ws.defaultSurveyId, "c2", { csat: 2 }, true],
      [ws.defaultSurveyId, "c3", { csat: 3 }, false],
      [effort, "e4", { ces: 4 }, true],
      [effort, "e3", { ces: 3 }, false],
      [agree, "a3", { ces: 3 }, true],
      [agree, "a4", { ces: 4 }, false],
    ];
    for (const [survey, ticket, answers] of cases) {
      const inv = await invite(ws, { survey_id: survey, ticket_id: ticket });
      expect((await answer(inv.token, answers)).status).toBe(201);
    }
    const opened = (await followUps(ws)).map((f) => f.ticket_id).sort();
    expect(opened).toEqual(
      cases
        .filter((c) => c[3])
        .map((c) => c[1])
        .sort(),
    );
  });

  it("are replaced by PUT, narrowed by segment, and [] turns follow-ups off", async () => {
    const ws = await createWorkspace();
    const put = await call("PUT", "/v1/follow-up-rules", {
      key: ws.key,
      body: { rules: [{ metric: "csat", max: 3, channel: "email" }] },
    });
    expect(put.status).toBe(200);
    expect((await call("GET", "/v1/follow-up-rules", { key: ws.key })).body.rules).toEqual([
      { metric: "csat", max: 3, channel: "email" },
    ]);
    await answer((await invite(ws, { ticket_id: "mail", channel: "email" })).token, { csat: 3 });
    await answer((await invite(ws, { ticket_id: "chat", channel: "chat" })).token, { csat: 1 });
    expect((await followUps(ws)).map((f) => f.ticket_id)).toEqual(["mail"]);
    expect((await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules: [] } })).status).toBe(200);
    await answer((await invite(ws, { ticket_id: "mail2", channel: "email" })).token, { csat: 1 });
    expect((await followUps(ws)).map((f) => f.ticket_id)).toEqual(["mail"]);
  });

  it.each([
    [{ metric: "nps", min: 7, max: 3 }],
    [{ metric: "csat", max: 0 }],
    [{ metric: "csat", min: 6 }],
    [{ metric: "ces", ces_scale: "effort5", min: 6 }],
    [{ metric: "nps", ces_scale: "agree7", max: 3 }],
  ])("refuses a rule that nothing can match (%j) with 422 and keeps the old rules", async (rule) => {
    const ws = await createWorkspace();
    const res = await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules: [rule] } });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toMatch(/^rules\.0/);
    expect((await call("GET", "/v1/follow-up-rules", { key: ws.key })).body.rules).toEqual(DEFAULT_RULES);
  });

  it("refuses unknown metrics and fields, and needs the admin scope to change", async () => {
    const ws = await createWorkspace();
    for (const rules of [[{ metric: "effort", max: 2 }], [{ metric: "csat", max: 2, agent: "x" }], "none"]) {
      expect((await call("PUT", "/v1/follow-up-rules", { key: ws.key, body: { rules } })).status).toBe(422);
    }
    const key = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "w", scopes: ["read", "write"] } });
    const res = await call("PUT", "/v1/follow-up-rules", { key: key.body.api_key, body: { rules: [] } });
    expect(res.status).toBe(403);
  });
});

describe("the follow-up lifecycle", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createWorkspace("Lifecycle");
  });

  it("opens one follow-up per ticket and survey, with the answer, the ticket and its segments", async () => {
    const inv = await invite(ws, {
      ticket_id: "L-1",
      agent: "Léa",
      team: "FR",
      channel: "chat",
      request_type: "refund",
    });
    await answer(inv.token, { csat: 1 }, { comment: "Jamais reçu" });
    await answer(inv.token, { csat: 2 });
    const items = await followUps(ws);
    expect(items).toHaveLength(1);
    const responses = await call("GET", "/v1/responses", { key: ws.key });
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^fup_/),
      response_id: responses.body.items[0].id,
      ticket_id: "L-1",
      source: "own",
      survey_id: ws.defaultSurveyId,
      answers: { csat: 2 },
      comment: "Jamais reçu",
      channel: "chat",
      request_type: "refund",
      agent: "Léa",
      team: "FR",
      status: "open",
      assignee: null,
      note: null,
      resolution: null,
      opened_at: expect.any(String),
      contacted_at: null,
      updated_at: expect.any(String),
      resolved_at: null,
    });
  });

  it("keeps the same ticket id from two sources as two follow-ups, each naming its source", async () => {
    const shop = await createWorkspace();
    await answer((await invite(shop, { ticket_id: "42", source: "zendesk" })).token, { csat: 1 });
    await answer((await invite(shop, { ticket_id: "42" })).token, { csat: 2 });
    const items = await followUps(shop);
    expect(items.map((f) => [f.source, f.ticket_id, f.answers.csat]).sort()).toEqual([
      ["own", "42", 2],
      ["zendesk", "42", 1],
    ]);
    // Changing one answer resolves only that ticket's follow-up.
    await answer((await invite(shop, { ticket_id: "42", source: "zendesk" })).token, { csat: 5 });
    const after = await followUps(shop);
    expect(after.find((f) => f.source === "zendesk")).toMatchObject({
      status: "resolved",
      resolution: "answer_changed",
    });
    expect(after.find((f) => f.source === "own")).toMatchObject({ status: "open" });
  });

  it("goes open → contacted → resolved with an assignee and a note", async () => {
    const [f] = await followUps(ws, "?status=open");
    const assigned = await patch(ws, f?.id, { assignee: "Nora", note: "Calling tomorrow" });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: "open", assignee: "Nora", note: "Calling tomorrow" });
    const contacted = await patch(ws, f?.id, { status: "contacted" });
    expect(contacted.body).toMatchObject({ status: "contacted", contacted_at: expect.any(String), resolved_at: null });
    const resolved = await patch(ws, f?.id, { status: "resolved", note: "Refunded" });
    expect(resolved.body).toMatchObject({
      status: "resolved",
      resolution: "handled",
      note: "Refunded",
      contacted_at: contacted.body.contacted_at,
      resolved_at: expect.any(String),
    });
    expect(await followUps(ws, "?status=open")).toEqual([]);
    expect((await followUps(ws, "?assignee=Nora")).map((x) => x.id)).toEqual([f?.id]);
  });

  it("refuses unknown statuses (422), impossible moves (409), and other workspaces' follow-ups (404)", async () => {
    const [f] = await followUps(ws);
    expect((await patch(ws, f?.id, { status: "closed" })).status).toBe(422);
    expect((await patch(ws, f?.id, { priority: "high" })).status).toBe(422);
    const move = await patch(ws, f?.id, { status: "contacted" });
    expect(move.status).toBe(409);
    expect((await followUps(ws))[0]).toMatchObject({ status: "resolved", note: "Refunded" });
    const other = await createWorkspace();
    expect((await patch(other, f?.id, { note: "x" })).status).toBe(404);
    expect((await call("GET", "/v1/follow-ups", { key: other.key })).body.items).toEqual([]);
  });

  it("goes straight from open to resolved, which counts as contacted", async () => {
    const inv = await invite(ws, { ticket_id: "L-2" });
    await answer(inv.token, { csat: 1 });
    const [f] = await followUps(ws, "?status=open");
    const res = await patch(ws, f?.id, { status: "resolved" });
    expect(res.body).toMatchObject({ status: "resolved", resolution: "handled", contacted_at: res.body.resolved_at });
  });

  it("resolves as answer_changed when a changed answer no longer matches, and reopens if it matches again", async () => {
    const inv = await invite(ws, { ticket_id: "L-3" });
    await answer(inv.token, { csat: 2 });
    const [before] = (await followUps(ws)).filter((f) => f.ticket_id === "L-3");
    expect(before?.status).toBe("open");
    await answer(inv.token, { csat: 5 });
    const [after] = (await followUps(ws)).filter((f) => f.ticket_id === "L-3");
    expect(after).toMatchObject({
      id: before?.id,
      status: "resolved",
      resolution: "answer_changed",
      contacted_at: null,
    });
    await answer(inv.token, { csat: 1 });
    const [again] = (await followUps(ws)).filter((f) => f.ticket_id === "L-3");
    expect(again).toMatchObject({ id: before?.id, status: "open", resolution: null, resolved_at: null });
  });

  it("keeps a resolved follow-up resolved when the answer changes but still matches", async () => {
    const [done] = (await followUps(ws)).filter((f) => f.ticket_id === "L-2");
    const inv = await invite(ws, { ticket_id: "L-2" });
    await answer(inv.token, { csat: 2 });
    const [still] = (await followUps(ws)).filter((f) => f.ticket_id === "L-2");
    expect(still).toMatchObject({ id: done?.id, status: "resolved", resolution: "handled" });
  });

  it("lists oldest first, pages with a cursor and filters by agent, team and channel", async () => {
    const all = await followUps(ws);
    const opened = all.map((f) => f.opened_at);
    expect(opened).toEqual([...opened].sort());
    const first = await call("GET", "/v1/follow-ups?limit=1", { key: ws.key });
    const second = await call("GET", `/v1/follow-ups?limit=1&cursor=${first.body.next_cursor}`, { key: ws.key });
    expect(second.body.items[0].id).toBe(all[1]?.id);
    expect((await followUps(ws, "?agent=L%C3%A9a&team=FR&channel=chat")).map((f) => f.ticket_id)).toEqual(["L-1"]);
    expect((await call("GET", "/v1/follow-ups?cursor=nope", { key: ws.key })).status).toBe(422);
    expect((await call("GET", "/v1/follow-ups?status=closed", { key: ws.key })).status).toBe(422);
  });

  it("emits follow_up.opened and follow_up.updated to subscribed endpoints", async () => {
    const shop = await createWorkspace();
    await createEndpoint(shop, {
      url: "https://hooks.example.com/f",
      events: ["follow_up.opened", "follow_up.updated"],
    });
    const inv = await invite(shop, { ticket_id: "E-1" });
    await answer(inv.token, { csat: 1 });
    const opened = await pendingDeliveries(shop.id);
    expect(opened.map((d) => d.type)).toEqual(["follow_up.opened"]);
    const [f] = await followUps(shop);
    await patch(shop, f?.id, { status: "contacted", assignee: "Nora" });
    await patch(shop, f?.id, { assignee: "Nora" }); // no change, no event
    const all = await pendingDeliveries(shop.id);
    expect(all.map((d) => d.type)).toEqual(["follow_up.opened", "follow_up.updated"]);
    const rx = receiver(200);
    restore = rx.restore;
    await runConsumer(all.map((d) => d.id));
    const bodies = rx.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.type, b.data.id])).toEqual([
      ["follow_up.opened", f?.id],
      ["follow_up.updated", f?.id],
    ]);
    expect(bodies[1].data).toEqual((await followUps(shop))[0]);
  });
});

describe("GET /v1/follow-ups/summary", () => {
  it("counts and takes medians in hours, for the follow-ups opened in [from, to)", async () => {
    const ws = await createWorkspace();
    for (const t of ["S-1", "S-2", "S-3", "S-4"]) await answer((await invite(ws, { ticket_id: t })).token, { csat: 1 });
    const items = await followUps(ws);
    const H = 3_600_000;
    const at = Date.parse("2026-03-10T09:00:00Z");
    // S-1 contacted after 2 h; S-2 after 4 h and resolved after 10 h; S-3 resolved straight after 1 h; S-4 open.
    const times: [number | null, number | null, string][] = [
      [2 * H, null, "contacted"],
      [4 * H, 10 * H, "resolved"],
      [1 * H, 1 * H, "resolved"],
      [null, null, "open"],
    ];
    await env.DB.batch(
      items.map((f, i) => {
        const [c, r, status] = times[i] as [number | null, number | null, string];
        return env.DB.prepare(
          "UPDATE follow_ups SET opened_at = ?, opened_day = '2026-03-10', contacted_at = ?, resolved_at = ?, status = ? WHERE id = ?",
        ).bind(at, c == null ? null : at + c, r == null ? null : at + r, status, f.id);
      }),
    );
    const res = await call("GET", "/v1/follow-ups/summary?from=2026-03-01&to=2026-04-01", { key: ws.key });
    expect(res.body).toEqual({
      opened: 4,
      contacted: 3,
      resolved: 2,
      open: 1,
      median_hours_to_contact: 2,
      median_hours_to_resolve: 5.5,
    });
    const empty = await call("GET", "/v1/follow-ups/summary?from=2026-04-01&to=2026-05-01", { key: ws.key });
    expect(empty.body).toEqual({
      opened: 0,
      contacted: 0,
      resolved: 0,
      open: 0,
      median_hours_to_contact: null,
      median_hours_to_resolve: null,
    });
    expect((await call("GET", "/v1/follow-ups/summary?from=2026-04-01&to=2026-03-01", { key: ws.key })).status).toBe(
      422,
    );
  });
});

describe("erasure and follow-ups", () => {
  it("erases an erased customer's follow-ups and drops their queued events", async () => {
    const ws = await createWorkspace();
    await createEndpoint(ws, { url: "https://hooks.example.com/e" });
    await answer((await invite(ws, { ticket_id: "X-1", customer: { email: "gone@x.io" } })).token, { csat: 1 });
    await answer((await invite(ws, { ticket_id: "X-2", customer: { email: "kept@x.io" } })).token, { csat: 1 });
    const queued = await pendingDeliveries(ws.id);
    expect(queued).toHaveLength(4);
    const res = await call("DELETE", "/v1/customers?email=gone@x.io", { key: ws.key });
    expect(res.status).toBe(200);
    expect((await followUps(ws)).map((f) => f.ticket_id)).toEqual(["X-2"]);
    const left = await pendingDeliveries(ws.id);
    expect(left).toHaveLength(2);
    const rx = receiver(200);
    restore = rx.restore;
    const result = await runConsumer(queued.map((d) => d.id));
    expect(result.explicitAcks).toHaveLength(4);
    expect(rx.received).toHaveLength(2);
    expect(rx.received.map((r) => r.body).join("")).not.toContain("X-1");
  });
});

describe("GET /v1/repurchase?group_by=follow_up", () => {
  it("splits contacted, not contacted and no follow-up, as computed by hand", async () => {
    const ws = await createWorkspace("Loop Co", "Europe/Paris");
    await setIntegration(ws, "standard", STANDARD_SECRET);
    const T = Date.parse("2026-05-04T10:00:00Z");
    // ticket, csat (null: no answer), what the team does, whether the customer buys within 30 days.
    const plan: [string, number | null, "contacted" | "resolved" | "open" | "changed" | null, boolean][] = [
      ["A", 1, "contacted", true],
      ["B", 2, "resolved", false],
      ["C", 1, "open", true],
      ["D", 2, "open", false],
      ["E", 1, "changed", false],
      ["F", 5, null, true],
      ["G", null, null, false],
    ];
    for (const [ticket, csat, action, buys] of plan) {
      const email = `${ticket.toLowerCase()}@loop.io`;
      const inv = await invite(ws, { ticket_id: ticket, customer: { email }, closed_at: iso(T) });
      if (csat != null) await answer(inv.token, { csat });
      if (action === "changed") await answer(inv.token, { csat: 5 });
      if (action === "contacted" || action === "resolved") {
        const f = (await followUps(ws)).find((x) => x.ticket_id === ticket);
        expect((await patch(ws, f?.id, { status: action })).status).toBe(200);
      }
      if (buys) {
        await sendStandard(ws, {
          type: "order.created",
          data: {
            order_id: `O-${ticket}`,
            customer: { email },
            placed_at: iso(T + 3 * DAY),
            total: "10.00",
            currency: "EUR",
          },
        });
      }
    }
    const r = await repurchase(ws, { as_of: iso(T + 45 * DAY), group_by: "follow_up" });
    const groups = Object.fromEntries(r.groups.map((g: any) => [g.key, [g.eligible, g.repurchased, g.rate]]));
    expect(groups).toEqual({
      contacted: [2, 1, 1 / 2],
      not_contacted: [3, 1, 1 / 3],
      none: [2, 1, 1 / 2],
    });
    expect(r).toMatchObject({ eligible: 7, repurchased: 3 });
  });
});
