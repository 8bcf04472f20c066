/**
 * Money as integer minor units (`bigint`) from parsing to formatting: never a
 * float, never summed across currencies.
 */

const CURRENCY = /^[A-Z]{3}$/;
const digitsCache = new Map<string, number>();

/** True for an ISO 4217-shaped code (three upper-case letters). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY.test(code);
}

/** Minor-unit digits of a currency per ICU/ISO 4217: EUR 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The largest amount accepted, in minor units: keeps every value exact in JS numbers and D1. */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses a decimal amount such as "49.90" into minor units of `currency`
 * (4990n for EUR). Extra decimals are accepted only when they are zeros
 * ("1000.00" JPY is 1000n); anything else, a negative or a huge amount is null.
 */
export function parseAmount(text: string, currency: string): bigint | null {
  const m = /^(\d{1,16})(?:\.(\d{1,12}))?$/.exec(text.trim());
  if (!m) return null;
  const digits = currencyDigits(currency);
  const fraction = m[2] ?? "";
  if (/[1-9]/.test(fraction.slice(digits))) return null;
  const minor = BigInt(`${m[1]}${fraction.slice(0, digits).padEnd(digits, "0")}`);
  return minor <= MAX_MINOR ? minor : null;
}

/** Minor units back to a decimal string: 123450n EUR is "1234.50", 500n JPY is "500". */
export function formatMinor(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** `minor / count` rounded half up to the currency's minor unit, as a decimal string. */
export function divideMinor(minor: bigint, count: number, currency: string): string {
  const n = BigInt(count);
  return formatMinor((2n * minor + n) / (2n * n), currency);
}
