import { describe, expect, it } from "vitest";
import { answerTone, CSAT_VALUES, NPS_CATEGORY_ORDER, toneOf } from "../../widget/src/dashboard/tones";
import { CES_CATEGORIES, CSAT_CATEGORIES, NPS_CATEGORIES } from "../../worker/domain/metrics";

/** The dashboard's colours come from the domain's categories: the same tones as the hand-written cut-offs they replace. */
describe("dashboard tones", () => {
  it("colour every answer of every scale as the categories say", () => {
    const tones = (categories: Parameters<typeof toneOf>[0], from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => toneOf(categories, from + i));
    // NPS 0–6 detractors, 7–8 passives, 9–10 promoters.
    expect(tones(NPS_CATEGORIES, 0, 10)).toEqual([...Array(7).fill("bad"), "neutral", "neutral", "good", "good"]);
    // CSAT 4–5 satisfied; 3 is the shade next to it.
    expect(tones(CSAT_CATEGORIES, 1, 5)).toEqual(["bad", "bad", "neutral", "good", "good"]);
    // CES agree7: 5–7 easy, 4 next to it; effort5: 1–2 easy, 3 next to it.
    expect(tones(CES_CATEGORIES.agree7, 1, 7)).toEqual(["bad", "bad", "bad", "neutral", "good", "good", "good"]);
    expect(tones(CES_CATEGORIES.effort5, 1, 5)).toEqual(["good", "good", "neutral", "bad", "bad"]);
    expect(toneOf(CSAT_CATEGORIES, 9)).toBe("neutral");
  });

  it("read a stored answer by its first metric, CES on agree7 unless told", () => {
    expect(answerTone({ nps: 8, csat: 1 })).toBe("neutral");
    expect(answerTone({ csat: 2 })).toBe("bad");
    expect(answerTone({ ces: 4 })).toBe("neutral");
    expect(answerTone({ ces: 2 }, "effort5")).toBe("good");
    expect(answerTone({})).toBe("neutral");
  });

  it("list the CSAT values and the NPS categories from the domain", () => {
    expect(CSAT_VALUES).toEqual(["1", "2", "3", "4", "5"]);
    expect(NPS_CATEGORY_ORDER).toEqual(["promoter", "passive", "detractor", "unanswered"]);
  });
});
