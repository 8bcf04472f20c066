import { z } from "@hono/zod-openapi";
import { RepurchaseFiguresSchema } from "./repurchase-schemas";
import { ResponseRateFiguresSchema } from "./response-rate-schema";
import { CesFiguresSchema, CsatFiguresSchema, NpsFiguresSchema } from "./score-schemas";

/**
 * The body of `GET /v1/dashboard/summary`. It imports zod and the figure
 * schemas only, so the dashboard takes its type from here (`import type`,
 * erased from the bundle) instead of keeping a copy.
 */

const FigureError = z
  .object({
    error: z.object({ code: z.string().openapi({ example: "mixed_ces_scales" }), message: z.string() }),
  })
  .openapi({ description: "This figure could not be computed for the selection; the others still are" });

const orError = <T extends z.ZodType>(figures: T) => z.union([figures, FigureError]);

const values = z.array(z.string()).openapi({ description: "Distinct non-empty values, sorted" });

export const DashboardSummarySchema = z
  .object({
    nps: orError(NpsFiguresSchema),
    csat: orError(CsatFiguresSchema),
    ces: orError(CesFiguresSchema),
    repurchase: orError(
      RepurchaseFiguresSchema.extend({ window_days: z.number().int(), as_of: z.string() }).openapi({
        description: "As `GET /v1/repurchase` with its default window and `as_of` now",
      }),
    ),
    response_rate: ResponseRateFiguresSchema.openapi({
      description: "As `GET /v1/response-rate`: the invitations of the selection's days that were answered",
    }),
    filter_values: z.object({ channel: values, request_type: values, agent: values, team: values }).openapi({
      description:
        "Every value each segment filter can take: the distinct keys of the score rollups (all time, whatever the filters)",
    }),
  })
  .openapi("DashboardSummary");

export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;
