import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { DAY, iso, repurchase, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

/**
 * Import items may carry the ticket's `customer`, with an invitation's identity rules: the
 * imported answers are then segmented by the shop's orders (`customer_tenure`) and counted for
 * repurchase like invited ones. A ticket the workspace does not know is taken as closed when it
 * was answered.
 */

const T = Date.parse("2026-05-04T10:00:00Z");

const placed = (ws: TestWorkspace, id: string, email: string, at: number) =>
  sendStandard(ws, {
    type: "order.created",
    data: { order_id: id, customer: { email }, placed_at: iso(at), total: "10.00", currency: "EUR" },
  });

const importJson = (ws: TestWorkspace, items: unknown[]) =>
  call("POST", "/v1/responses/import", { key: ws.key, body: { items } });

const tenureGroups = async (ws: TestWorkspace) => {
  const res = await call("GET", "/v1/scores?metric=nps&group_by=customer_tenure", { key: ws.key });
  expect(res.status).toBe(200);
  return (res.body.groups as { key: string | null; n: number; nps: number | null }[]).map((g) => [g.key, g.n, g.nps]);
};

async function setup(name: string) {
  const ws = await createWorkspace(name, "Europe/Paris");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }] });
  return { ws, survey };
}

describe("POST /v1/responses/import with customers", () => {
  it("puts imported answers in the customer_tenure group their orders give, and counts them for repurchase", async () => {
    const { ws, survey } = await setup("Import tenure");
    // bea: one order before her answer (returning); cy: three (loyal); ana: one only after
    // (first_order, and a repurchase); dan: none (first_order).
    await placed(ws, "O-b1", "bea@x.io", T - 10 * DAY);
    for (const [i, at] of [T - 30 * DAY, T - 20 * DAY, T - 5 * DAY].entries())
      await placed(ws, `O-c${i}`, "cy@x.io", at);
    await placed(ws, "O-a-after", "ana@x.io", T + DAY);

    const item = (ticket_id: string, answers: unknown, customer?: unknown) => ({
      survey_id: survey,
      ticket_id,
      answers,
      submitted_at: iso(T),
      ...(customer === undefined ? {} : { customer }),
    });
    const items = [
      item("A", { nps: 3 }, { email: "  Ana@X.io " }),
      item("B", { nps: 8 }, { email: "bea@x.io" }),
      item("C", { nps: 10 }, { email: "cy@x.io", id: 42 }),
      item("D", { nps: 9 }, { email: "dan@x.io" }),
      item("E", { csat: 5 }),
      item("F", { nps: 0 }, { email: "not-an-email" }),
      item("G", { nps: 0 }, "ana@x.io"),
    ];
    const res = await importJson(ws, items);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(5);
    expect(res.body.updated).toBe(0);
    expect(res.body.errors).toEqual([
      { index: 5, code: "invalid_customer", message: expect.stringContaining("customer.email") },
      { index: 6, code: "invalid_customer", message: expect.stringContaining("customer") },
    ]);

    // first_order: A (3, a detractor) and D (9, a promoter) → NPS 0; loyal: C (10) → 100;
    // returning: B (8, a passive) → 0. E has no customer and answered no NPS.
    expect(await tenureGroups(ws)).toEqual([
      ["first_order", 2, 0],
      ["loyal", 1, 100],
      ["returning", 1, 0],
    ]);

    // Repurchase counts the imported tickets with a customer: only ana ordered after her ticket.
    const asOf = iso(T + 40 * DAY);
    const rep = await repurchase(ws, { as_of: asOf, group_by: "customer_tenure" });
    expect(rep).toMatchObject({ eligible: 4, repurchased: 1 });
    expect(rep.groups).toEqual([
      expect.objectContaining({ key: "first_order", eligible: 2, repurchased: 1 }),
      expect.objectContaining({ key: "loyal", eligible: 1, repurchased: 0 }),
      expect.objectContaining({ key: "returning", eligible: 1, repurchased: 0 }),
    ]);

    // E-mails are stored only hashed, as for invitations.
    const stored = await env.DB.prepare("SELECT email_hash, customer_id FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .all<{ email_hash: string | null; customer_id: string | null }>();
    expect(stored.results).toHaveLength(4);
    for (const row of stored.results) expect(row.email_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(
      (await env.DB.prepare("SELECT * FROM interactions WHERE workspace_id = ?").bind(ws.id).all()).results,
    );
    expect(dump).not.toContain("@x.io");

    // The same file again changes nothing.
    const again = await importJson(ws, items.slice(0, 5));
    expect(again.body).toMatchObject({ imported: 0, updated: 0, errors: [] });
    expect(await tenureGroups(ws)).toEqual([
      ["first_order", 2, 0],
      ["loyal", 1, 100],
      ["returning", 1, 0],
    ]);
  });

  it("keeps the closing time of a ticket the workspace already knows", async () => {
    const { ws, survey } = await setup("Import known ticket");
    // Closed at T + 2 days, before ana's only order (T + 3 days): first_order. Had the import's
    // answer time (T + 5 days) become the closing time, the order would count: returning.
    await invite(ws, {
      survey_id: survey,
      ticket_id: "K",
      closed_at: iso(T + 2 * DAY),
      customer: { email: "ana@x.io" },
    });
    await placed(ws, "O-a", "ana@x.io", T + 3 * DAY);
    const res = await importJson(ws, [
      {
        survey_id: survey,
        ticket_id: "K",
        answers: { nps: 10 },
        submitted_at: iso(T + 5 * DAY),
        customer: { email: "ana@x.io" },
      },
    ]);
    expect(res.body).toMatchObject({ imported: 1, errors: [] });
    expect(await tenureGroups(ws)).toEqual([["first_order", 1, 100]]);
  });

  it("records no customer for an erased ticket", async () => {
    const { ws, survey } = await setup("Import erased");
    await invite(ws, { survey_id: survey, ticket_id: "X", customer: { email: "zoe@x.io" } });
    const erased = await call("DELETE", "/v1/customers?email=zoe@x.io", { key: ws.key });
    expect(erased.status).toBeLessThan(300);
    const res = await importJson(ws, [
      {
        survey_id: survey,
        ticket_id: "X",
        answers: { nps: 10 },
        submitted_at: iso(T),
        customer: { email: "zoe@x.io" },
      },
    ]);
    expect(res.body).toMatchObject({ imported: 0, updated: 0, errors: [] });
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM interactions WHERE workspace_id = ?")
      .bind(ws.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("answers any customer value with 200: imported, or a per-item invalid_customer naming the field (property)", async () => {
    const { ws, survey } = await setup("Import any customer");
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (customer) => {
        const res = await importJson(ws, [
          { survey_id: survey, ticket_id: "P", answers: { nps: 7 }, submitted_at: iso(T), customer },
        ]);
        expect(res.status).toBe(200);
        if (res.body.errors.length) {
          expect(res.body.errors).toEqual([
            { index: 0, code: "invalid_customer", message: expect.stringMatching(/^customer/) },
          ]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
