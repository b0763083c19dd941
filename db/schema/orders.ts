// Orders with lines, shipments and the append-only event timeline. tenant_id leads every key.
// Internal columns (cost, margin, internal_notes, unit_cost) are withheld from portal_customer
// by column grants in db/migrations/0002_security.sql.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { OrderEventType, OrderPriority, OrderStatus } from "../../app/domain/orders/statuses";
import { sites, tenants } from "./tenancy";

// The value lists live in the domain (one source); the schema types its columns with them.
export {
  ORDER_EVENT_TYPES,
  ORDER_PRIORITIES,
  ORDER_STATUSES,
  type OrderEventType,
  type OrderPriority,
  type OrderStatus,
} from "../../app/domain/orders/statuses";

export const orders = pgTable(
  "orders",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    version: integer("version").notNull().default(1),
    orderNumber: text("order_number").notNull(),
    /** The order number without its letter prefix, for search ("1040" finds SO-1040…); 0040. */
    orderNumberDigits: text("order_number_digits").generatedAlwaysAs(sql`regexp_replace(order_number, '^[^0-9]+', '')`),
    customerPo: text("customer_po"),
    siteId: uuid("site_id").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    statusAt: timestamp("status_at", { withTimezone: true }).notNull(),
    holdReason: text("hold_reason"),
    priority: text("priority").$type<OrderPriority>().notNull().default("standard"),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull(),
    requestedDate: date("requested_date"),
    promisedDate: date("promised_date"),
    predictedDate: date("predicted_date"),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    currency: text("currency").notNull().default("USD"),
    value: numeric("value", { precision: 14, scale: 2 }).notNull().default("0"),
    cost: numeric("cost", { precision: 14, scale: 2 }),
    margin: numeric("margin", { precision: 14, scale: 2 }),
    internalNotes: text("internal_notes"),
    // SLA metrics, computed from the order's facts in the tenant's calendar (app/server/sla).
    metricsVersion: integer("metrics_calendar_version"),
    measurable: boolean("m_measurable"),
    onTime: boolean("m_on_time"),
    inFull: boolean("m_in_full"),
    otif: boolean("m_otif"),
    unitsOrdered: numeric("m_units_ordered", { precision: 14, scale: 2 }),
    unitsShipped: numeric("m_units_shipped", { precision: 14, scale: 2 }),
    linesOrdered: integer("m_lines_ordered"),
    linesFilled: integer("m_lines_filled"),
    leadTimeMinutes: integer("m_lead_time_minutes"),
    linesInFull: integer("m_lines_in_full"),
    lateMinutes: integer("m_late_minutes"),
    // Perfect-order facts: a damaged / claim_filed, or a document_error event was received for the
    // order. Set by a trigger on order_events (db/migrations/0060_perfect_order_flags.sql).
    damaged: boolean("m_damaged").notNull().default(false),
    documentError: boolean("m_document_error").notNull().default(false),
    fiscalYear: integer("fiscal_year"),
    fiscalQuarter: integer("fiscal_quarter"),
    fiscalPeriod: integer("fiscal_period"),
    fiscalWeek: integer("fiscal_week"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("orders_external_uq").on(t.tenantId, t.source, t.externalId),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    index("orders_ordered_idx").on(t.tenantId, t.orderedAt.desc(), t.id),
    index("orders_status_idx").on(t.tenantId, t.status, t.orderedAt.desc()),
    index("orders_promised_idx").on(t.tenantId, t.promisedDate),
    index("orders_number_idx").on(t.tenantId, t.orderNumber),
    index("orders_number_digits_idx").on(t.tenantId, t.orderNumberDigits),
    index("orders_po_idx").on(t.tenantId, t.customerPo),
    index("orders_tracking_idx").on(t.tenantId, t.trackingNumber),
    index("orders_fiscal_idx").on(t.tenantId, t.fiscalYear, t.fiscalPeriod),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    tenantId: uuid("tenant_id").notNull(),
    orderId: uuid("order_id").notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    description: text("description").notNull(),
    qtyOrdered: numeric("qty_ordered", { precision: 12, scale: 2 }).notNull(),
    qtyShipped: numeric("qty_shipped", { precision: 12, scale: 2 }).notNull().default("0"),
    unitPrice: numeric("unit_price", { precision: 14, scale: 4 }).notNull(),
    unitCost: numeric("unit_cost", { precision: 14, scale: 4 }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    index("order_lines_sku_idx").on(t.tenantId, t.sku),
  ],
);

export const shipments = pgTable(
  "shipments",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    orderId: uuid("order_id").notNull(),
    externalId: text("external_id").notNull(),
    carrier: text("carrier").notNull(),
    trackingNumber: text("tracking_number"),
    trackingUrl: text("tracking_url"),
    status: text("status").notNull(),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("shipments_external_uq").on(t.tenantId, t.orderId, t.externalId),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    index("shipments_tracking_idx").on(t.tenantId, t.trackingNumber),
  ],
);

/** Append-only timeline. `seq` is assigned per tenant, gapless, by a trigger. */
export const orderEvents = pgTable(
  "order_events",
  {
    tenantId: uuid("tenant_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    orderId: uuid("order_id").notNull(),
    source: text("source").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").$type<OrderEventType>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    location: text("location"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    uniqueIndex("order_events_source_uq").on(t.tenantId, t.source, t.eventId),
    index("order_events_order_idx").on(t.tenantId, t.orderId, t.occurredAt),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
  ],
);

/** Per-tenant counter behind order_events.seq (written only by the trigger). */
export const tenantEventCounters = pgTable("tenant_event_counters", {
  tenantId: uuid("tenant_id").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
});
