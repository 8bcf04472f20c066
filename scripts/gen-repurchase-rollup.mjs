// Writes the SQL of the triggers that keep the daily repurchase rollup (issue 16)
// in step with interactions and orders, and the backfill of existing rows.
// Usage (Node ≥ 22.18, which loads the TypeScript domain modules; `npx node` uses the project's):
//   npx node scripts/gen-repurchase-rollup.mjs > schema/migrations/NNNN_custom.sql
// The SQL is generated because it is the same statement per grain; the grains come
// from worker/domain/segments.ts and the window from worker/metrics/repurchase-window.ts.
//
// Three tables (schema/tables.ts):
// - repurchase_day_rollups: interactions and repurchased ones per (grain, day, value).
// - repurchase_order_days: per counting order and grain value, the distinct days of the
//   interactions it counts for, each with the next such day ('' for the last) and
//   whether it is the first.
// - repurchase_revenue_rollups: those summed in four kinds, what a read scans: `first`
//   (an order's first day), `any` (each of its days), `open` (each boundary b its days
//   span: first day < b <= last day) and `cross` (the same, keyed by its first day >= b).
//   Revenue over [s, e), each order once = Σ first over [s, e) + open(s) − Σ cross(s, n >= e).
import { SEGMENT_DIMENSIONS } from "../worker/domain/segments.ts";
import { DAY_MS, DEFAULT_WINDOW_DAYS } from "../worker/metrics/repurchase-window.ts";

const WINDOW_MS = DEFAULT_WINDOW_DAYS * DAY_MS;
// The single-dimension grains (as REPURCHASE_GRAINS in worker/store/repurchase-rollup.ts):
// the unsegmented one and one per dimension. The score rollups' channel pairs are not kept.
const REPURCHASE_GRAINS = ["all", ...SEGMENT_DIMENSIONS];
const grainList = REPURCHASE_GRAINS.map((g) => `'${g}'`).join(", ");
/** The value of each grain for an interaction row: '' for `all`, else its dimension. */
const grainValueOf = (row) => (grain) => (grain === "all" ? "''" : `${row}.${grain}`);

/** Adds `sign` × the interaction `row` to every grain (an upsert: the order triggers run in never matters). */
const dayDelta = (row, sign) =>
  REPURCHASE_GRAINS.map(
    (grain) => `  INSERT INTO repurchase_day_rollups (workspace_id, grain, day, value, interactions, repurchased)
  VALUES (${row}.workspace_id, '${grain}', ${row}.closed_day, ${grainValueOf(row)(grain)}, ${sign}1, ${sign}(${row}.repurchase_30d_at IS NOT NULL))
  ON CONFLICT (workspace_id, grain, day, value) DO UPDATE
  SET interactions = interactions + excluded.interactions, repurchased = repurchased + excluded.repurchased;`,
  ).join("\n");

const dayCleanup = (row) => `  DELETE FROM repurchase_day_rollups
  WHERE workspace_id = ${row}.workspace_id AND grain IN (${grainList}) AND day = ${row}.closed_day
    AND interactions = 0 AND repurchased = 0;`;

/** CASE expression: the value of grain `g.grain` for interaction `i`. */
const grainValue = `CASE g.grain ${REPURCHASE_GRAINS.map((grain) => `WHEN '${grain}' THEN ${grainValueOf("i")(grain)}`).join(" ")} END`;
// A table of the grains. json_each rather than a UNION ALL: D1 caps the terms of a compound SELECT.
const grainsTable = `SELECT j.value AS grain FROM json_each('${JSON.stringify(REPURCHASE_GRAINS)}') j`;

/** Rebuilds repurchase_order_days for the orders `o` matching `where`, from the current interactions. */
const insertOrderDays = (
  where,
) => `  INSERT INTO repurchase_order_days (workspace_id, order_id, grain, value, day, next_day, is_first, currency, total_minor)
  SELECT workspace_id, order_id, grain, value, day,
    COALESCE(LEAD(day) OVER (PARTITION BY workspace_id, order_id, grain, value ORDER BY day), ''),
    ROW_NUMBER() OVER (PARTITION BY workspace_id, order_id, grain, value ORDER BY day) = 1, currency, total_minor
  FROM (
    SELECT DISTINCT o.workspace_id, o.order_id, g.grain, ${grainValue} AS value, i.closed_day AS day,
      o.currency, o.total_minor
    FROM orders o
    JOIN interactions i ON i.workspace_id = o.workspace_id AND i.customer_key = o.customer_key
      AND i.closed_at < o.placed_at AND i.closed_at >= o.placed_at - ${WINDOW_MS}
    CROSS JOIN (${grainsTable}) g
    WHERE (${where}) AND o.cancelled = 0 AND o.total_minor IS NOT NULL AND o.currency IS NOT NULL);`;

/**
 * Recomputes the order days of the orders matching `where`: their rows go, then
 * come back from the current interactions. Every change that can move an order's
 * days calls it, so the result never depends on the order events arrive in.
 */
const recomputeOrders = (where) => `  DELETE FROM repurchase_order_days
  WHERE (workspace_id, order_id) IN (SELECT o.workspace_id, o.order_id FROM orders o WHERE ${where});
${insertOrderDays(where)}`;

/** The orders an interaction `row` could count: its customer's, placed in its 30-day window. */
const ordersInWindow = (row) =>
  `o.workspace_id = ${row}.workspace_id AND o.customer_key = ${row}.customer_key
    AND o.placed_at > ${row}.closed_at AND o.placed_at <= ${row}.closed_at + ${WINDOW_MS}`;

const changed = (cols) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(" OR ");
const dayColumns = ["closed_day", ...SEGMENT_DIMENSIONS, "repurchase_30d_at"];
const orderDayColumns = ["closed_at", "closed_day", "customer_key", ...SEGMENT_DIMENSIONS];
const orderColumns = ["customer_key", "placed_at", "cancelled", "total_minor", "currency"];
const revenueKey = "workspace_id, grain, kind, day, next_day, value";
// Day offsets 1..window: the boundaries between an order's day and its next one.
const OFFSETS = JSON.stringify(Array.from({ length: DEFAULT_WINDOW_DAYS }, (_, k) => k + 1));

/** Adds `sign` × the order-day `row` to the revenue kinds (upserts; a SELECT upsert needs its WHERE). */
const revenueDelta = (row, sign) => {
  // Currencies are JSON members ('$.EUR'; the code is three capital letters, checked on the way in).
  const member = `'$.' || ${row}.currency`;
  const upsert = (
    kind,
    day,
    next,
    where,
  ) => `  INSERT INTO repurchase_revenue_rollups (${revenueKey}, orders, orders_by_currency, minor_by_currency)
  SELECT ${row}.workspace_id, ${row}.grain, '${kind}', ${day}, ${next}, ${row}.value, ${sign}1,
    json_object(${row}.currency, ${sign}1), json_object(${row}.currency, ${sign}${row}.total_minor)
  ${where}
  ON CONFLICT (${revenueKey}) DO UPDATE SET orders = orders + excluded.orders,
    orders_by_currency = json_set(orders_by_currency, ${member}, COALESCE(json_extract(orders_by_currency, ${member}), 0) ${sign} 1),
    minor_by_currency = json_set(minor_by_currency, ${member}, COALESCE(json_extract(minor_by_currency, ${member}), 0) ${sign} ${row}.total_minor);`;
  const boundary = `date(${row}.day, '+' || j.value || ' days')`;
  const spans = `FROM json_each('${OFFSETS}') j WHERE ${row}.next_day <> '' AND ${boundary} <= ${row}.next_day`;
  return [
    upsert("first", `${row}.day`, "''", `WHERE ${row}.is_first`),
    upsert("any", `${row}.day`, "''", "WHERE true"),
    upsert("open", boundary, "''", spans),
    upsert("cross", boundary, `${row}.next_day`, spans),
  ].join("\n");
};

const statements = [
  `CREATE TRIGGER repurchase_rollup_interaction_insert AFTER INSERT ON interactions BEGIN
${dayDelta("NEW", "+")}
${recomputeOrders(ordersInWindow("NEW"))}
END;`,
  `CREATE TRIGGER repurchase_rollup_interaction_delete AFTER DELETE ON interactions BEGIN
${dayDelta("OLD", "-")}
${dayCleanup("OLD")}
${recomputeOrders(ordersInWindow("OLD"))}
END;`,
  `CREATE TRIGGER repurchase_rollup_interaction_counts AFTER UPDATE OF ${dayColumns.join(", ")} ON interactions
WHEN ${changed(dayColumns)}
BEGIN
${dayDelta("OLD", "-")}
${dayDelta("NEW", "+")}
${dayCleanup("OLD")}
END;`,
  `CREATE TRIGGER repurchase_rollup_interaction_orders AFTER UPDATE OF ${orderDayColumns.join(", ")} ON interactions
WHEN ${changed(orderDayColumns)}
BEGIN
${recomputeOrders(`(${ordersInWindow("OLD")}) OR (${ordersInWindow("NEW")})`)}
END;`,
  `CREATE TRIGGER repurchase_rollup_order_insert AFTER INSERT ON orders BEGIN
${recomputeOrders("o.workspace_id = NEW.workspace_id AND o.order_id = NEW.order_id")}
END;`,
  `CREATE TRIGGER repurchase_rollup_order_update AFTER UPDATE OF ${orderColumns.join(", ")} ON orders
WHEN ${changed(orderColumns)}
BEGIN
${recomputeOrders("o.workspace_id = NEW.workspace_id AND o.order_id = NEW.order_id")}
END;`,
  `CREATE TRIGGER repurchase_rollup_order_delete AFTER DELETE ON orders BEGIN
  DELETE FROM repurchase_order_days WHERE workspace_id = OLD.workspace_id AND order_id = OLD.order_id;
END;`,
  `CREATE TRIGGER repurchase_rollup_order_day_insert AFTER INSERT ON repurchase_order_days BEGIN
${revenueDelta("NEW", "+")}
END;`,
  `CREATE TRIGGER repurchase_rollup_order_day_delete AFTER DELETE ON repurchase_order_days BEGIN
${revenueDelta("OLD", "-")}
  DELETE FROM repurchase_revenue_rollups
  WHERE workspace_id = OLD.workspace_id AND grain = OLD.grain AND kind IN ('first', 'any', 'open', 'cross')
    AND day >= OLD.day AND day <= MAX(OLD.day, OLD.next_day) AND value = OLD.value AND orders = 0;
END;`,
  // The backfill: the day rollup from the interactions, the order days from the
  // orders (the trigger above sums them into the revenue rollup).
  `INSERT INTO repurchase_day_rollups (workspace_id, grain, day, value, interactions, repurchased)
SELECT i.workspace_id, g.grain, i.closed_day, ${grainValue}, COUNT(*), SUM(i.repurchase_30d_at IS NOT NULL)
FROM interactions i CROSS JOIN (${grainsTable}) g
GROUP BY 1, 2, 3, 4;`,
  insertOrderDays("o.placed_at IS NOT NULL").trimStart(),
];

process.stdout.write(`-- Generated by scripts/gen-repurchase-rollup.mjs. The daily repurchase rollup
-- (default ${DEFAULT_WINDOW_DAYS}-day window) follows interactions and orders inside the same
-- transaction as the write, whatever order events arrive in; erasing an interaction or
-- an order takes its contribution out. Grains: ${REPURCHASE_GRAINS.join(", ")}.
${statements.join("\n--> statement-breakpoint\n")}
`);
