-- Customer tenure (issue 14): `interactions.customer_tenure` is `first_order` (no counting
-- order placed before closed_at), `returning` (1–2) or `loyal` (3+); '' without a customer.
-- Orders count by when they were placed, whenever their webhook arrives: every order write
-- recomputes the interactions of that customer closed after it (before and after the change),
-- and an interaction recomputes itself when it closes again or changes customer. A changed
-- tenure is copied to the interaction's responses, whose rollup triggers (0009) then move the
-- counts between tenure values, all in the same transaction as the write.
CREATE TRIGGER interactions_tenure_insert AFTER INSERT ON interactions BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN NEW.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at < NEW.closed_at AND o.cancelled = 0) END
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_tenure_update AFTER UPDATE OF closed_at, customer_key ON interactions BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN NEW.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = NEW.workspace_id AND o.customer_key = NEW.customer_key
      AND o.placed_at < NEW.closed_at AND o.cancelled = 0) END
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_tenure_follow AFTER UPDATE OF customer_tenure ON interactions
WHEN OLD.customer_tenure IS NOT NEW.customer_tenure
BEGIN
  UPDATE responses SET customer_tenure = NEW.customer_tenure WHERE interaction_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER orders_tenure_insert AFTER INSERT ON orders
WHEN NEW.customer_key IS NOT NULL AND NEW.placed_at IS NOT NULL AND NEW.cancelled = 0
BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key AND closed_at > NEW.placed_at;
END;
--> statement-breakpoint
CREATE TRIGGER orders_tenure_update AFTER UPDATE OF customer_key, placed_at, cancelled ON orders BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key AND closed_at > OLD.placed_at;
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END
  WHERE workspace_id = NEW.workspace_id AND customer_key = NEW.customer_key AND closed_at > NEW.placed_at;
END;
--> statement-breakpoint
CREATE TRIGGER orders_tenure_delete AFTER DELETE ON orders BEGIN
  UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END
  WHERE workspace_id = OLD.workspace_id AND customer_key = OLD.customer_key AND closed_at > OLD.placed_at;
END;
--> statement-breakpoint
-- The interactions recorded before: their tenure, which the follow trigger copies to their answers.
UPDATE interactions SET customer_tenure = CASE WHEN interactions.customer_key IS NULL THEN '' ELSE (
    SELECT CASE WHEN COUNT(*) = 0 THEN 'first_order' WHEN COUNT(*) <= 2 THEN 'returning' ELSE 'loyal' END
    FROM orders o WHERE o.workspace_id = interactions.workspace_id AND o.customer_key = interactions.customer_key
      AND o.placed_at < interactions.closed_at AND o.cancelled = 0) END
WHERE customer_key IS NOT NULL;
--> statement-breakpoint
-- Answers whose interaction is gone or unknown keep ''; answers of a known interaction take its tenure.
UPDATE responses SET customer_tenure = (SELECT i.customer_tenure FROM interactions i WHERE i.id = responses.interaction_id)
WHERE interaction_id IS NOT NULL
  AND customer_tenure IS NOT (SELECT i.customer_tenure FROM interactions i WHERE i.id = responses.interaction_id);
