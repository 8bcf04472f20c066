import type { z } from "@hono/zod-openapi";
import { describe, expectTypeOf, it } from "vitest";
import type { FollowUpItem, FollowUpSummary, ResponseItem } from "../../widget/src/dashboard/api";
import type { ImpactBody as DashboardImpact } from "../../widget/src/dashboard/ImpactCard";
import type { TargetItem } from "../../widget/src/dashboard/ProgrammeHealth";
import type { WeeklyReportBody } from "../../widget/src/dashboard/WeeklyReport";
import type { FollowUp, Summary } from "../../worker/routes/follow-ups";
import type { ImpactBody } from "../../worker/routes/impact";
import type { WeeklyReport } from "../../worker/routes/reports";
import type { ResponseItem as ResponseSchema } from "../../worker/routes/responses";
import type { ReportItem } from "../../worker/routes/targets";

/**
 * The dashboard's types for the responses whose schemas still live inside their
 * route modules (which a browser project cannot compile): what each route
 * serves must be assignable to what the dashboard reads, so a changed schema
 * fails `npm run typecheck` here. (The figures, repurchase, response rate and
 * summary types are `z.infer` of the schemas themselves: widget/src/dashboard/api.ts.)
 */
describe("the dashboard's response types follow the Worker's schemas", () => {
  it("responses, follow-ups, the weekly report, targets and impact (checked by tsc)", () => {
    expectTypeOf<z.infer<typeof ResponseSchema>>().toExtend<ResponseItem>();
    expectTypeOf<z.infer<typeof FollowUp>>().toExtend<FollowUpItem>();
    expectTypeOf<z.infer<typeof Summary>>().toEqualTypeOf<FollowUpSummary>();
    expectTypeOf<z.infer<typeof WeeklyReport>>().toExtend<WeeklyReportBody>();
    expectTypeOf<z.infer<typeof ReportItem>>().toExtend<TargetItem>();
    expectTypeOf<z.infer<typeof ImpactBody>>().toExtend<DashboardImpact>();
  });
});
