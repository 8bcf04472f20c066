/**
 * Who a customer is across events (docs/scores.md, "Repurchase after an
 * interaction"): the pure rule the identity store (`worker/store/identity.ts`)
 * keeps in SQL, checked against it by the model test.
 */

import { normalizeEmail } from "../domain/customer-email";

/** A customer as one event names them: a normalized e-mail, an id, or both. */
export interface IdentityRef {
  email?: string | null;
  id?: string | null;
}

/**
 * Groups identities into customers: one customer per normalized e-mail or id,
 * and an event that carries both joins the two, in whatever order the events
 * come. Returns a function from an identity to its customer (a stable
 * representative), or null when the identity names no one.
 */
export function linkIdentities(events: readonly IdentityRef[]): (ref: IdentityRef) => string | null {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const keys = (ref: IdentityRef) =>
    [ref.email?.trim() ? `e:${normalizeEmail(ref.email)}` : null, ref.id ? `i:${ref.id}` : null].filter(
      (k): k is string => k !== null,
    );
  for (const event of events) {
    const [a, b] = keys(event);
    if (a) add(a);
    if (b) {
      add(b);
      const ra = find(a as string);
      const rb = find(b);
      // The smaller root wins, so the representative does not depend on event order.
      const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
      if (low !== high) parent.set(high, low);
    }
  }
  return (ref) => {
    const [first] = keys(ref);
    return first && parent.has(first) ? find(first) : null;
  };
}
