/**
 * A follow-up's life: open → contacted → resolved, open → resolved, and a resolved one may be
 * reopened. Reaching contacted or resolved by hand counts as having contacted the customer (the
 * repurchase grouping's "contacted").
 */

export const FOLLOW_UP_STATUSES = ["open", "contacted", "resolved"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Why a follow-up was resolved: by a person, or because the answer changed and no longer matches. */
export const FOLLOW_UP_RESOLUTIONS = ["handled", "answer_changed"] as const;
export type FollowUpResolution = (typeof FOLLOW_UP_RESOLUTIONS)[number];

/** The moves a person may make from each status. */
export const FOLLOW_UP_MOVES: Readonly<Record<FollowUpStatus, readonly FollowUpStatus[]>> = {
  open: ["contacted", "resolved"],
  contacted: ["resolved"],
  resolved: ["open"],
};

/** Whether a person may move a follow-up from `from` to `to` (staying put is always allowed). */
export function canMoveFollowUp(from: FollowUpStatus, to: FollowUpStatus): boolean {
  return from === to || FOLLOW_UP_MOVES[from].includes(to);
}
