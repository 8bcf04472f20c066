/** Calendar days in a workspace's timezone. Rollups and date filters use these. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `YYYY-MM-DD` of the instant `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  return formatter(timeZone).format(new Date(ms));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The Monday (ISO week start) of a `YYYY-MM-DD` day, and its ISO week label `YYYY-Www`. */
export function isoWeek(day: string): { start: string; label: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(d.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const week = 1 + Math.round((monday.getTime() - week1Monday.getTime()) / (7 * 86_400_000));
  return { start: monday.toISOString().slice(0, 10), label: `${year}-W${String(week).padStart(2, "0")}` };
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Unix ms bounds that hold every instant whose local day, in any timezone, lies in
 * [fromDay, toDay): local days are within UTC−12…UTC+14 of UTC, so a day of margin each side
 * is enough. A query narrows its scan by instant with these (an index on the instant), then
 * tests the exact local day.
 */
export function instantsAroundDays(fromDay: string, toDay: string): [from: number, to: number] {
  return [Date.parse(`${fromDay}T00:00:00Z`) - 86_400_000, Date.parse(`${toDay}T00:00:00Z`) + 86_400_000];
}
