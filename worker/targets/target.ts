import { z } from "@hono/zod-openapi";
import { sha256Hex } from "../auth/crypto";
import { METRICS } from "../domain/metrics";
import { segmentText } from "../http/openapi";

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
export type TargetInput = z.infer<typeof TargetInput>;

export type Target = TargetInput & { id: string };

/** The fields that define a target, in a fixed order: its id is their hash, so the same target keeps its id. */
function canonical(t: TargetInput): string {
  return JSON.stringify([
    t.metric,
    t.period,
    t.min ?? null,
    t.max ?? null,
    t.channel ?? null,
    t.request_type ?? null,
    t.team ?? null,
    t.agent ?? null,
  ]);
}

export async function withId(t: TargetInput): Promise<Target> {
  return { id: `tgt_${(await sha256Hex(canonical(t))).slice(0, 16)}`, ...t };
}

/** A report period: a month `YYYY-MM` or an ISO week `YYYY-Www`, as local days [from, to). */
export interface Period {
  label: string;
  kind: "week" | "month";
  from: string;
  to: string;
}
