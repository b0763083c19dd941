// SLA digest e-mails: who subscribed (weekly or per fiscal period) and the digest service's
// delivery rows, one per (user, fiscal period). RLS in db/migrations/0070_sla_digest.sql.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

export type DigestCadence = "week" | "period";

export const slaDigestSubscriptions = pgTable(
  "sla_digest_subscriptions",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: text("user_id").notNull(),
    cadence: text("cadence").$type<DigestCadence>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export const slaDigestDeliveries = pgTable(
  "sla_digest_deliveries",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: text("user_id").notNull(),
    /** The fiscal week or period the digest reports on, e.g. "FY2026-W07", "FY2026-P03". */
    periodId: text("period_id").notNull(),
    cadence: text("cadence").$type<DigestCadence>().notNull(),
    status: text("status").$type<"pending" | "sending" | "sent" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    claimedBy: uuid("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.periodId] }),
    index("sla_digest_deliveries_open_idx")
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
