-- Customer segments from the shop's own orders (issue 14), on `interactions`:
-- * customer_tenure: `first_order` (no counting order placed before closed_at), `returning`
--   (1–2), `loyal` (3+); '' without a customer.
-- * value_tier: the customer's counting orders in the workspace's value-tier currency over the
--   365 days before closed_at (31536000000 ms): `low` below the mid bound, `mid` below the high
--   bound, `high` from it; `unknown` without tiers (NULL bounds never compare) or such orders.
-- Orders count by when they were placed, whenever their webhook arrives: every order write
-- recomputes the interactions of that customer closed after it (before and after the change);
-- an interaction recomputes itself when it closes again or changes customer; changed bounds
-- recompute the workspace's interactions. A changed segment is copied to the interaction's
-- responses, whose rollup triggers (0010) move the counts, all in the write's transaction.
CREATE TRIGGER interactions_segments_insert AFTER INSERT ON interactions BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN NEW.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at < NEW.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = NEW.workspace_id AND o.customer_key = NEW.customer_key AND o.cancelled = 0
      AND o.placed_at < NEW.closed_at AND o.placed_at >= NEW.closed_at - 31536000000), 'unknown')
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_segments_update AFTER UPDATE OF closed_at, customer_key ON interactions BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN NEW.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at < NEW.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = NEW.workspace_id AND o.customer_key = NEW.customer_key AND o.cancelled = 0
      AND o.placed_at < NEW.closed_at AND o.placed_at >= NEW.closed_at - 31536000000), 'unknown')
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_segments_follow AFTER UPDATE OF customer_tenure, value_tier ON interactions
WHEN OLD.customer_tenure IS NOT NEW.customer_tenure OR OLD.value_tier IS NOT NEW.value_tier
BEGIN
  UPDATE responses SET customer_tenure = NEW.customer_tenure, value_tier = NEW.value_tier WHERE interaction_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER orders_segments_insert AFTER INSERT ON orders
WHEN NEW.customer_key IS NOT NULL AND NEW.placed_at IS NOT NULL AND NEW.cancelled = 0
BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown')
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key AND closed_at > NEW.placed_at;
END;
--> statement-breakpoint
CREATE TRIGGER orders_segments_update AFTER UPDATE OF customer_key, placed_at, cancelled, total_minor, currency ON orders BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown')
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key AND closed_at > OLD.placed_at;
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown')
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key AND closed_at > NEW.placed_at;
END;
--> statement-breakpoint
CREATE TRIGGER orders_segments_delete AFTER DELETE ON orders BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown')
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key AND closed_at > OLD.placed_at;
END;
--> statement-breakpoint
CREATE TRIGGER workspaces_value_tiers_update AFTER UPDATE OF value_tier_currency, value_tier_mid_minor, value_tier_high_minor ON workspaces
BEGIN
  UPDATE interactions SET value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown')
  WHERE workspace_id = NEW.id;
END;
--> statement-breakpoint
-- The interactions recorded before: their segments, which the follow trigger copies to their answers.
UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END,
    value_tier = COALESCE((
    SELECT CASE WHEN SUM(o.total_minor) IS NULL THEN 'unknown' WHEN SUM(o.total_minor) < w.value_tier_mid_minor THEN 'low'
      WHEN SUM(o.total_minor) < w.value_tier_high_minor THEN 'mid' ELSE 'high' END
    FROM workspaces w JOIN orders o ON o.workspace_id = w.id AND o.currency = w.value_tier_currency
    WHERE w.id = interactions.workspace_id AND o.customer_key = interactions.customer_key AND o.cancelled = 0
      AND o.placed_at < interactions.closed_at AND o.placed_at >= interactions.closed_at - 31536000000), 'unknown');
