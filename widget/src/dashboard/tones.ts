import {
  type Category,
  CES_CATEGORIES,
  type CesScale,
  CSAT_CATEGORIES,
  categoryOf,
  NPS_CATEGORIES,
  SCALES,
} from "../../../worker/domain/metrics";

/** How an answer or a bar reads at a glance; each tone has its colour in dashboard.css. */
export type Tone = "good" | "neutral" | "bad";

/** The favourable category of each metric, as worker/domain/metrics.ts names them. */
const FAVOURABLE = new Set(["promoter", "satisfied", "easy"]);

/**
 * An answer's tone by its metric's own categories (worker/domain/metrics.ts):
 * its favourable category (promoter, satisfied, easy) is good, NPS passives are
 * neutral, and on the two-category scales (CSAT, CES) the one answer right next
 * to the favourable range (CSAT 3, CES agree7 4, effort5 3) reads neutral too,
 * a shade for the eye, not a category of the contract. The rest is bad.
 */
export function toneOf(categories: readonly Category[], value: number): Tone {
  const category = categoryOf(categories, value);
  if (category === null) return "neutral";
  if (FAVOURABLE.has(category)) return "good";
  if (category === "passive") return "neutral";
  const good = categories.find((c) => FAVOURABLE.has(c.name));
  return good && (value === good.min - 1 || value === good.max + 1) ? "neutral" : "bad";
}

/**
 * The tone of a stored answer. A listed response does not say which CES scale
 * its survey asks on, so CES reads on agree7 (the default scale) unless told.
 */
export function answerTone(
  answers: { nps?: number; csat?: number; ces?: number },
  cesScale: CesScale = "agree7",
): Tone {
  if (answers.nps !== undefined) return toneOf(NPS_CATEGORIES, answers.nps);
  if (answers.csat !== undefined) return toneOf(CSAT_CATEGORIES, answers.csat);
  if (answers.ces !== undefined) return toneOf(CES_CATEGORIES[cesScale], answers.ces);
  return "neutral";
}

/** Every CSAT answer value, low to high ("1".."5"), as distribution keys. */
export const CSAT_VALUES = Array.from({ length: SCALES.csat.max - SCALES.csat.min + 1 }, (_, i) =>
  String(SCALES.csat.min + i),
);

/** The NPS categories best first, then the interactions without an answer (repurchase's `nps_category`). */
export const NPS_CATEGORY_ORDER = [...NPS_CATEGORIES.map((c) => c.name).reverse(), "unanswered"];
