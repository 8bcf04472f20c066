/**
 * Drizzle table definitions for Aftercare's single D1 database.
 *
 * Every row carries `workspace_id` so that a later move to one D1 database per
 * workspace is a routing change, not a data-model change. Times are Unix
 * milliseconds (integers); calendar days are `YYYY-MM-DD` strings already
 * converted to the workspace's timezone, so that rollups group by local day.
 *
 * Missing segment values are stored as the empty string, never NULL, in the
 * columns that take part in unique keys: SQLite treats NULLs as distinct there.
 */

import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { DELIVERY_STATUSES, ENDPOINT_FORMATS, type EventType } from "../worker/domain/event-types";
import { FOLLOW_UP_RESOLUTIONS, FOLLOW_UP_STATUSES } from "../worker/domain/follow-up";
import { CES_SCALES } from "../worker/domain/metrics";
import { LOCALES, type Question } from "../worker/domain/questions";
import { HISTOGRAM_COLUMNS } from "../worker/domain/score-histogram";
import type { FollowUpRule } from "../worker/follow-ups/rules";
import type { Target } from "../worker/targets/target";

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  createdAt: integer("created_at").notNull(),
  /** Hourly cost of agent time in minor units of `cost_per_hour_currency`; NULL until set. */
  costPerHourMinor: integer("cost_per_hour_minor"),
  costPerHourCurrency: text("cost_per_hour_currency"),
  /** Survey fatigue: a customer invited within this many days is not invited again; 0 is off. */
  surveyCooldownDays: integer("survey_cooldown_days").notNull().default(0),
  /**
   * Value tiers (`PATCH /v1/workspace` `value_tiers`): a customer's counting orders in
   * this currency over the 365 days before an interaction are `low` below the mid
   * bound, `mid` below the high bound, `high` from it; in minor units; NULL when unset.
   */
  valueTierCurrency: text("value_tier_currency"),
  valueTierMidMinor: integer("value_tier_mid_minor"),
  valueTierHighMinor: integer("value_tier_high_minor"),
  /**
   * In the directory (the `DB` binding): the binding name of the shard holding this workspace's
   * rows (docs/SCALING.md). `DB` means the directory itself, as in a one-database deployment.
   * A shard's own copy of the row keeps whatever it was created with and is never read for this.
   */
  shard: text("shard").notNull().default("DB"),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** JSON array of scopes: "read" | "write" | "admin". */
    scopes: text("scopes").notNull(),
    /** SHA-256 of the key, hex. The key itself is shown once and never stored. */
    keyHash: text("key_hash").notNull(),
    /** First characters of the key, so a person can tell keys apart in a list. */
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.keyHash), index("api_keys_workspace").on(t.workspaceId)],
);

export const surveys = sqliteTable(
  "surveys",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** JSON array of `{type, prompt?: {en?, fr?}}`, in display order. */
    questions: text("questions", { mode: "json" }).$type<Question[]>().notNull(),
    comment: integer("comment", { mode: "boolean" }).notNull().default(false),
    cesScale: text("ces_scale", { enum: CES_SCALES }).notNull().default("agree7"),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    /** Brand colour `#rrggbb` (lower case) of the widget and pages; NULL for Aftercare's own. */
    accent: text("accent"),
  },
  (t) => [index("surveys_workspace").on(t.workspaceId, t.createdAt)],
);

/** A solved ticket: the unit that surveys and repurchase attribution hang on. */
export const interactions = sqliteTable(
  "interactions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ticketId: text("ticket_id").notNull(),
    /** Resolved identity (see customer_links); NULL when the ticket names no customer. */
    customerKey: text("customer_key"),
    customerId: text("customer_id"),
    /** SHA-256 of the normalized e-mail, salted with the workspace id: matched, never shown. */
    emailHash: text("email_hash"),
    channel: text("channel").notNull().default(""),
    requestType: text("request_type").notNull().default(""),
    agent: text("agent").notNull().default(""),
    team: text("team").notNull().default(""),
    /**
     * `first_order`, `returning` (1–2) or `loyal` (3+) by the customer's counting
     * orders placed before closed_at; '' without a customer. Kept by SQL triggers
     * (migration 0011) whenever an order or the interaction changes, late orders included.
     */
    customerTenure: text("customer_tenure").notNull().default(""),
    /**
     * `low`, `mid`, `high` by the customer's counting orders in the 365 days before
     * closed_at, in the workspace's value-tier currency and bounds; `unknown` without
     * tiers or such orders. Kept by the same triggers, and redone when the bounds change.
     */
    valueTier: text("value_tier").notNull().default(""),
    closedAt: integer("closed_at").notNull(),
    closedDay: text("closed_day").notNull(),
    /**
     * Who numbers `ticket_id` (see worker/domain/ticket-source.ts): `own` for the
     * workspace's own ids, else the support tool's name. A ticket is
     * `(source, ticket_id)`. Always written by the application; the column's
     * old default is kept so that SQLite need not rebuild the table.
     */
    source: text("source").notNull().default("api"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /**
     * placed_at of the first counting order within the default 30-day window,
     * or NULL. Kept by triggers (migration 0003) in the same transaction as
     * every order or interaction write; never written by application code.
     */
    repurchase30dAt: integer("repurchase_30d_at"),
    /** Agent time spent on the ticket, in whole seconds (`handling_minutes` × 60); NULL when not reported. */
    handlingSeconds: integer("handling_seconds"),
    /** Refunds and gestures, in integer minor units of `compensation_currency`; NULL when none. */
    compensationMinor: integer("compensation_minor"),
    compensationCurrency: text("compensation_currency"),
  },
  (t) => [
    uniqueIndex("interactions_source_ticket").on(t.workspaceId, t.source, t.ticketId),
    index("interactions_day").on(t.workspaceId, t.closedDay),
    index("interactions_customer").on(t.workspaceId, t.customerKey, t.closedAt),
    index("interactions_attribution").on(t.workspaceId, t.closedAt, t.repurchase30dAt),
  ],
);

export const responses = sqliteTable(
  "responses",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    surveyId: text("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    interactionId: text("interaction_id"),
    ticketId: text("ticket_id").notNull(),
    /** The ticket's source, as on `interactions`: the answer belongs to `(source, ticket_id)`. */
    source: text("source").notNull().default("own"),
    nps: integer("nps"),
    csat: integer("csat"),
    ces: integer("ces"),
    comment: text("comment"),
    locale: text("locale"),
    submittedAt: integer("submitted_at").notNull(),
    /** Local day (workspace timezone) of the first submission; a changed answer keeps it. */
    submittedDay: text("submitted_day").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** 1 on the first submission, +1 on every change: tells 201 from 200 without a race. */
    revision: integer("revision").notNull().default(1),
    /**
     * Set by the answer that last changed the response (a fresh id per answer): the follow-up and
     * event statements of the same batch act only when it is theirs, so an unchanged re-post does nothing.
     */
    changeId: text("change_id"),
    channel: text("channel").notNull().default(""),
    requestType: text("request_type").notNull().default(""),
    agent: text("agent").notNull().default(""),
    team: text("team").notNull().default(""),
    /** The interaction's customer_tenure and value_tier, copied by trigger so the rollups can follow them. */
    customerTenure: text("customer_tenure").notNull().default(""),
    valueTier: text("value_tier").notNull().default(""),
  },
  (t) => [
    uniqueIndex("responses_source_ticket").on(t.surveyId, t.source, t.ticketId),
    index("responses_newest").on(t.workspaceId, t.submittedAt, t.id),
    index("responses_interaction").on(t.interactionId),
    // Score reads that cross two segments (no rollup grain holds them) read the
    // answers of their day range through this index (worker/store/score-reads.ts).
    index("responses_day").on(t.workspaceId, t.submittedDay),
  ],
);

/**
 * Per-day answer histograms, kept by SQL triggers on `responses` (see the latest
 * rollup triggers migration, written by scripts/gen-rollup-triggers.mjs), so they
 * change in the same transaction as the answer.
 *
 * One row per (grain, day, survey, segment values) holds the counts of every answer
 * value of every metric (worker/domain/score-histogram.ts): a read costs days ×
 * segment values at any volume, and an answer writes one row per grain whatever it
 * answered. Grains (worker/domain/segments.ts): `all` folds every segment to '',
 * each dimension has a grain keeping it alone, and `channel+X` keeps channel and
 * one more; `grainFor` in worker/store/score-reads.ts picks the one a read needs.
 */
export const scoreHistograms = sqliteTable(
  "score_histograms",
  {
    workspaceId: text("workspace_id").notNull(),
    grain: text("grain").notNull(),
    day: text("day").notNull(),
    surveyId: text("survey_id").notNull(),
    channel: text("channel").notNull(),
    requestType: text("request_type").notNull(),
    agent: text("agent").notNull(),
    team: text("team").notNull(),
    customerTenure: text("customer_tenure").notNull(),
    valueTier: text("value_tier").notNull(),
    /** Responses counted in the row (any metric answered): the row is deleted at 0. */
    responseCount: integer("response_count").notNull(),
    ...histogramCounts(),
  },
  (t) => [
    // The key is in the order of score reads: (workspace, grain, day range), then the
    // rest. The triggers migration recreates the table WITHOUT ROWID (drizzle-kit cannot
    // say so: keep it if the table is ever rebuilt), so the key IS the table: grouped
    // reads are one range of it, and each upsert writes the table and the index below.
    primaryKey({
      columns: [
        t.workspaceId,
        t.grain,
        t.day,
        t.surveyId,
        t.channel,
        t.requestType,
        t.agent,
        t.team,
        t.customerTenure,
        t.valueTier,
      ],
    }),
    // Reads of one segment value (one agent, e-mail by agent…): led by the segments, so
    // such a read seeks straight to that value's days instead of walking every value's.
    // Covering (it holds the counts): without them SQLite prefers walking the key's day
    // range over an index that needs a lookup per row, and one agent's read cost 10×.
    index("score_histograms_segment_read").on(
      t.workspaceId,
      t.grain,
      t.channel,
      t.requestType,
      t.agent,
      t.team,
      t.customerTenure,
      t.valueTier,
      t.day,
      t.surveyId,
      // The count columns are built from the domain list, so their names are not keys of `t`'s type.
      ...HISTOGRAM_COLUMNS.map((c) => (t as unknown as Record<string, AnySQLiteColumn>)[c]!),
    ),
  ],
);

/** The count columns of score_histograms, one per metric and answer value, all starting at 0. */
function histogramCounts() {
  const count = (column: string) => integer(column).notNull().default(0);
  return Object.fromEntries(HISTOGRAM_COLUMNS.map((column) => [column, count(column)])) as Record<
    string,
    ReturnType<typeof count>
  >;
}

/** Identity links: a normalized e-mail hash or a customer id, resolved to one customer key. */
export const customerLinks = sqliteTable(
  "customer_links",
  {
    workspaceId: text("workspace_id").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    customerKey: text("customer_key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.value] }),
    index("customer_links_key").on(t.workspaceId, t.customerKey),
  ],
);

export const orders = sqliteTable(
  "orders",
  {
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id").notNull(),
    customerKey: text("customer_key"),
    /** NULL until the order's creation is received (a cancellation may arrive first). */
    placedAt: integer("placed_at"),
    /** Integer minor units (cents) of `currency`: money is never a float. */
    totalMinor: integer("total_minor"),
    currency: text("currency"),
    cancelled: integer("cancelled", { mode: "boolean" }).notNull().default(false),
    /**
     * When the status behind `cancelled` was set at the source (WooCommerce's
     * `date_modified`), so reordered deliveries settle on the latest status.
     * NULL when the source sends no status time; ORDER_FINAL for a cancellation
     * no later status can undo (a Shopify cancellation, a deleted order).
     */
    statusAt: integer("status_at"),
    source: text("source").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.orderId] }),
    index("orders_customer").on(t.workspaceId, t.customerKey, t.placedAt),
  ],
);

export const integrations = sqliteTable(
  "integrations",
  {
    workspaceId: text("workspace_id").notNull(),
    source: text("source").notNull(),
    secret: text("secret").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source] })],
);

/** Delivery ids already processed, per source: the idempotency ledger of the webhook receivers. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    workspaceId: text("workspace_id").notNull(),
    source: text("source").notNull(),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.deliveryId] })],
);

/** Where a workspace's events go out (issue "close the loop"): one row per subscribed URL. */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** JSON array of event types the endpoint receives. */
    events: text("events", { mode: "json" }).$type<EventType[]>().notNull(),
    format: text("format", { enum: ENDPOINT_FORMATS }).notNull(),
    description: text("description"),
    /** `whsec_…` Standard Webhooks secret; shown once at creation, kept to sign. */
    secret: text("secret").notNull(),
    /** Language of Slack messages. */
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** The dashboard URL Slack messages link to (the origin the endpoint was created on). */
    dashboardUrl: text("dashboard_url").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhook_endpoints_workspace").on(t.workspaceId)],
);

/**
 * The outbox: one row per event and endpoint, written in the same D1 batch as
 * the change that caused it, so no event is lost when the Queue is not reached.
 * `id` is the Standard Webhooks `webhook-id`, the same on every try.
 */
export const eventDeliveries = sqliteTable(
  "event_deliveries",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    type: text("type").notNull(),
    /** The response or follow-up the event is about. */
    subjectId: text("subject_id").notNull(),
    /** The ticket's interaction, so erasing a customer drops their queued events. */
    interactionId: text("interaction_id"),
    /** The exact body sent, frozen at the first try so every retry sends the same bytes. */
    payload: text("payload"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    lastAttemptAt: integer("last_attempt_at"),
    /** When the Queue should next hand it to the consumer; the re-drive cron sends rows long past it. */
    nextAttemptAt: integer("next_attempt_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("event_deliveries_endpoint").on(t.endpointId, t.createdAt),
    index("event_deliveries_pending").on(t.status, t.nextAttemptAt),
    index("event_deliveries_interaction").on(t.interactionId),
  ],
);

/** Follow-up rules per workspace; no row means the default rules. */
export const followUpSettings = sqliteTable("follow_up_settings", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** JSON array of rules; `[]` turns follow-ups off. */
  rules: text("rules", { mode: "json" }).$type<FollowUpRule[]>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** A bad answer the team should act on: one per response (that is, per ticket and survey). */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    responseId: text("response_id").notNull(),
    interactionId: text("interaction_id"),
    surveyId: text("survey_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull(),
    assignee: text("assignee"),
    note: text("note"),
    /** `handled` when a person resolved it, `answer_changed` when the answer stopped matching. */
    resolution: text("resolution", { enum: FOLLOW_UP_RESOLUTIONS }),
    openedAt: integer("opened_at").notNull(),
    /** Local day (workspace timezone) of opened_at, for the summary's from/to. */
    openedDay: text("opened_day").notNull(),
    contactedAt: integer("contacted_at"),
    resolvedAt: integer("resolved_at"),
    updatedAt: integer("updated_at").notNull(),
    /** Random id of the last write, so the same batch can emit events for exactly the rows it changed. */
    changeId: text("change_id").notNull(),
  },
  (t) => [
    uniqueIndex("follow_ups_response").on(t.responseId),
    index("follow_ups_inbox").on(t.workspaceId, t.status, t.openedAt, t.id),
    index("follow_ups_opened").on(t.workspaceId, t.openedDay),
    index("follow_ups_interaction").on(t.interactionId),
    index("follow_ups_change").on(t.changeId),
  ],
);

/**
 * Tombstones of erased tickets: survey links minted before `erased_at` answer
 * 410 and record nothing, so no answer can arrive after an erasure. Holds no
 * personal data: the ticket id is kept only as a salted SHA-256 (see
 * worker/store/erased-tickets.ts).
 */
export const erasedTickets = sqliteTable(
  "erased_tickets",
  {
    workspaceId: text("workspace_id").notNull(),
    source: text("source").notNull(),
    ticketHash: text("ticket_hash").notNull(),
    erasedAt: integer("erased_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.ticketHash] })],
);

/**
 * Survey invitations issued, one per ticket and survey: the denominator of the
 * response rate and the memory of survey fatigue. `invited_day` is the local day
 * (workspace timezone) of the FIRST invitation; re-inviting keeps it.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    workspaceId: text("workspace_id").notNull(),
    surveyId: text("survey_id").notNull(),
    source: text("source").notNull(),
    ticketId: text("ticket_id").notNull(),
    /** The ticket's customer key when it names one, for the cooldown. */
    customerKey: text("customer_key"),
    invitedAt: integer("invited_at").notNull(),
    invitedDay: text("invited_day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.surveyId, t.source, t.ticketId] }),
    index("invitations_day").on(t.workspaceId, t.invitedDay),
    index("invitations_customer").on(t.workspaceId, t.customerKey, t.invitedAt),
  ],
);

/** Contract targets of a workspace (`PUT /v1/targets` replaces the whole list). */
export const targets = sqliteTable("targets", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** JSON array of targets, each with its stable `id`. */
  targets: text("targets", { mode: "json" }).$type<Target[]>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Missed targets already announced: `target.missed` goes out once per target and period. */
export const targetMisses = sqliteTable(
  "target_misses",
  {
    workspaceId: text("workspace_id").notNull(),
    targetId: text("target_id").notNull(),
    period: text("period").notNull(),
    /** The report item (target, value, n, ci95…) as it stood when the period closed: the event's `data`. */
    data: text("data").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.targetId, t.period] })],
);

/**
 * The daily repurchase rollup (issue 16), default 30-day window: per local day of
 * `closed_at` and per rollup grain (`all`, or one segment dimension with its value),
 * how many interactions closed and how many had a counting order within 30 days.
 * Kept by SQL triggers on `interactions` (migration repurchase_rollup_triggers),
 * late and out-of-order orders included; never written by application code.
 */
export const repurchaseDayRollups = sqliteTable(
  "repurchase_day_rollups",
  {
    workspaceId: text("workspace_id").notNull(),
    grain: text("grain").notNull(),
    /** The grain's dimension value ('' for `all` and for an unset segment). */
    value: text("value").notNull(),
    day: text("day").notNull(),
    interactions: integer("interactions").notNull(),
    repurchased: integer("repurchased").notNull(),
  },
  (t) => [
    // Day before value: a read is one range of (grain, days), whatever the values.
    primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.value] }),
  ],
);

/**
 * Per counting order and grain value, the distinct local days of the interactions
 * it counts for (30-day window), each with the next such day ('' for the last) and
 * whether it is the first. Kept by triggers on `orders` and `interactions`; the
 * revenue rollup below is summed from it.
 */
export const repurchaseOrderDays = sqliteTable(
  "repurchase_order_days",
  {
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id").notNull(),
    grain: text("grain").notNull(),
    value: text("value").notNull(),
    day: text("day").notNull(),
    nextDay: text("next_day").notNull(),
    isFirst: integer("is_first", { mode: "boolean" }).notNull(),
    currency: text("currency").notNull(),
    totalMinor: integer("total_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.orderId, t.grain, t.value, t.day] })],
);

/**
 * Order totals per (grain, value), in four kinds (docs/repurchase-rollup.md):
 * `first` on an order's first day, `any` on each of its days, `open` on each day
 * boundary its days span, and `cross` the same keyed by its next day after the
 * boundary. A range's revenue, each order once, is then `first` over its days plus
 * `open` at its start, less the `cross` at its start that resume at or after its end.
 * Currencies are JSON objects inside the row, so a day costs one row whatever the
 * number of currencies.
 */
export const repurchaseRevenueRollups = sqliteTable(
  "repurchase_revenue_rollups",
  {
    workspaceId: text("workspace_id").notNull(),
    grain: text("grain").notNull(),
    kind: text("kind", { enum: ["first", "any", "open", "cross"] }).notNull(),
    /** The order's day (`first`, `any`) or the boundary (`open`, `cross`). */
    day: text("day").notNull(),
    /** `cross`: the order's first day at or after the boundary; '' for the other kinds. */
    nextDay: text("next_day").notNull(),
    value: text("value").notNull(),
    /** Orders summed in the row, all currencies: the row goes when it reaches 0. */
    orders: integer("orders").notNull(),
    /** JSON `{"EUR": n}`: orders per currency. */
    ordersByCurrency: text("orders_by_currency").notNull(),
    /** JSON `{"EUR": minor}`: integer minor units per currency. */
    minorByCurrency: text("minor_by_currency").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.grain, t.kind, t.day, t.nextDay, t.value] })],
);
