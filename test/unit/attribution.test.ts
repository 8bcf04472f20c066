import { describe, expect, it } from "vitest";
import {
  type AttributionInteraction,
  type AttributionOrder,
  attribute,
  latestClosing,
  orderCounts,
} from "../../worker/metrics/attribution";
import { linkIdentities } from "../../worker/metrics/customer-identity";
import { divideMinor, formatMinor, parseAmount } from "../../worker/metrics/money";
import { repurchaseFigures } from "../../worker/metrics/repurchase-figures";
import { DAY_MS, windowEnd, windowState } from "../../worker/metrics/repurchase-window";

const T = Date.parse("2026-03-01T12:00:00Z");
const W = 30;
const ana: AttributionInteraction = { customerKey: "ana", closedAt: T };
const order = (over: Partial<AttributionOrder> = {}): AttributionOrder => ({
  orderId: "o1",
  customerKey: "ana",
  placedAt: T + DAY_MS,
  totalMinor: 4990n,
  currency: "EUR",
  cancelled: false,
  ...over,
});

describe("the window", () => {
  it("ends inclusive: an order at exactly closed_at + window counts, one millisecond later does not", () => {
    expect(orderCounts(ana, order({ placedAt: windowEnd(T, W) }), W)).toBe(true);
    expect(orderCounts(ana, order({ placedAt: windowEnd(T, W) + 1 }), W)).toBe(false);
  });

  it("starts strictly after closed_at: an order at the same instant does not count", () => {
    expect(orderCounts(ana, order({ placedAt: T }), W)).toBe(false);
    expect(orderCounts(ana, order({ placedAt: T + 1 }), W)).toBe(true);
  });

  it("ignores an order placed before the interaction", () => {
    expect(orderCounts(ana, order({ placedAt: T - DAY_MS }), W)).toBe(false);
  });

  it("needs the same customer, and a customer at all", () => {
    expect(orderCounts(ana, order({ customerKey: "bob" }), W)).toBe(false);
    expect(orderCounts({ customerKey: null, closedAt: T }, order({ customerKey: null }), W)).toBe(false);
  });

  it("splits eligible from pending at as_of, and leaves out interactions closed after it", () => {
    expect(windowState(T, W, windowEnd(T, W))).toBe("eligible");
    expect(windowState(T, W, windowEnd(T, W) - 1)).toBe("pending");
    expect(windowState(T, W, T)).toBe("pending");
    expect(windowState(T, W, T - 1)).toBe("future");
  });

  it("never counts an open window as a miss, and counts pending repurchases placed by as_of only", () => {
    const asOf = T + 10 * DAY_MS;
    const tally = attribute(
      [ana],
      [order({ placedAt: T + 5 * DAY_MS }), order({ orderId: "o2", placedAt: T + 20 * DAY_MS })],
      {
        windowDays: W,
        asOf,
      },
    );
    expect(tally).toMatchObject({ eligible: 0, repurchased: 0, pending: 1, pendingRepurchased: 1, revenueMinor: {} });
    const early = attribute([ana], [order({ placedAt: T + 20 * DAY_MS })], { windowDays: W, asOf });
    expect(early).toMatchObject({ pending: 1, pendingRepurchased: 0 });
    expect(repurchaseFigures(early).rate).toBeNull();
  });
});

describe("orders", () => {
  const asOf = T + 60 * DAY_MS;

  it("excludes a cancelled order", () => {
    const tally = attribute([ana], [order({ cancelled: true })], { windowDays: W, asOf });
    expect(tally).toMatchObject({ eligible: 1, repurchased: 0, revenueMinor: {} });
  });

  it("counts an order once even when it counts for several interactions", () => {
    const second = { customerKey: "ana", closedAt: T + DAY_MS / 2 };
    const tally = attribute([ana, second], [order({ placedAt: T + DAY_MS })], { windowDays: W, asOf });
    expect(tally).toMatchObject({ eligible: 2, repurchased: 2, revenueMinor: { EUR: 4990n } });
  });

  it("keeps currencies apart and formats them with their own minor digits", () => {
    const tally = attribute(
      [ana],
      [
        order(),
        order({ orderId: "o2", totalMinor: 1010n }),
        order({ orderId: "o3", totalMinor: 1500n, currency: "JPY" }),
        order({ orderId: "o4", totalMinor: 1234n, currency: "KWD" }),
      ],
      { windowDays: W, asOf },
    );
    expect(repurchaseFigures(tally).revenue).toEqual({ EUR: "60.00", JPY: "1500", KWD: "1.234" });
  });

  it("divides revenue per eligible interaction, rounding half up to the minor unit", () => {
    const bob = { customerKey: "bob", closedAt: T };
    const carl = { customerKey: "carl", closedAt: T };
    const figures = repurchaseFigures(
      attribute([ana, bob, carl], [order({ totalMinor: 10000n })], { windowDays: W, asOf }),
    );
    expect(figures).toMatchObject({ eligible: 3, repurchased: 1, revenue: { EUR: "100.00" } });
    expect(figures.rate).toBeCloseTo(1 / 3, 12);
    expect(figures.revenue_per_interaction).toEqual({ EUR: "33.33" });
    expect(divideMinor(5n, 2, "EUR")).toBe("0.03");
    expect(divideMinor(1001n, 1, "JPY")).toBe("1001");
  });
});

describe("money", () => {
  it("parses decimal strings into integer minor units without floats", () => {
    expect(parseAmount("49.90", "EUR")).toBe(4990n);
    expect(parseAmount("0.1", "EUR")).toBe(10n);
    expect(parseAmount("1000.00", "JPY")).toBe(1000n);
    expect(parseAmount("1.234", "KWD")).toBe(1234n);
    expect(parseAmount("90071992547409.91", "EUR")).toBe(9007199254740991n);
  });

  it("refuses negative, malformed, over-precise and oversized amounts", () => {
    for (const bad of ["-1.00", "1,00", "1e3", "12.345", "1000.5x", "", "90071992547409.92"]) {
      expect(parseAmount(bad, "EUR")).toBeNull();
    }
    expect(parseAmount("1000.50", "JPY")).toBeNull();
  });

  it("formats minor units back exactly", () => {
    expect(formatMinor(5n, "EUR")).toBe("0.05");
    expect(formatMinor(123450n, "EUR")).toBe("1234.50");
    expect(formatMinor(10n ** 20n, "EUR")).toBe("1000000000000000000.00");
  });
});

describe("event order", () => {
  it("a reopened ticket keeps its latest closed_at, whatever order the deliveries came in", () => {
    const closings = [T, T + 5 * DAY_MS, T + 2 * DAY_MS];
    expect(latestClosing(closings)).toBe(T + 5 * DAY_MS);
    expect(latestClosing([...closings].reverse())).toBe(T + 5 * DAY_MS);
    // An order between the first and the latest closing no longer counts for the reopened ticket.
    const reopened = { customerKey: "ana", closedAt: latestClosing(closings) };
    expect(orderCounts(reopened, order({ placedAt: T + 3 * DAY_MS }), W)).toBe(false);
  });

  it("links an e-mail and an id when one event carries both, whatever the order", () => {
    const events = [{ email: " Ana@Example.com " }, { id: "cust-9" }, { email: "ana@example.com", id: "cust-9" }];
    for (const sequence of [events, [...events].reverse(), [events[2], events[0], events[1]]]) {
      const who = linkIdentities(sequence as typeof events);
      expect(who({ email: "ANA@example.com" })).not.toBeNull();
      expect(who({ email: "ana@example.com" })).toBe(who({ id: "cust-9" }));
    }
    const apart = linkIdentities([{ email: "ana@example.com" }, { id: "cust-9" }]);
    expect(apart({ email: "ana@example.com" })).not.toBe(apart({ id: "cust-9" }));
    expect(apart({ email: "nobody@example.com" })).toBeNull();
  });

  it("joins two known customers through a third event and attributes across them", () => {
    const who = linkIdentities([
      { email: "a@x.io" },
      { id: "42" },
      { email: "b@x.io", id: "42" },
      { email: "a@x.io", id: "42" },
    ]);
    const interaction = { customerKey: who({ email: "a@x.io" }), closedAt: T };
    const viaId = order({ customerKey: who({ id: "42" }) });
    const viaOtherEmail = order({ orderId: "o2", customerKey: who({ email: "b@x.io" }) });
    const tally = attribute([interaction], [viaId, viaOtherEmail], { windowDays: W, asOf: T + 60 * DAY_MS });
    expect(tally).toMatchObject({ repurchased: 1, revenueMinor: { EUR: 9980n } });
  });
});
