import { addDays, isoWeek } from "../domain/local-day";
import { isoWeekRange, previousIsoWeek } from "../metrics/periods";
import type { Period } from "./target";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` or `YYYY-Www` → its local days; null when it is neither. */
export function parsePeriod(label: string): Period | null {
  const m = MONTH.exec(label);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
    return { label, kind: "month", from: `${label}-01`, to: `${next}-01` };
  }
  const week = isoWeekRange(label);
  return week ? { label, kind: "week", ...week } : null;
}

/** The last month and the last ISO week that ended before the local day `today`. */
export function lastClosedPeriods(today: string): Period[] {
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const lastWeek = previousIsoWeek(isoWeek(today).label);
  return [parsePeriod(lastMonth), parsePeriod(lastWeek)].filter((p): p is Period => p !== null);
}
