import { describe, expect, it } from "vitest";
import { createWorkspace } from "../support/worker/helpers";
import { iso, STANDARD_SECRET, sendStandard, setIntegration } from "../support/worker/hooks-signing";
import { databaseOf } from "../support/worker/shards";

/**
 * A shop's order ids are stored with the shop's name before them (`shopify:5123`); the
 * workspace's own are stored as sent. An own id that reads as a shop's would name, and could
 * cancel, the order that shop reported: it is refused, and nothing is written.
 */
describe("an order id of the workspace's own that reads as a shop's", () => {
  it("is a 422 naming order_id, for an order and for a cancellation, and writes nothing", async () => {
    const ws = await createWorkspace();
    await setIntegration(ws, "standard", STANDARD_SECRET);
    const order = (order_id: string) => ({
      type: "order.created",
      data: {
        order_id,
        customer: { email: "jeanne@example.fr" },
        placed_at: iso(Date.now() - 60_000),
        total: "20",
        currency: "EUR",
      },
    });
    for (const event of [
      order("shopify:5123"),
      order("WooCommerce:77"),
      { type: "order.cancelled", data: { order_id: "shopify:5123" } },
    ]) {
      const res = await sendStandard(ws, event);
      expect(res.status, JSON.stringify(event)).toBe(422);
      expect(JSON.stringify(res.body.error.details)).toContain("order_id");
    }
    // An own id with a colon that names no shop is still the workspace's own.
    expect((await sendStandard(ws, order("web:5123"))).status).toBe(200);
    const rows = await (await databaseOf(ws.id))
      .prepare("SELECT order_id FROM orders WHERE workspace_id = ?")
      .bind(ws.id)
      .all<{ order_id: string }>();
    expect(rows.results.map((r) => r.order_id)).toEqual(["web:5123"]);
  });
});
