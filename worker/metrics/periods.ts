/** ISO weeks (Monday to Sunday) as `YYYY-Www` labels, on local `YYYY-MM-DD` days. Pure. */

import { addDays, isoWeek } from "../domain/local-day";

const WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The days an ISO week label covers: `from` its Monday (inclusive), `to` the
 * next Monday (exclusive). Null for a malformed label or a week the year does
 * not have (W00, W54, or W53 of a 52-week year).
 */
export function isoWeekRange(label: string): { from: string; to: string } | null {
  const m = WEEK.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const from = new Date(week1Monday + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  // Week 53 of a 52-week year is week 1 of the next: the round trip catches it.
  if (week < 1 || isoWeek(from).label !== label) return null;
  return { from, to: addDays(from, 7) };
}

/** The label of the week before `label` (which must be valid). */
export function previousIsoWeek(label: string): string {
  const range = isoWeekRange(label);
  if (!range) throw new Error(`Not an ISO week: ${label}`);
  return isoWeek(addDays(range.from, -7)).label;
}
