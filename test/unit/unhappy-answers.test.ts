import { describe, expect, it } from "vitest";
import { canMoveFollowUp, FOLLOW_UP_STATUSES } from "../../worker/domain/follow-up";
import { CES_SCALES, normalizedAnswer, scaleOf, UNHAPPY, unhappySql } from "../../worker/domain/metrics";
import { DEFAULT_RULES } from "../../worker/follow-ups/rules";

/**
 * The unhappy answers are one domain fact (worker/domain/metrics.ts): the weekly report's
 * ticket of the week is picked among them and the default follow-up rules open on them. These
 * pin the values the API reference states, at every edge.
 */
describe("unhappy answers", () => {
  const unhappy = (metric: "nps" | "csat" | "ces", value: number, scale: "agree7" | "effort5" = "agree7") => {
    const r = metric === "ces" ? UNHAPPY.ces[scale] : UNHAPPY[metric];
    return value >= r.min && value <= r.max;
  };

  it("are detractors (NPS 0–6), unsatisfied (CSAT 1–3), and hard CES (agree7 1–3, effort5 4–5)", () => {
    expect([6, 7].map((v) => unhappy("nps", v))).toEqual([true, false]);
    expect(unhappy("nps", 0)).toBe(true);
    expect([3, 4].map((v) => unhappy("csat", v))).toEqual([true, false]);
    expect([3, 4].map((v) => unhappy("ces", v, "agree7"))).toEqual([true, false]);
    expect([3, 4].map((v) => unhappy("ces", v, "effort5"))).toEqual([false, true]);
    expect(unhappy("ces", 5, "effort5")).toBe(true);
  });

  it("read the same in SQL", () => {
    expect(unhappySql("a", "s.ces_scale")).toBe(
      "(a.nps BETWEEN 0 AND 6 OR a.csat BETWEEN 1 AND 3 OR (s.ces_scale = 'agree7' AND a.ces BETWEEN 1 AND 3) OR (s.ces_scale = 'effort5' AND a.ces BETWEEN 4 AND 5))",
    );
  });

  it("give the contract's default follow-up rules: NPS ≤ 6, CSAT ≤ 2, effort5 ≥ 4, agree7 ≤ 3", () => {
    expect(DEFAULT_RULES).toEqual([
      { metric: "nps", max: 6 },
      { metric: "csat", max: 2 },
      { metric: "ces", ces_scale: "effort5", min: 4 },
      { metric: "ces", ces_scale: "agree7", max: 3 },
    ]);
  });
});

describe("normalizedAnswer", () => {
  it("puts every scale on [0, 1], the happy end at 1 (effort5's low end)", () => {
    expect(normalizedAnswer("nps", "agree7", 10)).toBe(1);
    expect(normalizedAnswer("csat", "agree7", 1)).toBe(0);
    expect(normalizedAnswer("ces", "effort5", 1)).toBe(1);
    expect(normalizedAnswer("ces", "effort5", 5)).toBe(0);
    expect(normalizedAnswer("ces", "agree7", 7)).toBe(1);
    for (const scale of CES_SCALES) {
      const { min, max } = scaleOf("ces", scale);
      for (let v = min; v <= max; v++) {
        const x = normalizedAnswer("ces", scale, v);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("follow-up moves", () => {
  it("allow open → contacted → resolved, open → resolved, resolved → open, and staying put", () => {
    const allowed = FOLLOW_UP_STATUSES.flatMap((from) =>
      FOLLOW_UP_STATUSES.filter((to) => from !== to && canMoveFollowUp(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(["open→contacted", "open→resolved", "contacted→resolved", "resolved→open"]);
    for (const s of FOLLOW_UP_STATUSES) expect(canMoveFollowUp(s, s)).toBe(true);
  });
});
