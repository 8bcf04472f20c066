/**
 * The SQL read against the pure rules: random histories of tickets, orders,
 * cancellations and identities, delivered through the webhook receiver in a
 * random order (with replays), must give exactly the figures the reference
 * model in `worker/metrics/repurchase.ts` computes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerTenure } from "../../worker/domain/segments";
import { type AttributionInteraction, type AttributionOrder, attribute, latestClosing } from "../../worker/metrics/attribution";
import { type IdentityRef, linkIdentities } from "../../worker/metrics/customer-identity";
import { parseAmount } from "../../worker/metrics/money";
import { repurchaseFigures } from "../../worker/metrics/repurchase-figures";
import { DAY_MS } from "../../worker/metrics/repurchase-window";
import { createWorkspace } from "../support/worker/helpers";
import { iso, repurchase, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";

const T = Date.parse("2026-01-05T00:00:00Z");
const EMAILS = ["ana@x.io", " Ana@X.io", "bob@x.io", "cleo@x.io"];
const IDS = ["c-1", "c-2"];

const customer = fc.record(
  { email: fc.constantFrom(...EMAILS), id: fc.constantFrom(...IDS) },
  { requiredKeys: [] },
) as fc.Arbitrary<IdentityRef>;
// Whole days with an occasional millisecond either side: window edges get hit exactly.
const instant = (minDay: number, maxDay: number) =>
  fc
    .tuple(fc.integer({ min: minDay, max: maxDay }), fc.constantFrom(0, 0, 0, 1, -1))
    .map(([d, j]) => T + d * DAY_MS + j);

const ticket = fc.record({
  customer,
  channel: fc.constantFrom("email", "chat"),
  closings: fc.array(instant(0, 40), { minLength: 1, maxLength: 3 }),
});
const order = fc.record({
  customer,
  placedAt: instant(-5, 100),
  money: fc.constantFrom(["10.00", "EUR"], ["0.01", "EUR"], ["99.99", "EUR"], ["1500", "JPY"], ["7", "JPY"]),
  cancelled: fc.boolean(),
  cancelFirst: fc.boolean(),
  replays: fc.integer({ min: 1, max: 2 }),
});
const history = fc.record({
  tickets: fc.array(ticket, { minLength: 1, maxLength: 5 }),
  orders: fc.array(order, { maxLength: 6 }),
  order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
  // Up to 30 days the read uses the attribution kept by triggers; beyond, it probes the orders.
  windowDays: fc.constantFrom(1, 7, 30, 45),
  asOfDay: fc.integer({ min: 5, max: 120 }),
});

describe("repurchase SQL ≡ pure rules", () => {
  it("agrees on random histories delivered in random order", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const ws = await createWorkspace();
        await setIntegration(ws, "standard", STANDARD_SECRET);
        const send = (e: object) => sendStandard(ws, e);
        const events: { rank: number; event: object }[] = [];
        const shuffle = h.order[Symbol.iterator]();
        const push = (event: object) => events.push({ rank: shuffle.next().value as number, event });
        h.tickets.forEach((t, i) => {
          for (const at of t.closings) {
            push({
              type: "interaction.closed",
              data: { ticket_id: `T${i}`, customer: t.customer, channel: t.channel, closed_at: iso(at) },
            });
          }
        });
        const cancellations: object[] = [];
        h.orders.forEach((o, i) => {
          const created = {
            type: "order.created",
            data: {
              order_id: `O${i}`,
              customer: o.customer,
              placed_at: iso(o.placedAt),
              total: o.money[0],
              currency: o.money[1],
            },
          };
          for (let r = 0; r < o.replays; r++) push(created);
          const cancel = { type: "order.cancelled", data: { order_id: `O${i}` } };
          if (o.cancelled && o.cancelFirst) cancellations.push(cancel);
          else if (o.cancelled) push(cancel);
        });
        for (const c of cancellations) await send(c);
        events.sort((a, b) => a.rank - b.rank);
        for (const { event } of events) expect((await send(event)).status).toBe(200);

        // The model: identities linked, reopened tickets at their latest closing, orders once.
        const who = linkIdentities([...h.tickets.map((t) => t.customer), ...h.orders.map((o) => o.customer)]);
        const interactions: (AttributionInteraction & { channel: string })[] = h.tickets.map((t) => ({
          customerKey: who(t.customer),
          closedAt: latestClosing(t.closings),
          channel: t.channel,
        }));
        const orders: AttributionOrder[] = h.orders.map((o, i) => ({
          orderId: `O${i}`,
          customerKey: who(o.customer),
          placedAt: o.placedAt,
          totalMinor: parseAmount(o.money[0], o.money[1]),
          currency: o.money[1],
          cancelled: o.cancelled,
        }));
        const options = { windowDays: h.windowDays, asOf: T + h.asOfDay * DAY_MS };
        const query = { window_days: h.windowDays, as_of: iso(options.asOf), group_by: "channel" };
        const got = await repurchase(ws, query);
        const { groups, window_days, as_of, ...whole } = got;
        expect(whole).toEqual(repurchaseFigures(attribute(interactions, orders, options)));
        for (const g of groups as { key: string }[]) {
          const { key, ...figures } = g;
          const inGroup = interactions.filter((i) => i.channel === key);
          expect(figures, `group ${key}`).toEqual(repurchaseFigures(attribute(inGroup, orders, options)));
        }

        // Customer tenure, kept by triggers whatever order the events came in, groups like the rule says.
        const tenureOf = (i: AttributionInteraction) =>
          i.customerKey == null
            ? null
            : customerTenure(
                orders.filter(
                  (o) =>
                    o.customerKey === i.customerKey && !o.cancelled && o.placedAt != null && o.placedAt < i.closedAt,
                ).length,
              );
        const byTenure = await repurchase(ws, { ...query, group_by: "customer_tenure" });
        let seen = 0;
        for (const g of byTenure.groups as { key: string | null; eligible: number; pending: number }[]) {
          const { key, ...figures } = g;
          const inGroup = interactions.filter((i) => tenureOf(i) === key);
          expect(figures, `tenure ${key}`).toEqual(repurchaseFigures(attribute(inGroup, orders, options)));
          seen += g.eligible + g.pending;
        }
        expect(seen).toBe(whole.eligible + whole.pending);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
