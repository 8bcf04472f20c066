import { describe, expect, it } from "vitest";
import { call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import {
  iso,
  PLAIN_SECRET,
  post,
  STANDARD_SECRET,
  sendStandard,
  setIntegration,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { databaseOf } from "../support/worker/shards";

// docs/future-times.md: a time up to 5 minutes ahead of ours is clock skew and counts as
// now; further ahead, an API caller gets 422 naming the field, and a webhook is recorded
// at its receipt time. Nothing stored is ever later than the moment it arrived.

const MINUTE = 60_000;
const FAR = Date.parse("2099-01-01T00:00:00Z");

async function closedAt(ws: TestWorkspace, ticketId: string, source = "own") {
  const row = await (await databaseOf(ws.id))
    .prepare("SELECT closed_at FROM interactions WHERE workspace_id = ? AND source = ? AND ticket_id = ?")
    .bind(ws.id, source, ticketId)
    .first<{ closed_at: number }>();
  return row?.closed_at;
}

async function placedAt(ws: TestWorkspace, orderId: string) {
  const row = await (await databaseOf(ws.id))
    .prepare("SELECT placed_at FROM orders WHERE workspace_id = ? AND order_id = ?")
    .bind(ws.id, orderId)
    .first<{ placed_at: number }>();
  return row?.placed_at;
}

describe("POST /v1/invitations closed_at", () => {
  it.each([
    ["a day ahead", 1440 * MINUTE],
    ["six minutes ahead", 6 * MINUTE],
  ])("%s is 422 naming closed_at, and records no ticket", async (_, ahead) => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/invitations", {
      key: ws.key,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "T-future", closed_at: iso(Date.now() + ahead) },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["closed_at"]);
    expect(res.body.error.details[0].message).toMatch(/future/);
    expect(await closedAt(ws, "T-future")).toBeUndefined();
  });

  it("within five minutes of skew is accepted as now, never stored ahead", async () => {
    const ws = await createWorkspace();
    const before = Date.now();
    await invite(ws, { ticket_id: "T-skew", closed_at: iso(before + 4 * MINUTE) });
    const after = Date.now();
    const stored = (await closedAt(ws, "T-skew")) as number;
    expect(stored).toBeGreaterThanOrEqual(before);
    expect(stored).toBeLessThanOrEqual(after);
  });

  it("in the past is kept as sent", async () => {
    const ws = await createWorkspace();
    const past = Date.parse("2026-01-05T10:00:00Z");
    await invite(ws, { ticket_id: "T-past", closed_at: iso(past) });
    expect(await closedAt(ws, "T-past")).toBe(past);
  });
});

describe("webhooks with a time ahead of their receipt", () => {
  it("standard interaction.closed and order.created far ahead are recorded at receipt time", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    const before = Date.now();
    const closed = await sendStandard(ws, {
      type: "interaction.closed",
      data: { ticket_id: "T-hook", customer: { email: "ada@example.com" }, closed_at: iso(FAR) },
    });
    const order = await sendStandard(ws, {
      type: "order.created",
      data: {
        order_id: "O-hook",
        customer: { email: "ada@example.com" },
        placed_at: iso(FAR),
        total: "10.00",
        currency: "EUR",
      },
    });
    const after = Date.now();
    expect([closed.status, order.status]).toEqual([200, 200]);
    for (const stored of [await closedAt(ws, "T-hook"), await placedAt(ws, "O-hook")]) {
      expect(stored).toBeGreaterThanOrEqual(before);
      expect(stored).toBeLessThanOrEqual(after);
    }
  });

  it("a later, real closing still moves a ticket whose first closed_at came from the future", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    await sendStandard(ws, { type: "interaction.closed", data: { ticket_id: "T-re", closed_at: iso(FAR) } });
    const first = (await closedAt(ws, "T-re")) as number;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = Date.now();
    await sendStandard(ws, { type: "interaction.closed", data: { ticket_id: "T-re", closed_at: iso(now) } });
    expect(await closedAt(ws, "T-re")).toBe(now);
    expect(now).toBeGreaterThan(first);
  });

  it("a Zendesk trigger's closed_at a year ahead is recorded at receipt time", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "zendesk", PLAIN_SECRET);
    const body = JSON.stringify({ ticket_id: "4521", closed_at: iso(Date.now() + 365 * 1440 * MINUTE) });
    const before = Date.now();
    const res = await post(ws, "zendesk", body, await zendeskHeaders(body));
    const after = Date.now();
    expect(res.status).toBe(200);
    const stored = (await closedAt(ws, "4521", "zendesk")) as number;
    expect(stored).toBeGreaterThanOrEqual(before);
    expect(stored).toBeLessThanOrEqual(after);
  });
});

describe("POST /v1/responses/import submitted_at", () => {
  it("within five minutes of skew is imported as now, never stored ahead", async () => {
    const ws = await createWorkspace();
    const before = Date.now();
    const res = await call("POST", "/v1/responses/import", {
      key: ws.key,
      body: {
        items: [
          {
            survey_id: ws.defaultSurveyId,
            ticket_id: "T-imp",
            answers: { csat: 4 },
            submitted_at: iso(before + 4 * MINUTE),
          },
        ],
      },
    });
    const after = Date.now();
    expect(res.body).toMatchObject({ imported: 1, errors: [] });
    const listed = await call("GET", "/v1/responses", { key: ws.key });
    const submitted = Date.parse(listed.body.items[0].submitted_at);
    expect(submitted).toBeGreaterThanOrEqual(before);
    expect(submitted).toBeLessThanOrEqual(after);
  });
});
