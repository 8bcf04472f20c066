import { z } from "@hono/zod-openapi";
import { DomainError, invalid } from "../domain/errors";
import { zodDetails } from "../http/validation";
import { isCurrencyCode, parseAmount } from "../metrics/money";

/** Shared zod pieces and parsers for webhook payloads. */

/**
 * An id a tool may send as a number or a string. Numeric ids can exceed 2^53
 * (Shopify's documented sample order is 820982911946154508): `parseHookJson`
 * reads such integers from the raw bytes as their exact digits (a string), so
 * a number reaching this schema is always a safe integer.
 */
export const idText = z.union([
  z.string().trim().min(1).max(200),
  z
    .number()
    .nonnegative()
    .refine((n) => Number.isSafeInteger(n), "Expected an integer id")
    .transform((n) => String(n)),
]);

export const segment = z.string().trim().min(1).max(200);

export const HookCustomer = z.object({ id: idText.optional(), email: z.string().trim().max(320).email().optional() });

/** ISO-8601 with a `Z` or an offset, as our own events require. */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .transform((text) => Date.parse(text))
  .refine((ms) => Number.isFinite(ms), "Not a real instant");

const LOOSE_ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Tools format times their own way: ISO-8601 with or without a zone (UTC when
 * absent, as WooCommerce's `*_gmt` and Gorgias's datetimes are). Returns Unix ms
 * or null.
 */
export function parseLooseInstant(text: string): number | null {
  const m = LOOSE_ISO.exec(text.trim());
  if (!m) return null;
  const zone = !m[3] ? "Z" : m[3].toUpperCase() === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  // Date.parse takes at most millisecond precision.
  const time = (m[2] as string).replace(/(\.\d{3})\d+$/, "$1");
  const ms = Date.parse(`${m[1]}T${time}${zone}`);
  return Number.isFinite(ms) ? ms : null;
}

export const looseInstant = z
  .string()
  .transform((text, ctx) => {
    const ms = parseLooseInstant(text);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: "Expected an ISO-8601 date-time, e.g. 2026-11-17T10:00:00Z" });
      return z.NEVER;
    }
    return ms;
  })
  .or(
    z
      .number()
      .int()
      .positive()
      .transform((s) => s * 1000),
  );

export const currencyCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCurrencyCode, "Expected an ISO 4217 currency code such as EUR");

/** A decimal amount, as text or a JSON number; checked against the currency with `moneyIssue`. */
export const amountText = z.union([
  z.string().trim(),
  z
    .number()
    .nonnegative()
    .transform((n) => String(n)),
]);

/**
 * Converts an amount to minor units, or adds a 422 issue at `path`. Money never
 * goes through a float: "49.90" EUR is 4990n.
 */
export function toMinor(amount: string, currency: string, ctx: z.RefinementCtx, path: (string | number)[]) {
  const minor = parseAmount(amount, currency);
  if (minor === null) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `Expected a non-negative decimal amount in ${currency}, e.g. "49.90", with at most the currency's minor digits`,
    });
    return z.NEVER;
  }
  return minor;
}

/** Parses with a schema, or throws the contract's 422 naming the fields. */
export function parseOr422<T extends z.ZodType>(schema: T, payload: unknown, prefix = ""): z.output<T> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw invalid(
      zodDetails(result.error).map((d) => ({
        path: prefix && d.path !== "(root)" ? `${prefix}.${d.path}` : prefix || d.path,
        message: d.message,
      })),
      "The webhook payload has invalid fields",
    );
  }
  return result.data;
}

/**
 * Removes empty strings, nulls and the objects they leave empty, recursively: a
 * trigger template renders a placeholder the ticket lacks as "", which means
 * "not given", not "blank".
 * Recursion is safe: `parseHookJson` refuses bodies nested deeper than
 * MAX_JSON_DEPTH.
 */
export function dropBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropBlanks);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = dropBlanks(v);
      if (cleaned === null || cleaned === undefined) continue;
      if (typeof cleaned === "string" && cleaned.trim() === "") continue;
      // An object whose every placeholder rendered empty (a compensation without one) is not given either.
      if (typeof cleaned === "object" && !Array.isArray(cleaned) && Object.keys(cleaned).length === 0) continue;
      out[k] = cleaned;
    }
    return out;
  }
  return value;
}

/**
 * How deep a webhook body may nest. Real payloads stay under 10 levels
 * (Shopify's order: 5); anything deeper is refused before any code walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, counted without parsing. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Parses a webhook body: 400 if it is not JSON, 422 `too_deeply_nested` past
 * MAX_JSON_DEPTH. Integers beyond 2^53 are kept as their exact digits (a
 * string) instead of the rounded double JSON.parse would give: ids such as
 * 820982911946154508 stay themselves.
 */
export function parseHookJson(text: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new DomainError(
      "invalid",
      "too_deeply_nested",
      `The webhook body nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`,
    );
  }
  try {
    return JSON.parse(text, exactIntegers);
  } catch (e) {
    throw new DomainError("malformed", "malformed_json", `The body is not valid JSON: ${(e as Error).message}`);
  }
}

/** JSON.parse reviver: an unsafe integer becomes the digits it was written with. */
function exactIntegers(this: unknown, _key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    const source = context?.source;
    if (source && /^-?\d+$/.test(source)) return source;
  }
  return value;
}

/** The value of a header, trimmed; null when absent or empty. */
export function header(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.trim();
  return value ? value : null;
}
