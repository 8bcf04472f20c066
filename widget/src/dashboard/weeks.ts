/** ISO week labels (`YYYY-Www`), for stepping the weekly report back and forth. */

/** The label of the ISO week `weeks` away from `label` (`2026-W47`, -1 → `2026-W46`). */
export function shiftWeek(label: string, weeks: number): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) return label;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const monday = new Date(week1Monday + (Number(m[2]) - 1 + weeks) * 7 * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const y4 = Date.UTC(year, 0, 4);
  const y1Monday = y4 - ((new Date(y4).getUTCDay() + 6) % 7) * 86_400_000;
  const week = 1 + Math.round((monday.getTime() - y1Monday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week label of a `YYYY-MM-DD` day. */
export function isoWeekOf(day: string): string {
  const d = Date.parse(`${day}T00:00:00Z`);
  const thursday = new Date(d + (3 - ((new Date(d).getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return `${year}-W${String(1 + Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000))).padStart(2, "0")}`;
}
