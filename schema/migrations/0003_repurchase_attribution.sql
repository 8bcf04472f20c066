-- Repurchase attribution for the default 30-day window, kept at write time.
--
-- `interactions.repurchase_30d_at` is the placed_at of the customer's FIRST
-- counting order for that interaction with a 30-day window (same customer,
-- strictly after closed_at, at most 30 days later, not cancelled), or NULL.
-- For any window W <= 30 days, "repurchased within W by as_of" is then
-- `repurchase_30d_at <= MIN(closed_at + W, as_of)`: the read needs no join.
--
-- Triggers keep it true in the same transaction as the write, whatever order
-- events arrive in: a new or changed order recomputes the interactions whose
-- window could hold it (before and after the change), and an interaction whose
-- closed_at or customer changes (reopened ticket, identity merge) recomputes
-- itself. 2592000000 ms = 30 days (DEFAULT_WINDOW_DAYS in worker/metrics/repurchase.ts).
ALTER TABLE `interactions` ADD `repurchase_30d_at` integer;
--> statement-breakpoint
CREATE INDEX `interactions_attribution` ON `interactions` (`workspace_id`,`closed_at`,`repurchase_30d_at`);
--> statement-breakpoint
CREATE TRIGGER interactions_attribution_insert AFTER INSERT ON interactions BEGIN
  UPDATE interactions SET repurchase_30d_at = (
    SELECT MIN(o.placed_at) FROM orders o
    WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at > NEW.closed_at AND o.placed_at <= NEW.closed_at + 2592000000 AND o.cancelled = 0)
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_attribution_update AFTER UPDATE OF closed_at, customer_key ON interactions BEGIN
  UPDATE interactions SET repurchase_30d_at = (
    SELECT MIN(o.placed_at) FROM orders o
    WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at > NEW.closed_at AND o.placed_at <= NEW.closed_at + 2592000000 AND o.cancelled = 0)
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER orders_attribution_insert AFTER INSERT ON orders
WHEN NEW.customer_key IS NOT NULL AND NEW.placed_at IS NOT NULL AND NEW.cancelled = 0
BEGIN
  UPDATE interactions SET repurchase_30d_at = NEW.placed_at
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key
    AND closed_at < NEW.placed_at AND closed_at >= NEW.placed_at - 2592000000
    AND (repurchase_30d_at IS NULL OR repurchase_30d_at > NEW.placed_at);
END;
--> statement-breakpoint
CREATE TRIGGER orders_attribution_update AFTER UPDATE OF customer_key, placed_at, cancelled ON orders BEGIN
  UPDATE interactions SET repurchase_30d_at = (
    SELECT MIN(o.placed_at) FROM orders o
    WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at > interactions.closed_at AND o.placed_at <= interactions.closed_at + 2592000000 AND o.cancelled = 0)
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key
    AND closed_at < OLD.placed_at AND closed_at >= OLD.placed_at - 2592000000;
  UPDATE interactions SET repurchase_30d_at = (
    SELECT MIN(o.placed_at) FROM orders o
    WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at > interactions.closed_at AND o.placed_at <= interactions.closed_at + 2592000000 AND o.cancelled = 0)
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key
    AND closed_at < NEW.placed_at AND closed_at >= NEW.placed_at - 2592000000;
END;
--> statement-breakpoint
CREATE TRIGGER orders_attribution_delete AFTER DELETE ON orders BEGIN
  UPDATE interactions SET repurchase_30d_at = (
    SELECT MIN(o.placed_at) FROM orders o
    WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at > interactions.closed_at AND o.placed_at <= interactions.closed_at + 2592000000 AND o.cancelled = 0)
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key
    AND closed_at < OLD.placed_at AND closed_at >= OLD.placed_at - 2592000000;
END;
