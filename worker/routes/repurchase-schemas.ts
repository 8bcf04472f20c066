import { z } from "@hono/zod-openapi";

/**
 * OpenAPI schemas of the repurchase figures, shared by `/v1/repurchase` and
 * `/v1/dashboard/summary`. They document the shapes `worker/metrics/repurchase.ts`
 * produces. Imports zod only, so the dashboard can take its types from here.
 */

const Money = z.record(z.string(), z.string()).openapi({
  description: "Decimal strings per currency, never summed across currencies",
  example: { EUR: "1234.50" },
});

export const RepurchaseFiguresSchema = z.object({
  eligible: z.number().int().openapi({ description: "Interactions whose window has closed by `as_of`" }),
  repurchased: z.number().int().openapi({ description: "Eligible interactions with a counting order" }),
  rate: z.number().nullable().openapi({ description: "repurchased / eligible; null when nothing is eligible" }),
  pending: z.number().int().openapi({ description: "Interactions whose window is still open (never a miss)" }),
  pending_repurchased: z
    .number()
    .int()
    .openapi({ description: "Pending ones with a counting order placed by `as_of`" }),
  revenue: Money,
  revenue_per_interaction: Money,
});
