// Saved views of the order list (per person) and the delay-alert service's bookkeeping.
// RLS in db/migrations/0003_orders_views.sql: a person sees only their own views.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

export const orderViews = pgTable(
  "order_views",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    userId: text("user_id").notNull(),
    ownerKind: text("owner_kind").$type<"customer" | "staff">().notNull().default("customer"),
    name: text("name").notNull(),
    /** The list's filter and sort as a canonical query string (no cursor). */
    query: text("query").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    /** Delay alerts: notify when an order of this view becomes late or at risk, or changes status. */
    alerts: boolean("alerts").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("order_views_name_uq").on(t.tenantId, t.userId, sql`lower(${t.name})`),
    uniqueIndex("order_views_default_uq")
      .on(t.tenantId, t.userId)
      .where(sql`${t.isDefault}`),
    index("order_views_alerts_idx")
      .on(t.tenantId)
      .where(sql`${t.alerts}`),
  ],
);

export const orderAlertCursors = pgTable("order_alert_cursors", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const orderAlertsSent = pgTable(
  "order_alerts_sent",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    viewId: uuid("view_id").notNull(),
    orderId: uuid("order_id").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.viewId, t.orderId, t.dedupeKey] }),
    foreignKey({ columns: [t.tenantId, t.viewId], foreignColumns: [orderViews.tenantId, orderViews.id] }).onDelete(
      "cascade",
    ),
    index("order_alerts_sent_created_idx").on(t.tenantId, t.createdAt),
  ],
);
