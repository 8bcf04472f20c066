/** The response rate: the share of invited tickets that answered, in percent; null when none was invited. */
export interface RateFigures {
  invited: number;
  answered: number;
  rate: number | null;
}

export function rateFigures(invited: number, answered: number): RateFigures {
  return { invited, answered, rate: invited > 0 ? (100 * answered) / invited : null };
}
