/** The follow-up summary's figures from the follow-ups opened in the period. Pure. */
export interface FollowUpTimes {
  status: "open" | "contacted" | "resolved";
  opened_at: number;
  contacted_at: number | null;
  resolved_at: number | null;
}

const HOUR_MS = 3_600_000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Plain hours, unrounded: clients round, as for every figure of the API. */
const hours = (ms: number) => ms / HOUR_MS;

/**
 * `opened`: follow-ups opened in the period; `contacted`: of those, the ones a
 * person reached (contacted, or resolved by hand); `resolved` and `open`: their
 * current status. Medians in hours, unrounded, null without data.
 */
export function followUpSummary(rows: FollowUpTimes[]) {
  const toContact = rows.filter((r) => r.contacted_at != null).map((r) => (r.contacted_at as number) - r.opened_at);
  const toResolve = rows.filter((r) => r.resolved_at != null).map((r) => (r.resolved_at as number) - r.opened_at);
  const m1 = median(toContact);
  const m2 = median(toResolve);
  return {
    opened: rows.length,
    contacted: toContact.length,
    resolved: rows.filter((r) => r.status === "resolved").length,
    open: rows.filter((r) => r.status === "open").length,
    median_hours_to_contact: m1 == null ? null : hours(m1),
    median_hours_to_resolve: m2 == null ? null : hours(m2),
  };
}
