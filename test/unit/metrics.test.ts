import { describe, expect, it } from "vitest";
import { cesBand, csatBand, npsBand } from "../../worker/domain/benchmarks";
import { npsAdjustedWaldInterval, npsMarginOfError, wilsonInterval } from "../../worker/domain/intervals";
import { isoWeekRange, previousIsoWeek } from "../../worker/metrics/periods";
import {
  cesFigures,
  csatFigures,
  type Histogram,
  isEasy,
  normalizedScore,
  npsCategory,
  npsFigures,
  validAnswers,
} from "../../worker/metrics/scores";
import { biggestMoves, rankVerbatims, type SegmentMove } from "../../worker/metrics/weekly";

const hist = (entries: Record<number, number>): Histogram =>
  new Map(Object.entries(entries).map(([v, c]) => [Number(v), c]));
const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describe("NPS", () => {
  it("gives nulls, not zeros or NaN, when n = 0", () => {
    expect(npsFigures(new Map())).toEqual({
      n: 0,
      nps: null,
      promoters: { count: 0, pct: null },
      passives: { count: 0, pct: null },
      detractors: { count: 0, pct: null },
      margin_of_error: null,
      ci95: null,
      benchmark: null,
    });
  });

  it("puts 6 with detractors, 7 and 8 with passives, 9 and 10 with promoters", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
    const f = npsFigures(hist({ 6: 1, 7: 1, 8: 1, 9: 1 }));
    expect([f.detractors.count, f.passives.count, f.promoters.count]).toEqual([1, 2, 1]);
  });

  it("matches hand-computed figures for P=5, passives=3, D=2", () => {
    // n = 10, nps = 100·(5−2)/10 = 30; pct 50 / 30 / 20.
    // Wald: p = .5, d = .2; p + d − (p − d)² = .7 − .09 = .61; .61/10 = .061;
    //   sqrt(.061) = .2469817807; ·1.96·100 = 48.40842902.
    // Adjusted Wald: n' = 13, p' = 5.75/13, d' = 2.75/13; p' − d' = 3/13 = .2307692308;
    //   p' + d' − (p' − d')² = 8.5/13 − 9/169 = .6005917160; /13 = .0461993628;
    //   sqrt = .2149403704; ·1.96 = .4212831260; → 100·(.2307692 ∓ .4212831) = [−19.0513895, 65.2052356].
    const f = npsFigures(hist({ 10: 3, 9: 2, 8: 2, 7: 1, 5: 1, 0: 1 }));
    expect(f.n).toBe(10);
    close(f.nps, 30);
    expect(f.promoters).toEqual({ count: 5, pct: 50 });
    expect(f.passives).toEqual({ count: 3, pct: 30 });
    expect(f.detractors).toEqual({ count: 2, pct: 20 });
    close(f.margin_of_error, 48.4084290180956);
    close(f.ci95![0], -19.051389493993252);
    close(f.ci95![1], 65.2052356478394);
    expect(f.benchmark).toBe("good");
  });

  it("handles n = 1: the Wald margin collapses to 0, the adjusted-Wald interval does not", () => {
    // p = 1, d = 0: 1 + 0 − 1² = 0 → margin 0.
    // n' = 4, p' = 1.75/4 = .4375, d' = .75/4 = .1875; centre .25; .625 − .0625 = .5625;
    //   /4 = .140625; sqrt = .375; ·1.96 = .735 → [−48.5, 98.5].
    const f = npsFigures(hist({ 9: 1 }));
    expect(f.nps).toBe(100);
    expect(f.margin_of_error).toBe(0);
    close(f.ci95![0], -48.5);
    close(f.ci95![1], 98.5);
    expect(f.benchmark).toBe("world-class");
  });

  it("clips the interval at 100 for all promoters and at −100 for all detractors", () => {
    // n = 10 promoters: n' = 13, centre 10/13 = .7692307692; 11.5/13 − 100/169 = .2928994083;
    //   /13 = .0225307237; sqrt = .1501023773; ·1.96 = .2942006595; high 106.34 → clipped to 100;
    //   low 100·(.7692307692 − .2942006595) = 47.50301094.
    const promoters = npsFigures(hist({ 10: 10 }));
    expect(promoters.nps).toBe(100);
    expect(promoters.margin_of_error).toBe(0);
    close(promoters.ci95![0], 47.50301094417394);
    expect(promoters.ci95![1]).toBe(100);
    const detractors = npsFigures(hist({ 0: 4, 6: 6 }));
    expect(detractors.nps).toBe(-100);
    expect(detractors.ci95![0]).toBe(-100);
    close(detractors.ci95![1], -47.50301094417394);
    expect(detractors.benchmark).toBe("poor");
  });

  it("exposes the interval functions with nulls at n = 0", () => {
    expect(npsMarginOfError(0, 0, 0)).toBeNull();
    expect(npsAdjustedWaldInterval(0, 0, 0)).toBeNull();
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("CSAT", () => {
  it("gives nulls when n = 0", () => {
    expect(csatFigures(new Map())).toEqual({
      n: 0,
      csat: null,
      mean: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      ci95: null,
      benchmark: null,
    });
  });

  it("matches hand-computed figures, with the Wilson interval in percent", () => {
    // 1,2,3,3,4,4,4,5,5,5: n = 10, satisfied (4–5) = 6 → 60%; mean = 36/10 = 3.6.
    // Wilson, p = .6, z² = 3.8416: denominator 1 + .38416 = 1.38416;
    //   centre (.6 + .19208)/1.38416 = .5722459;
    //   half 1.96/1.38416 · sqrt(.6·.4/10 + 3.8416/400) = 1.4160212 · sqrt(.033604) = .2595764;
    //   → [31.26695, 83.18224].
    const f = csatFigures(hist({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 }));
    expect(f.n).toBe(10);
    close(f.csat, 60);
    close(f.mean, 3.6);
    expect(f.distribution).toEqual({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    close(f.ci95![0], 31.266954745018634);
    close(f.ci95![1], 83.18224187964903);
    expect(f.benchmark).toBe("fair");
  });

  it("counts 4 as satisfied and 3 as not", () => {
    expect(csatFigures(hist({ 3: 1 })).csat).toBe(0);
    expect(csatFigures(hist({ 4: 1 })).csat).toBe(100);
  });

  it("keeps the Wilson interval inside [0, 100] at n = 1", () => {
    // 0 of 1: centre (0 + 1.9208)/4.8416 = .3967284; half = same → [0, 79.3456709].
    const f = csatFigures(hist({ 1: 1 }));
    expect(f.ci95![0]).toBe(0);
    close(f.ci95![1], 79.34567085261071);
    expect(f.benchmark).toBe("critical");
    // 10 of 10: [72.2459831, 100].
    const g = csatFigures(hist({ 5: 10 }));
    close(g.ci95![0], 72.24598312333835);
    close(g.ci95![1], 100);
    expect(g.benchmark).toBe("excellent");
  });
});

describe("interval ends (issue 11)", () => {
  it("an interval holds its own figure: 0 of n and n of n end exactly at 0 and 100", () => {
    for (let n = 1; n <= 500; n++) {
      const none = csatFigures(hist({ 1: n }));
      const all = csatFigures(hist({ 5: n }));
      expect([n, none.ci95![0]]).toEqual([n, 0]);
      expect([n, all.ci95![1]]).toEqual([n, 100]);
      expect(all.ci95![1]).toBeGreaterThanOrEqual(all.csat!);
      expect(wilsonInterval(n, n)![1]).toBe(1);
      expect(wilsonInterval(0, n)![0]).toBe(0);
    }
  });
});

describe("corrupted histogram counts (issue 11)", () => {
  // A rollup row with a negative, NaN, fractional or infinite count, or a value off the scale,
  // is dropped the same way by every metric: the figures equal those of the clean rows alone.
  const corrupt = { [-1]: 4, 0: -3, 1: -2, 2: Number.NaN, 3: 1.5, 4: -7, 5: Number.POSITIVE_INFINITY, 11: 9 };
  const withCorruption = (clean: Record<number, number>) => {
    const h = new Map<number, number>(Object.entries(clean).map(([v, c]) => [Number(v), c]));
    for (const [v, c] of Object.entries(corrupt)) if (!h.has(Number(v))) h.set(Number(v), c);
    return h;
  };
  it("NPS, CSAT and CES (both scales) ignore them alike", () => {
    const clean = { 6: 2, 7: 1, 9: 3 };
    expect(npsFigures(withCorruption(clean))).toEqual(npsFigures(hist(clean)));
    const cleanCsat = { 3: 2, 5: 1 };
    expect(csatFigures(withCorruption(cleanCsat))).toEqual(csatFigures(hist(cleanCsat)));
    const cleanCes = { 3: 2, 6: 1 };
    expect(cesFigures(withCorruption(cleanCes), "agree7")).toEqual(cesFigures(hist(cleanCes), "agree7"));
    expect(cesFigures(withCorruption(cleanCes), "effort5")).toEqual(cesFigures(hist(cleanCes), "effort5"));
  });

  it("one function filters for every metric", () => {
    expect([...validAnswers(withCorruption({ 5: 2 }), 1, 5)]).toEqual([[5, 2]]);
  });
});

describe("CES", () => {
  it("gives nulls when n = 0, with or without a scale", () => {
    expect(cesFigures(new Map(), "effort5")).toEqual({
      n: 0,
      scale: "effort5",
      mean: null,
      easy_pct: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      benchmark: null,
    });
    expect(cesFigures(new Map(), null)).toMatchObject({ n: 0, scale: null, mean: null, easy_pct: null });
  });

  it("agree7: easy is 5–7 (4 is not)", () => {
    expect([4, 5, 7].map((v) => isEasy(v, "agree7"))).toEqual([false, true, true]);
    // 2,4,5,6,7,7: n = 6, mean = 31/6 = 5.1666…, easy = 4/6 = 66.666…%.
    const f = cesFigures(hist({ 2: 1, 4: 1, 5: 1, 6: 1, 7: 2 }), "agree7");
    expect(f.n).toBe(6);
    close(f.mean, 31 / 6);
    close(f.easy_pct, 200 / 3);
    expect(f.distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 1, 6: 1, 7: 2 });
    expect(f.benchmark).toBe("good");
  });

  it("effort5: easy is 1–2 (3 is not), and a mean ≤ 2 is good", () => {
    expect([1, 2, 3, 5].map((v) => isEasy(v, "effort5"))).toEqual([true, true, false, false]);
    // 1,2,3: mean 2 → good; easy 2/3.
    const f = cesFigures(hist({ 1: 1, 2: 1, 3: 1 }), "effort5");
    close(f.mean, 2);
    close(f.easy_pct, 200 / 3);
    expect(f.benchmark).toBe("good");
    // 2,3: mean 2.5 → high-effort.
    expect(cesFigures(hist({ 2: 1, 3: 1 }), "effort5").benchmark).toBe("high-effort");
  });
});

describe("benchmark bands", () => {
  it("NPS: each lower edge exclusive: ≤0 poor, (0,20] healthy, (20,50] good, (50,70] excellent, >70 world-class", () => {
    const at = [-100, -0.01, 0, 0.01, 20, 20.01, 50, 50.01, 70, 70.01, 100].map(npsBand);
    expect(at).toEqual([
      "poor",
      "poor",
      "poor",
      "healthy",
      "healthy",
      "good",
      "good",
      "excellent",
      "excellent",
      "world-class",
      "world-class",
    ]);
    expect(npsBand(null)).toBeNull();
  });

  it("CSAT: <60 critical, 60–75 fair, 75–85 good, >85 excellent", () => {
    expect([0, 59.99, 60, 74.99, 75, 85, 85.01, 100].map(csatBand)).toEqual([
      "critical",
      "critical",
      "fair",
      "fair",
      "good",
      "good",
      "excellent",
      "excellent",
    ]);
  });

  it("CES: effort5 mean ≤ 2 good; agree7 mean ≥ 5 good", () => {
    expect([1, 2, 2.01].map((m) => cesBand(m, "effort5"))).toEqual(["good", "good", "high-effort"]);
    expect([4.99, 5, 7].map((m) => cesBand(m, "agree7"))).toEqual(["high-effort", "good", "good"]);
    expect(cesBand(null, "agree7")).toBeNull();
  });
});

describe("ISO weeks", () => {
  it("turns a label into its Monday and the next Monday", () => {
    // 2026 starts on a Thursday, so its week 1 starts Monday 2025-12-29 and it has 53 weeks.
    expect(isoWeekRange("2026-W01")).toEqual({ from: "2025-12-29", to: "2026-01-05" });
    expect(isoWeekRange("2026-W47")).toEqual({ from: "2026-11-16", to: "2026-11-23" });
    expect(isoWeekRange("2026-W53")).toEqual({ from: "2026-12-28", to: "2027-01-04" });
    expect(previousIsoWeek("2026-W01")).toBe("2025-W52");
  });

  it("refuses weeks the year does not have and malformed labels", () => {
    for (const bad of ["2025-W53", "2026-W00", "2026-W54", "2026-47", "2026-W7", "x"]) {
      expect(isoWeekRange(bad)).toBeNull();
    }
  });
});

describe("verbatim ranking", () => {
  it("normalizes each answer to [0, 1] on its scale, effort5 reversed", () => {
    expect(normalizedScore({ nps: 10 }, "agree7")).toBe(1);
    expect(normalizedScore({ csat: 3 }, "agree7")).toBe(0.5);
    expect(normalizedScore({ ces: 1 }, "effort5")).toBe(1);
    expect(normalizedScore({ ces: 1 }, "agree7")).toBe(0);
    // nps 5 → .5, csat 5 → 1: mean .75.
    expect(normalizedScore({ nps: 5, csat: 5 }, "agree7")).toBe(0.75);
    expect(normalizedScore({}, "agree7")).toBeNull();
  });

  it("takes the five best and five worst, never the same comment twice", () => {
    const make = (id: string, nps: number, at = 0) => ({
      id,
      nps,
      csat: null,
      ces: null,
      cesScale: "agree7" as const,
      submittedAt: at,
    });
    // r11 answers 0 like r0, but later.
    const twelve = Array.from({ length: 12 }, (_, i) => make(`r${i}`, i % 11, i));
    const { positive, negative } = rankVerbatims(twelve);
    expect(positive.map((v) => v.nps)).toEqual([10, 9, 8, 7, 6]);
    expect(negative.map((v) => v.nps)).toEqual([0, 0, 1, 2, 3]);
    // Newest first among equals.
    expect(negative.slice(0, 2).map((v) => v.id)).toEqual(["r11", "r0"]);
    const three = rankVerbatims([make("a", 9), make("b", 2), make("c", 5)]);
    expect(three.positive.map((v) => v.id)).toEqual(["a", "c"]);
    expect(three.negative.map((v) => v.id)).toEqual(["b"]);
  });
});

describe("segments that moved most", () => {
  const move = (key: string, change: number, n = 10): SegmentMove => ({
    metric: "nps",
    scale: null,
    dimension: "channel",
    key,
    headline: "nps",
    current: change,
    previous: 0,
    change,
    n,
    previous_n: n,
  });

  it("ranks by |change| and leaves out segments under 5 answers a week", () => {
    const out = biggestMoves([move("a", 5), move("b", -40), move("c", 20), move("tiny", 90, 4), move("flat", 0)]);
    expect(out.map((m) => m.key)).toEqual(["b", "c", "a"]);
  });
});
