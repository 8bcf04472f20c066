import type { ErrorDetail } from "../domain/errors";
import { UNHAPPY, widestScale } from "../domain/metrics";
import { answerRange, type CesScale, type QuestionType } from "../domain/questions";

/**
 * A follow-up rule: an answer to `metric` within [min, max] (both inclusive,
 * either open) opens a follow-up, optionally only on one channel, request type
 * or team. `ces_scale` narrows a CES rule to surveys on that scale, since a 4 is
 * bad on effort5 and good on agree7.
 */
export interface FollowUpRule {
  metric: QuestionType;
  min?: number;
  max?: number;
  ces_scale?: CesScale;
  channel?: string;
  request_type?: string;
  team?: string;
}

/**
 * The unhappy answers of worker/domain/metrics.ts (`UNHAPPY`): NPS detractors, high-effort
 * CES on each scale; on CSAT only the bottom two boxes (1–2), as the contract sets the
 * default, narrower than "unsatisfied" (1–3) so a lukewarm 3 does not call for a person.
 */
export const DEFAULT_RULES: FollowUpRule[] = [
  { metric: "nps", max: UNHAPPY.nps.max },
  { metric: "csat", max: 2 },
  { metric: "ces", ces_scale: "effort5", min: UNHAPPY.ces.effort5.min },
  { metric: "ces", ces_scale: "agree7", max: UNHAPPY.ces.agree7.max },
];

/** The widest range a metric's answers take (CES without a scale: either scale). */
function widest(rule: FollowUpRule): { min: number; max: number } {
  if (rule.metric === "ces" && !rule.ces_scale) return widestScale("ces");
  return answerRange(rule.metric, rule.ces_scale ?? "agree7");
}

/** Rules that no answer could ever match (min above max, a range outside the scale) are errors. */
export function checkRules(rules: FollowUpRule[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  rules.forEach((rule, i) => {
    if (rule.ces_scale && rule.metric !== "ces") {
      details.push({ path: `rules.${i}.ces_scale`, message: "ces_scale applies to CES rules only" });
    }
    const range = widest(rule);
    const min = Math.max(rule.min ?? range.min, range.min);
    const max = Math.min(rule.max ?? range.max, range.max);
    if (min > max) {
      // Name the bound at fault: a max under the scale, else the min (above the scale or above max).
      const field = rule.max != null && rule.max < range.min ? "max" : rule.min != null ? "min" : "max";
      details.push({
        path: `rules.${i}.${field}`,
        message: `No ${rule.metric} answer can match: answers run from ${range.min} to ${range.max}`,
      });
    }
  });
  return details;
}

/**
 * The SQL condition that a response row (alias `r`) matches one of the rules,
 * for a survey on `cesScale`. Numbers are validated integers and inlined;
 * segment texts are bound, in order, to the returned params. No rule: `0`.
 */
export function rulesPredicate(rules: FollowUpRule[], cesScale: CesScale): { sql: string; params: string[] } {
  const params: string[] = [];
  const clauses: string[] = [];
  for (const rule of rules) {
    if (rule.ces_scale && rule.ces_scale !== cesScale) continue;
    const column = `r.${rule.metric}`;
    const parts = [`${column} IS NOT NULL`];
    if (rule.min != null) parts.push(`${column} >= ${Math.trunc(rule.min)}`);
    if (rule.max != null) parts.push(`${column} <= ${Math.trunc(rule.max)}`);
    for (const [key, col] of [
      ["channel", "r.channel"],
      ["request_type", "r.request_type"],
      ["team", "r.team"],
    ] as const) {
      const value = rule[key];
      if (value != null) {
        params.push(value);
        parts.push(`${col} = ?`);
      }
    }
    clauses.push(`(${parts.join(" AND ")})`);
  }
  return { sql: clauses.length ? `(${clauses.join(" OR ")})` : "0", params };
}
