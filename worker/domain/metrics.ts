/**
 * The scores Aftercare collects, each defined once: which metrics exist, the answer scale of
 * each, and how answers fall into categories. The validation schemas (and so the OpenAPI
 * document), the figures, the SQL that groups by category and the dashboard all derive from
 * these tables; adding a metric starts here.
 */

/** The metrics, in the order they are shown and reported. */
export const METRICS = ["nps", "csat", "ces"] as const;
export type Metric = (typeof METRICS)[number];

/** The two CES scales: agree7 (1 strongly disagree – 7 strongly agree), effort5 (1 very easy – 5 very hard). */
export const CES_SCALES = ["agree7", "effort5"] as const;
export type CesScale = (typeof CES_SCALES)[number];

/** An inclusive run of whole answer values. */
export interface ValueRange {
  min: number;
  max: number;
}

/** A named run of answer values on a scale. */
export interface Category<Name extends string = string> extends ValueRange {
  name: Name;
}

/** The answer scale of NPS and CSAT, and of CES by its scale. */
export const SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { agree7: { min: 1, max: 7 }, effort5: { min: 1, max: 5 } },
} as const satisfies Record<"nps" | "csat", ValueRange> & { ces: Record<CesScale, ValueRange> };

/** The inclusive range of answers a metric takes (CES on its survey's scale). */
export function scaleOf(metric: Metric, cesScale: CesScale): ValueRange {
  return metric === "ces" ? SCALES.ces[cesScale] : SCALES[metric];
}

/** The widest answer range a metric takes on any scale (CES: 1–7), for validating before the survey is known. */
export function widestScale(metric: Metric): ValueRange {
  const ranges: ValueRange[] = metric === "ces" ? Object.values(SCALES.ces) : [SCALES[metric]];
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/** NPS: detractors 0–6, passives 7–8, promoters 9–10. */
export const NPS_CATEGORIES = [
  { name: "detractor", min: 0, max: 6 },
  { name: "passive", min: 7, max: 8 },
  { name: "promoter", min: 9, max: 10 },
] as const satisfies readonly Category[];
export type NpsCategory = (typeof NPS_CATEGORIES)[number]["name"];

/** CSAT: satisfied is the top two boxes (4–5). */
export const CSAT_CATEGORIES = [
  { name: "unsatisfied", min: 1, max: 3 },
  { name: "satisfied", min: 4, max: 5 },
] as const satisfies readonly Category[];
export type CsatCategory = (typeof CSAT_CATEGORIES)[number]["name"];

/** CES: "easy" is agree7 5–7 (agree) or effort5 1–2 (little effort); the rest is high effort. */
export const CES_CATEGORIES = {
  agree7: [
    { name: "high_effort", min: 1, max: 4 },
    { name: "easy", min: 5, max: 7 },
  ],
  effort5: [
    { name: "easy", min: 1, max: 2 },
    { name: "high_effort", min: 3, max: 5 },
  ],
} as const satisfies Record<CesScale, readonly Category[]>;
export type CesCategory = (typeof CES_CATEGORIES)[CesScale][number]["name"];

/** The category `value` falls in, or null when it is off every category. */
export function categoryOf<Name extends string>(categories: readonly Category<Name>[], value: number): Name | null {
  return categories.find((c) => value >= c.min && value <= c.max)?.name ?? null;
}

/** The same categories as a SQL `CASE` over `expr` (NULL when off every category), for grouping in D1. */
export function categorySql(categories: readonly Category[], expr: string): string {
  const arms = categories.map((c) => `WHEN ${expr} BETWEEN ${c.min} AND ${c.max} THEN '${c.name}'`);
  return `CASE ${arms.join(" ")} END`;
}

/**
 * The answers that read as a complaint: an NPS detractor, an unsatisfied CSAT, and on CES the
 * hard end of each scale (agree7 1–3, effort5 4–5). Narrower than CES's `high_effort`
 * category, which also holds the scale's middle answer (agree7 4, effort5 3): "neither easy
 * nor hard" is not easy, but it is no complaint either. The weekly report's ticket of the
 * week is picked among these answers, and the default follow-up rules open on them.
 */
export const UNHAPPY = {
  nps: rangeOf(NPS_CATEGORIES, "detractor"),
  csat: rangeOf(CSAT_CATEGORIES, "unsatisfied"),
  ces: { agree7: { min: 1, max: 3 }, effort5: { min: 4, max: 5 } },
} as const satisfies Record<"nps" | "csat", ValueRange> & { ces: Record<CesScale, ValueRange> };

/** The values of one named category. */
function rangeOf<Name extends string>(categories: readonly Category<Name>[], name: Name): ValueRange {
  const found = categories.find((c) => c.name === name);
  if (!found) throw new Error(`No category ${name}`);
  return { min: found.min, max: found.max };
}

/**
 * The SQL condition that a response's answers (columns `<alias>.nps`, `.csat`, `.ces`, its
 * survey's `ces_scale` as `scaleExpr`) hold an unhappy answer, from UNHAPPY.
 */
export function unhappySql(alias: string, scaleExpr: string): string {
  const between = (column: string, r: ValueRange) => `${alias}.${column} BETWEEN ${r.min} AND ${r.max}`;
  const arms = METRICS.flatMap((m) =>
    m === "ces"
      ? CES_SCALES.map((s) => `(${scaleExpr} = '${s}' AND ${between(m, UNHAPPY.ces[s])})`)
      : [between(m, UNHAPPY[m])],
  );
  return `(${arms.join(" OR ")})`;
}

/**
 * Scales whose low end is the happy one: effort5 asks how much effort it took (1 very easy).
 * Every other scale is happiest at its top.
 */
export const LOW_IS_HAPPY: readonly CesScale[] = ["effort5"];

/** The scale a survey with no known CES scale is read on (the column's default). */
export const DEFAULT_CES_SCALE: CesScale = "agree7";

/** An answer on [0, 1] of its scale, 1 the happiest end. */
export function normalizedAnswer(metric: Metric, cesScale: CesScale, value: number): number {
  const { min, max } = scaleOf(metric, cesScale);
  return metric === "ces" && LOW_IS_HAPPY.includes(cesScale)
    ? (max - value) / (max - min)
    : (value - min) / (max - min);
}

/**
 * The same as SQL over the answer column `column`, CES by its survey's scale `scaleExpr`
 * (read on DEFAULT_CES_SCALE when it is none of the others). The same doubles as the JS.
 */
export function normalizedAnswerSql(metric: Metric, column: string, scaleExpr: string): string {
  const on = (scale: CesScale) => {
    const { min, max } = scaleOf(metric, scale);
    const span = `${max - min}.0`;
    return metric === "ces" && LOW_IS_HAPPY.includes(scale)
      ? `(${max} - ${column}) / ${span}`
      : `(${column} - ${min}) / ${span}`;
  };
  if (metric !== "ces") return on(DEFAULT_CES_SCALE);
  const arms = CES_SCALES.filter((s) => s !== DEFAULT_CES_SCALE).map((s) => `WHEN ${scaleExpr} = '${s}' THEN ${on(s)}`);
  return `CASE ${arms.join(" ")} ELSE ${on(DEFAULT_CES_SCALE)} END`;
}
