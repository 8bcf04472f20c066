import { beforeAll, describe, expect, it } from "vitest";
import { isoWeek, localDay } from "../../worker/domain/local-day";
import { answer, call, createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";

// Answers are recorded now, so the report asked for is the current (UTC) week.
const WEEK = isoWeek(localDay(Date.now(), "UTC")).label;
let ws: TestWorkspace;
let survey: string;

async function ticket(
  id: string,
  cost: { minutes?: number; compensation?: { amount: string; currency: string } },
  answers: Record<string, number> | null,
  comment?: string,
) {
  const res = await call("POST", "/v1/invitations", {
    key: ws.key,
    body: {
      survey_id: survey,
      ticket_id: id,
      ...(cost.minutes !== undefined ? { handling_minutes: cost.minutes } : {}),
      ...(cost.compensation ? { compensation: cost.compensation } : {}),
    },
  });
  expect(res.status).toBe(201);
  if (answers) expect((await answer(res.body.token, answers, comment ? { comment } : {})).status).toBe(201);
}

const weekly = async (w: TestWorkspace) => {
  const res = await call("GET", `/v1/reports/weekly?week=${WEEK}`, { key: w.key });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  ws = await createWorkspace("Costly", "UTC");
  survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }], comment: true });
  await call("PATCH", "/v1/workspace", { key: ws.key, body: { cost_per_hour: { amount: "60.00", currency: "EUR" } } });
  // At 60 EUR an hour a minute costs 1.00 EUR.
  await ticket("A", { minutes: 30 }, { csat: 5 }, "quick and kind");
  await ticket(
    "B",
    { minutes: 10, compensation: { amount: "50.00", currency: "EUR" } },
    { nps: 2 },
    "refund took weeks",
  );
  await ticket("C", { minutes: 90 }, { csat: 4 });
  await ticket("D", { minutes: 5 }, { csat: 2 }, "meh");
  await ticket("E", { compensation: { amount: "100.00", currency: "USD" } }, { nps: 9 });
  await ticket("F", { minutes: 20.5 }, { nps: 10 });
  await ticket("P", { minutes: 120 }, { nps: 10, csat: 5 }, "lovely");
  // Costly but never answered, and answered but costless: neither is in the ranking.
  await ticket("G", { minutes: 400 }, null);
  await ticket("H", {}, { nps: 0 }, "no cost recorded");
});

describe("weekly report: costliest and ticket of the week", () => {
  it("ranks the five costliest answered interactions, costliest first, with cost, answers and comment", async () => {
    const body = await weekly(ws);
    expect(body.costliest.map((t: { ticket_id: string }) => t.ticket_id)).toEqual(["P", "C", "B", "A", "F"]);
    expect(body.costliest[2]).toEqual({
      ticket_id: "B",
      source: "own",
      cost: { EUR: "60.00" },
      answers: { nps: 2 },
      comment: "refund took weeks",
      submitted_at: expect.any(String),
      channel: null,
      request_type: null,
      agent: null,
      team: null,
    });
    expect(body.costliest[4].cost).toEqual({ EUR: "20.50" });
    expect(body.costliest[1]).toMatchObject({ cost: { EUR: "90.00" }, answers: { csat: 4 }, comment: null });
  });

  it("names the unhappy answer with the highest cost as the ticket of the week", async () => {
    const body = await weekly(ws);
    // P (promoter) and C (satisfied) cost more but are happy; B (detractor, 60.00) beats
    // D (unsatisfied, 5.00) and H (no cost).
    expect(body.ticket_of_the_week).toMatchObject({ ticket_id: "B", cost: { EUR: "60.00" }, answers: { nps: 2 } });
  });

  it("keeps a compensation in another currency apart, never converted", async () => {
    const other = await createWorkspace("Dollars", "UTC");
    const saved = { ws, survey };
    ws = other;
    survey = other.defaultSurveyId;
    try {
      await ticket("Z", { compensation: { amount: "100.00", currency: "USD" } }, { csat: 1 });
      const body = await weekly(other);
      expect(body.costliest).toEqual([expect.objectContaining({ ticket_id: "Z", cost: { USD: "100.00" } })]);
      expect(body.ticket_of_the_week).toMatchObject({ ticket_id: "Z" });
    } finally {
      ({ ws, survey } = saved);
    }
  });

  it("counts a high-effort answer as unhappy, on either CES scale", async () => {
    for (const [scale, hard, easy] of [
      ["effort5", 5, 1],
      ["agree7", 2, 7],
    ] as const) {
      const other = await createWorkspace(`Effort ${scale}`, "UTC");
      const saved = { ws, survey };
      ws = other;
      survey = await createSurvey(other, { questions: [{ type: "ces" }], ces_scale: scale });
      try {
        await call("PATCH", "/v1/workspace", {
          key: other.key,
          body: { cost_per_hour: { amount: "60.00", currency: "EUR" } },
        });
        await ticket("EASY", { minutes: 50 }, { ces: easy });
        await ticket("HARD", { minutes: 10 }, { ces: hard });
        const body = await weekly(other);
        expect(body.costliest.map((t: { ticket_id: string }) => t.ticket_id)).toEqual(["EASY", "HARD"]);
        expect(body.ticket_of_the_week, scale).toMatchObject({ ticket_id: "HARD", cost: { EUR: "10.00" } });
      } finally {
        ({ ws, survey } = saved);
      }
    }
  });

  it("is empty, not an error, in a week without cost", async () => {
    const empty = await createWorkspace("Quiet", "UTC");
    const body = await weekly(empty);
    expect(body.costliest).toEqual([]);
    expect(body.ticket_of_the_week).toBeNull();
  });
});
