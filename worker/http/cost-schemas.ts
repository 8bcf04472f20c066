import { z } from "@hono/zod-openapi";
import {
  handlingSeconds,
  MAX_COMPENSATION_UNITS,
  MAX_COST_PER_HOUR_UNITS,
  MAX_HANDLING_MINUTES,
  type Money,
  parseBoundedAmount,
} from "../metrics/cost";
import { isCurrencyCode } from "../metrics/money";

/**
 * The cost fields of an interaction and of a workspace, shared by
 * `POST /v1/invitations`, `interaction.closed` events and `PATCH /v1/workspace`.
 * A support tool's template renders every placeholder as text, so numbers may
 * also come as numeric strings.
 */

const NUMERIC_TEXT = /^\d{1,9}(?:\.\d{1,9})?$/;

/** `handling_minutes`: agent time, 0 to a week, kept as whole seconds. */
export const HandlingMinutes = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(NUMERIC_TEXT, "Expected a number of minutes such as 12.5")
      .transform((text) => Number(text)),
  ])
  .pipe(
    z
      .number()
      .min(0, "Handling time cannot be negative")
      .max(MAX_HANDLING_MINUTES, `At most ${MAX_HANDLING_MINUTES} minutes (a week)`),
  )
  .transform(handlingSeconds)
  .openapi({
    type: "number",
    description: `Agent time spent on the ticket, after-contact work included, in minutes (0–${MAX_HANDLING_MINUTES})`,
    example: 12.5,
  });

const Currency = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCurrencyCode, "Expected an ISO 4217 currency code such as EUR");

const AmountText = z.union([z.string().trim(), z.number().transform(String)]);

/** An `{amount, currency}` object turned into exact minor units, or a 422 naming `amount`. */
function moneySchema(maxUnits: number, name: string) {
  return z
    .object({ amount: AmountText, currency: Currency })
    .transform((m, ctx): Money => {
      const minor = parseBoundedAmount(m.amount, m.currency, maxUnits);
      if (minor === null) {
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: `Expected a non-negative decimal amount in ${m.currency} such as "12.50", with at most the currency's minor digits and at most ${maxUnits}`,
        });
        return z.NEVER;
      }
      return { minor, currency: m.currency };
    })
    .openapi(name, {
      type: "object",
      properties: { amount: { type: "string", example: "12.50" }, currency: { type: "string", example: "EUR" } },
      required: ["amount", "currency"],
    });
}

/** `compensation`: refunds and gestures granted on the ticket. */
export const Compensation = moneySchema(MAX_COMPENSATION_UNITS, "Compensation");

/** `cost_per_hour`: what an hour of agent time costs the workspace. */
export const CostPerHour = moneySchema(MAX_COST_PER_HOUR_UNITS, "CostPerHour");
