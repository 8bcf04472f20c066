import type { z } from "@hono/zod-openapi";
import { sha256Hex } from "../auth/crypto";
// The schema is zod only (worker/routes/targets-schema.ts), so the dashboard can take its types from it.
import type { TargetInput as TargetInputSchema } from "../routes/targets-schema";

export type TargetInput = z.infer<typeof TargetInputSchema>;

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
