/**
 * The response rate: the share of invited tickets that answered, as a fraction (0–1) like
 * every other `rate` of the API (repurchase, impact); null when none was invited.
 */
export interface RateFigures {
  invited: number;
  answered: number;
  rate: number | null;
}

export function rateFigures(invited: number, answered: number): RateFigures {
  return { invited, answered, rate: invited > 0 ? answered / invited : null };
}
