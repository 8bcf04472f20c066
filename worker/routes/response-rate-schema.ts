import { z } from "@hono/zod-openapi";

/**
 * The response-rate figures, shared by `/v1/response-rate` and
 * `/v1/dashboard/summary`. Imports zod only, so the dashboard can take its
 * type from here.
 */
export const ResponseRateFiguresSchema = z.object({
  invited: z.number().int().openapi({ description: "Tickets invited (once per ticket and survey)" }),
  answered: z.number().int().openapi({ description: "Of those, the ones with an answer" }),
  rate: z.number().nullable().openapi({
    description:
      "answered/invited, a fraction from 0 to 1 like the repurchase rate, unrounded; null when none was invited",
  }),
});
