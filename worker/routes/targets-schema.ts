import { z } from "@hono/zod-openapi";
import { METRICS } from "../domain/metrics";
import { segmentText } from "../http/openapi";

/**
 * The schemas of `/v1/targets` and `/v1/targets/report`. Imports zod and the
 * domain only, so the dashboard can take its types from here.
 */

/** The metrics a contract target can name. */
export const TARGET_METRICS = [...METRICS, "repurchase"] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_PERIODS = ["week", "month"] as const;

/** NPS runs from −100 to 100; the shares (CSAT, CES easy, repurchase) from 0 to 100 %. */
const bounds = (metric: TargetMetric) => (metric === "nps" ? [-100, 100] : [0, 100]);

export const TargetInput = z
  .object({
    metric: z.enum(TARGET_METRICS).openapi({
      description:
        "`csat` (% satisfied), `nps` (points), `ces` (% easy answers, the CES share), `repurchase` (% of eligible interactions, 30-day window)",
    }),
    min: z.number().finite().optional().openapi({ description: "Met when the value is ≥ min" }),
    max: z.number().finite().optional().openapi({ description: "Met when the value is ≤ max" }),
    period: z.enum(TARGET_PERIODS),
    channel: segmentText.optional(),
    request_type: segmentText.optional(),
    team: segmentText.optional(),
    agent: segmentText.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.min == null && t.max == null) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "A target needs min, max or both" });
    }
    if (t.min != null && t.max != null && t.min > t.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "min must not be above max" });
    }
    const [low, high] = bounds(t.metric);
    for (const field of ["min", "max"] as const) {
      const v = t[field];
      if (v != null && (v < (low as number) || v > (high as number))) {
        ctx.addIssue({ code: "custom", path: [field], message: `Must be between ${low} and ${high} for ${t.metric}` });
      }
    }
  })
  .openapi("TargetInput");

export const TargetBody = TargetInput.and(z.object({ id: z.string() })).openapi("Target");
export const TargetList = z.object({ targets: z.array(TargetBody) }).openapi("Targets");

const Interval = z.tuple([z.number(), z.number()]).nullable();
export const ReportItem = z.object({
  target: TargetBody,
  period: z.string(),
  value: z.number().nullable().openapi({ description: "Point value in percent (NPS in points); null without answers" }),
  n: z.number().int(),
  ci95: Interval.openapi({ description: "95 % interval: adjusted-Wald for NPS, Wilson for the shares" }),
  status: z.enum(["met", "missed", "no_data"]).openapi({ description: "The point value against the threshold(s)" }),
  certain: z.boolean().openapi({ description: "The whole ci95 lies on the side `status` names" }),
  n_needed: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "When not certain: the smallest n at which the same shares would be; null otherwise" }),
});

export const TargetReport = z.object({ items: z.array(ReportItem) }).openapi("TargetReport");
