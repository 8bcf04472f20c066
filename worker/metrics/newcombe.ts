/**
 * The interval of a difference of two independent proportions. Pure, no I/O.
 */

import { type Interval, wilsonInterval, Z95 } from "../domain/intervals";

/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions", method 10),
 * built from the two Wilson intervals (l1, u1) and (l2, u2):
 *
 *     low  = (p1 − p2) − sqrt((p1 − l1)² + (u2 − p2)²)
 *     high = (p1 − p2) + sqrt((u1 − p1)² + (p2 − l2)²)
 *
 * Unlike the Wald interval it keeps honest coverage at the small counts and
 * the 0% / 100% rates a support team's segments produce, and it never leaves
 * [−1, 1]. Null when either side has no observation.
 */
export function newcombeHybridInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  z = Z95,
): Interval | null {
  const w1 = wilsonInterval(successes1, n1, z);
  const w2 = wilsonInterval(successes2, n2, z);
  if (!w1 || !w2) return null;
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const difference = p1 - p2;
  const low = difference - Math.hypot(p1 - w1[0], w2[1] - p2);
  const high = difference + Math.hypot(w1[1] - p1, p2 - w2[0]);
  return [Math.max(-1, low), Math.min(1, high)];
}
