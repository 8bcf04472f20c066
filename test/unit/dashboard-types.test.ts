import type { z } from "@hono/zod-openapi";
import { describe, expectTypeOf, it } from "vitest";
import type {
  FollowUpItem,
  FollowUpPage,
  FollowUpSummary,
  ImpactBody,
  ResponseItem,
  ResponsePage,
  TargetItem,
  TargetReport,
  WeeklyReportBody,
} from "../../widget/src/dashboard/api";
import type {
  FollowUp,
  FollowUpPage as FollowUpPageSchema,
  FollowUpSummary as Summary,
} from "../../worker/routes/follow-ups-schema";
import type { ImpactBody as ImpactSchema } from "../../worker/routes/impact-schema";
import type { WeeklyReport } from "../../worker/routes/reports-schema";
import type {
  ResponsePage as ResponsePageSchema,
  ResponseItem as ResponseSchema,
} from "../../worker/routes/responses-schema";
import type { ReportItem, TargetReport as TargetReportSchema } from "../../worker/routes/targets-schema";

/**
 * The dashboard's response types are `z.infer` of the schemas the routes declare
 * (worker/routes/*-schema.ts, the tsc project worker/routes/tsconfig.schemas.json),
 * not copies: each must equal its schema, and the fields the dashboard reads are
 * pinned, so a renamed or retyped field fails `npm run typecheck` here as well
 * as in the component that reads it.
 */
describe("the dashboard's response types are the Worker's schemas", () => {
  it("equal z.infer of the route schemas (checked by tsc)", () => {
    expectTypeOf<ResponseItem>().toEqualTypeOf<z.infer<typeof ResponseSchema>>();
    expectTypeOf<ResponsePage>().toEqualTypeOf<z.infer<typeof ResponsePageSchema>>();
    expectTypeOf<FollowUpItem>().toEqualTypeOf<z.infer<typeof FollowUp>>();
    expectTypeOf<FollowUpPage>().toEqualTypeOf<z.infer<typeof FollowUpPageSchema>>();
    expectTypeOf<FollowUpSummary>().toEqualTypeOf<z.infer<typeof Summary>>();
    expectTypeOf<WeeklyReportBody>().toEqualTypeOf<z.infer<typeof WeeklyReport>>();
    expectTypeOf<TargetItem>().toEqualTypeOf<z.infer<typeof ReportItem>>();
    expectTypeOf<TargetReport>().toEqualTypeOf<z.infer<typeof TargetReportSchema>>();
    expectTypeOf<ImpactBody>().toEqualTypeOf<z.infer<typeof ImpactSchema>>();
  });

  it("carry the fields the dashboard reads (checked by tsc)", () => {
    expectTypeOf<ResponseItem>().toExtend<{
      id: string;
      ticket_id: string;
      source: string;
      answers: { nps?: number; csat?: number; ces?: number };
      comment: string | null;
      submitted_at: string;
      channel: string | null;
      request_type: string | null;
      agent: string | null;
      team: string | null;
    }>();
    expectTypeOf<FollowUpItem>().toExtend<{
      id: string;
      status: "open" | "contacted" | "resolved";
      assignee: string | null;
      note: string | null;
      opened_at: string;
    }>();
    expectTypeOf<FollowUpSummary>().toEqualTypeOf<{
      opened: number;
      contacted: number;
      resolved: number;
      open: number;
      median_hours_to_contact: number | null;
      median_hours_to_resolve: number | null;
    }>();
    expectTypeOf<WeeklyReportBody["metrics"][number]>().toExtend<{
      metric: "nps" | "csat" | "ces";
      headline: "nps" | "csat" | "easy_pct";
      current: { n: number };
      change: number | null;
    }>();
    expectTypeOf<WeeklyReportBody["movers"][number]>().toExtend<{ key: string | null; change: number; n: number }>();
    expectTypeOf<TargetItem>().toExtend<{
      target: { id: string; metric: string; period: string };
      value: number | null;
      status: "met" | "missed" | "no_data";
      certain: boolean;
      n_needed: number | null;
    }>();
    expectTypeOf<ImpactBody>().toExtend<{
      window_days: number;
      categories: { key: string; eligible: number; rate: number | null; ci95: [number, number] | null }[];
      uplift: { key: string; vs: string; difference: number | null; ci95: [number, number] | null };
      cost_per_interaction: Record<string, string> | null;
    }>();
  });
});
