/**
 * The SQL read against the pure rules: random histories of tickets, orders,
 * cancellations and identities, delivered through the webhook receiver in a
 * random order (with replays), must give exactly the figures the reference
 * model in `worker/metrics/repurchase.ts` computes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeek } from "../../worker/domain/local-day";
import { customerTenure } from "../../worker/domain/segments";
import {
  type AttributionInteraction,
  type AttributionOrder,
  attribute,
  latestClosing,
} from "../../worker/metrics/attribution";
import { type IdentityRef, linkIdentities } from "../../worker/metrics/customer-identity";
import { parseAmount } from "../../worker/metrics/money";
import { repurchaseFigures } from "../../worker/metrics/repurchase-figures";
import { DAY_MS } from "../../worker/metrics/repurchase-window";
import { call, createWorkspace } from "../support/worker/helpers";
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

type History = {
  tickets: { customer: IdentityRef; channel: string; closings: number[] }[];
  orders: {
    customer: IdentityRef;
    placedAt: number;
    money: readonly [string, string];
    cancelled: boolean;
    cancelFirst: boolean;
    replays: number;
  }[];
  order: Iterable<number>;
};

/**
 * Delivers the history through the webhook receiver in its random order (with
 * replays, cancellations before their order) and returns the model: identities
 * linked, reopened tickets at their latest closing, orders once.
 */
async function deliver(h: History) {
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
  return { ws, interactions, orders, who };
}

describe("repurchase SQL ≡ pure rules", () => {
  it("agrees on random histories delivered in random order", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { ws, interactions, orders } = await deliver(h);
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

/** The model's customer tenure: counting orders placed before the interaction closed. */
const tenureIn = (orders: readonly AttributionOrder[]) => (i: AttributionInteraction) =>
  i.customerKey == null
    ? null
    : customerTenure(
        orders.filter(
          (o) => o.customerKey === i.customerKey && !o.cancelled && o.placedAt != null && o.placedAt < i.closedAt,
        ).length,
      );

const dayOf = (ms: number) => iso(ms).slice(0, 10);

// Reads the daily rollup can answer (30-day window, one dimension, time groups) and some it cannot.
const rollupRead = fc.record({
  fromDay: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }),
  // No `to` at times: the read runs up to as_of, its last days from the bounded query (the tail).
  days: fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
  groupBy: fc.constantFrom(undefined, "channel", "customer_tenure", "day", "week", "month"),
  channel: fc.option(fc.constantFrom("email", "chat"), { nil: undefined }),
  // Late enough that most ranges have closed windows (rollup), sometimes not (bounded query).
  asOfDay: fc.integer({ min: 20, max: 150 }),
});
const rollupHistory = fc.record({
  tickets: history.map((h) => h.tickets),
  orders: history.map((h) => h.orders),
  order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
  reads: fc.array(rollupRead, { minLength: 1, maxLength: 4 }),
  erase: fc.option(fc.constantFrom(...EMAILS), { nil: undefined }),
});

describe("daily repurchase rollup ≡ pure rules", () => {
  let servedByRollup = 0;
  let withTail = 0;
  it("answers day ranges like the model, late and out-of-order events and erasure included", async () => {
    await fc.assert(
      fc.asyncProperty(rollupHistory, async (h) => {
        const delivered = await deliver(h);
        const { ws, who } = delivered;
        let { interactions, orders } = delivered;
        if (h.erase) {
          // Erasure deletes the person's tickets and orders: the triggers take them out of the rollup.
          expect(
            (await call("DELETE", `/v1/customers?email=${encodeURIComponent(h.erase)}`, { key: ws.key })).status,
          ).toBe(200);
          const erased = who({ email: h.erase });
          interactions = interactions.filter((i) => erased === null || i.customerKey !== erased);
          orders = orders.filter((o) => erased === null || o.customerKey !== erased);
        }
        const tenureOf = tenureIn(orders);
        for (const read of h.reads) {
          const from = read.fromDay === undefined ? undefined : dayOf(T + read.fromDay * DAY_MS);
          const to = read.days === undefined ? undefined : dayOf(T + ((read.fromDay ?? 0) + read.days) * DAY_MS);
          // Two dimensions at once (a channel filter, a tenure grouping) is a bounded-query read.
          const options = { windowDays: 30, asOf: T + read.asOfDay * DAY_MS };
          const query: Record<string, string> = { as_of: iso(options.asOf) };
          if (from) query.from = from;
          if (to) query.to = to;
          if (read.groupBy) query.group_by = read.groupBy;
          if (read.channel) query.channel = read.channel;
          const res = await call("GET", `/v1/repurchase?${new URLSearchParams(query)}`, { key: ws.key });
          expect(res.status).toBe(200);
          const readPath = res.headers.get("aftercare-read-path") ?? "";
          if (readPath.startsWith("rollup:")) servedByRollup += 1;
          if (readPath.endsWith("+query")) withTail += 1;
          const selected = interactions.filter((i) => {
            const day = dayOf(i.closedAt);
            // Interactions closed after as_of did not exist yet at that instant: no group of theirs.
            const existed = i.closedAt <= options.asOf;
            const inRange = (from === undefined || day >= from) && (to === undefined || day < to);
            return existed && inRange && (!read.channel || i.channel === read.channel);
          });
          const { groups, window_days, as_of, ...whole } = res.body;
          expect(whole, JSON.stringify(query)).toEqual(repurchaseFigures(attribute(selected, orders, options)));
          const keyOf = (i: (typeof interactions)[number]): string | null => {
            const day = dayOf(i.closedAt);
            switch (read.groupBy) {
              case "channel":
                return i.channel;
              case "customer_tenure":
                return tenureOf(i);
              case "day":
                return day;
              case "week":
                return isoWeek(day).label;
              case "month":
                return day.slice(0, 7);
              default:
                return null;
            }
          };
          const expected = new Map<string | null, typeof selected>();
          for (const i of selected) expected.set(keyOf(i), [...(expected.get(keyOf(i)) ?? []), i]);
          if (!read.groupBy) expected.clear();
          const got = new Map((groups as { key: string | null }[]).map(({ key, ...figures }) => [key, figures]));
          expect([...got.keys()].sort(), JSON.stringify(query)).toEqual([...expected.keys()].sort());
          for (const [key, inGroup] of expected) {
            expect(got.get(key), `${JSON.stringify(query)} group ${key}`).toEqual(
              repurchaseFigures(attribute(inGroup, orders, options)),
            );
          }
        }
      }),
      { numRuns: 40 },
    );
    // The property must have exercised the rollup, not only the bounded query.
    expect(servedByRollup).toBeGreaterThan(10);
    expect(withTail).toBeGreaterThan(3);
  }, 180_000);
});
