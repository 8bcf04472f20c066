import type { Locale } from "../domain/questions";
import type { InteractionEvent } from "../store/interactions";
import type { OrderEvent } from "../store/orders";

/** One webhook request as received: the exact bytes, and when. */
export interface Delivery {
  headers: Headers;
  /** The raw body; signatures are checked over these bytes. */
  body: Uint8Array<ArrayBuffer>;
  /** The body decoded as UTF-8, for parsing. */
  text: string;
  /** Unix ms of receipt: the clock for timestamp tolerance and default `closed_at`. */
  receivedAt: number;
}

/** What a delivery means for Aftercare, whatever tool sent it. */
export type HookEvent =
  | { kind: "interaction"; interaction: Omit<InteractionEvent, "source">; locale?: Locale }
  /** An order placed; `cancelled` when its signed body says it is cancelled for good (Shopify's `cancelled_at`). */
  | { kind: "order"; order: OrderEvent; cancelled?: boolean }
  | { kind: "cancellation"; orderId: string };

/** A mapped delivery: an event (with the delivery id when only the body carries it), or nothing to do. */
export type Mapped = { event: HookEvent; deliveryId?: string } | { ignored: string };

/**
 * One webhook source: how it signs, and how its payloads map to our events.
 * Each lives in its own module under `worker/hooks/`.
 */
export interface HookSource {
  readonly name: string;
  /**
   * False when the tool's customer ids are its own numbering (Shopify, Zendesk,
   * WooCommerce): its events then match customers by e-mail only.
   */
  readonly trustsCustomerIds: boolean;
  /** Why a secret is unusable for this source, or null when it is fine. Checked at `PUT /v1/integrations`. */
  checkSecret(secret: string): string | null;
  /**
   * Checks the signature (and timestamp, where the tool signs one) over the raw
   * body. Returns the delivery id to deduplicate on (null when the tool sends
   * none: the receiver then deduplicates on the body's digest), or `false` for a
   * missing, wrong or stale signature.
   */
  verify(delivery: Delivery, secret: string): Promise<{ deliveryId: string | null } | false>;
  /** Maps the parsed body; throws an `invalid` DomainError when a relevant payload is invalid. */
  map(payload: unknown, delivery: Delivery): Mapped;
  /**
   * A handshake the tool sends before any secret is involved (WooCommerce pings
   * a new webhook with a form body): answered 200, writes nothing.
   */
  isHandshake?(delivery: Delivery): boolean;
}

/** A plain secret a person pastes: 8 to 512 visible characters. */
export function checkPlainSecret(secret: string): string | null {
  if (secret.length < 8 || secret.length > 512) return "Expected 8 to 512 characters";
  if (!/^[\x21-\x7e]+$/.test(secret)) return "Expected visible ASCII characters, no spaces";
  return null;
}
