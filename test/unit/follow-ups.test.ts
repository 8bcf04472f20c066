import { describe, expect, it } from "vitest";
import { checkRules, DEFAULT_RULES } from "../../worker/follow-ups/rules";
import { followUpSummary } from "../../worker/follow-ups/summary";

/** The follow-up modules' pure parts, in plain Node (the routes' tests run in workerd: test/worker/follow-ups.test.ts). */
describe("follow-up rules", () => {
  it("checkRules accepts every default rule", () => {
    expect(checkRules(DEFAULT_RULES)).toEqual([]);
  });
});

describe("the follow-up summary", () => {
  it("followUpSummary takes the middle of an odd count", () => {
    const row = (c: number) => ({
      status: "contacted" as const,
      opened_at: 0,
      contacted_at: c * 3_600_000,
      resolved_at: null,
    });
    expect(followUpSummary([row(5), row(1), row(3)]).median_hours_to_contact).toBe(3);
  });
});
