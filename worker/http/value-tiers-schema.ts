import { z } from "@hono/zod-openapi";
import { parseBoundedAmount } from "../metrics/cost";
import { currencyDigits, isCurrencyCode } from "../metrics/money";
import type { ValueTiers } from "../store/workspaces";

/** The largest bound, in whole units: far above any customer's yearly spend, exact in D1. */
export const MAX_VALUE_TIER_UNITS = 1_000_000_000;

/**
 * `value_tiers` of `PATCH /v1/workspace`: `{"currency": "EUR", "bounds": [100, 500]}`
 * makes a customer `low` below 100, `mid` from 100 to below 500, `high` from 500
 * (counting orders in EUR over the 365 days before the interaction). Bounds are
 * positive, increasing, with at most the currency's minor digits; anything else
 * is a 422 naming the bound.
 */
export const ValueTiersSchema = z
  .object({
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine(isCurrencyCode, "Expected an ISO 4217 currency code such as EUR"),
    bounds: z.tuple([z.number(), z.number()]),
  })
  .strict()
  .transform((t, ctx): ValueTiers => {
    const minor = t.bounds.map((b, i) => {
      const parsed = b > 0 ? parseBoundedAmount(String(b), t.currency, MAX_VALUE_TIER_UNITS) : null;
      if (parsed === null || parsed <= 0n) {
        ctx.addIssue({
          code: "custom",
          path: ["bounds", i],
          message: `Expected a positive amount in ${t.currency} of at most ${MAX_VALUE_TIER_UNITS}, with at most ${currencyDigits(t.currency)} decimals`,
        });
      }
      return parsed;
    });
    const [mid, high] = minor;
    if (mid == null || high == null) return z.NEVER;
    if (high <= mid) {
      ctx.addIssue({
        code: "custom",
        path: ["bounds", 1],
        message: "Bounds must be increasing: [mid from, high from]",
      });
      return z.NEVER;
    }
    return { currency: t.currency, midMinor: mid, highMinor: high };
  })
  .openapi("ValueTiers", {
    type: "object",
    properties: {
      currency: { type: "string", example: "EUR" },
      bounds: { type: "array", items: { type: "number" }, example: [100, 500] },
    },
    required: ["currency", "bounds"],
  });

/** The stored tiers as the API shows them: bounds back in whole units of the currency. */
export function valueTiersJson(t: ValueTiers | null): { currency: string; bounds: [number, number] } | null {
  if (!t) return null;
  const unit = 10 ** currencyDigits(t.currency);
  return { currency: t.currency, bounds: [Number(t.midMinor) / unit, Number(t.highMinor) / unit] };
}
