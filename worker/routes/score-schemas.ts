import { z } from "@hono/zod-openapi";

/**
 * OpenAPI schemas of the score figures, shared by `/v1/scores` and the weekly
 * report. They document the shapes `worker/metrics/scores.ts` produces.
 */

const pctOrNull = z.number().nullable().openapi({ description: "Percent, unrounded; null when n = 0" });
const interval = z
  .tuple([z.number(), z.number()])
  .nullable()
  .openapi({ description: "[low, high], unrounded; null when n = 0" });

const Share = z.object({ count: z.number().int(), pct: pctOrNull });

export const NpsFiguresSchema = z
  .object({
    n: z.number().int(),
    nps: z.number().nullable().openapi({ description: "100·(P−D)/n, from −100 to 100" }),
    promoters: Share.openapi({ description: "Answers 9–10" }),
    passives: Share.openapi({ description: "Answers 7–8" }),
    detractors: Share.openapi({ description: "Answers 0–6" }),
    margin_of_error: z
      .number()
      .nullable()
      .openapi({ description: "Wald: 100·1.96·sqrt((p+d−(p−d)²)/n), in NPS points" }),
    ci95: interval.openapi({ description: "Adjusted-Wald 95% interval (Rocks 2016), clipped to [−100, 100]" }),
    benchmark: z.enum(["poor", "healthy", "good", "excellent", "world-class"]).nullable(),
  })
  .openapi("NpsFigures");

const distribution = z.record(z.string(), z.number().int()).openapi({ description: "Answer value → count" });

export const CsatFiguresSchema = z
  .object({
    n: z.number().int(),
    csat: pctOrNull.openapi({ description: "Percent of answers 4–5" }),
    mean: z.number().nullable(),
    distribution,
    ci95: interval.openapi({ description: "Wilson 95% interval of the satisfied share, in percent" }),
    benchmark: z.enum(["critical", "fair", "good", "excellent"]).nullable(),
  })
  .openapi("CsatFigures");

export const CesFiguresSchema = z
  .object({
    n: z.number().int(),
    scale: z.enum(["agree7", "effort5"]).nullable(),
    mean: z.number().nullable(),
    easy_pct: pctOrNull.openapi({ description: "Percent easy: agree7 5–7, effort5 1–2" }),
    distribution,
    benchmark: z
      .enum(["good", "high-effort"])
      .nullable()
      .openapi({ description: "effort5: mean ≤ 2 good; agree7: mean ≥ 5 good" }),
  })
  .openapi("CesFigures");

export const FiguresSchema = z.union([NpsFiguresSchema, CsatFiguresSchema, CesFiguresSchema]);
