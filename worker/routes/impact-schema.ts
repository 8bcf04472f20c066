import { z } from "@hono/zod-openapi";

/**
 * The body of `GET /v1/impact`. Imports zod only, so the dashboard can take its
 * types from here.
 */

const Money = z.record(z.string(), z.string()).openapi({
  description: "Decimal strings per currency, never converted or summed across currencies",
  example: { EUR: "42.10" },
});
const Share = z.tuple([z.number(), z.number()]).nullable();

export const ImpactBody = z
  .object({
    by: z.string(),
    window_days: z.number().int(),
    as_of: z.string(),
    categories: z.array(
      z.object({
        key: z.string(),
        eligible: z.number().int(),
        repurchased: z.number().int(),
        rate: z.number().nullable().openapi({ description: "repurchased / eligible; null when nothing is eligible" }),
        ci95: Share.openapi({ description: "Wilson 95% interval of the rate" }),
        revenue_per_interaction: Money.nullable(),
        cost_per_interaction: Money.nullable(),
        net_per_interaction: Money.nullable(),
      }),
    ),
    uplift: z.object({
      key: z.string(),
      vs: z.string(),
      difference: z.number().nullable().openapi({ description: "rate(key) − rate(vs)" }),
      ci95: Share.openapi({ description: "Newcombe's hybrid score interval (method 10)" }),
    }),
    at_stake: z
      .record(z.string(), z.object({ value: z.string(), low: z.string(), high: z.string() }))
      .optional()
      .openapi({
        description:
          "eligible(vs) × difference × mean revenue of a repurchasing `key` interaction, per currency; low/high from the uplift's ci95, clipped at 0. Absent when a side has no eligible interaction.",
      }),
    cost_per_interaction: Money.nullable(),
    net_per_interaction: Money.nullable(),
  })
  .openapi("Impact");
