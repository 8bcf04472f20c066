/**
 * Whose numbering an order id is in. A shop's own order ids (Shopify's, WooCommerce's) are kept
 * with the shop's name before them (`shopify:5123`), so two shops' order 5123 are two orders;
 * the workspace's own ids (`order.created` of our own events) are kept as sent. An own id may
 * therefore not begin with a shop's prefix: `shopify:5123` sent as one's own would name, and
 * could cancel, the order Shopify reported.
 */
export const SHOP_ORDER_SOURCES = ["shopify", "woocommerce"] as const;
export type ShopOrderSource = (typeof SHOP_ORDER_SOURCES)[number];

/** The stored id of order `id` as `shop` numbers it. */
export function shopOrderId(shop: ShopOrderSource, id: string | number): string {
  return `${shop}:${id}`;
}

/** Whether `id`, given as the workspace's own, would read as a shop's order id. */
export function looksLikeShopOrderId(id: string): boolean {
  const lower = id.toLowerCase();
  return SHOP_ORDER_SOURCES.some((shop) => lower.startsWith(`${shop}:`));
}
