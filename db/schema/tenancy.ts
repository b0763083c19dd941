// Tenants, their ship-to sites, staff and staff-to-account assignments.
import { sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales";
import { boolean, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex, foreignKey } from "drizzle-orm/pg-core";

export const TENANT_TIERS = ["strategic", "key", "standard"] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

/** Platform-level audit entries (no tenant) use this id so tenant_id can lead the key. */
export const PLATFORM_TENANT_ID = "00000000-0000-0000-0000-000000000000";

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    tier: text("tier").$type<TenantTier>().notNull(),
    timeZone: text("time_zone").notNull(),
    country: text("country").notNull(),
    region: text("region"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The account's locale (en, de, ja), set by its customer admins; users may override it. */
    defaultLocale: text("default_locale").$type<Locale>().notNull().default("en"),
    /** ACME in ACME-12; filled from the slug by a trigger when not given (0050). */
    shortCode: text("short_code").notNull(),
    /** Whether staff's first public reply moves an open escalation to acknowledged. */
    ackOnFirstReply: boolean("ack_on_first_reply").notNull().default(true),
  },
  (t) => [uniqueIndex("tenants_slug_uq").on(t.slug), uniqueIndex("tenants_short_code_uq").on(t.shortCode)],
);

export const sites = pgTable(
  "sites",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    code: text("code").notNull(),
    name: text("name").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("sites_code_uq").on(t.tenantId, t.code)],
);

export const STAFF_ROLES = ["support_agent", "support_lead", "platform_admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Staff are users who belong to no customer organization. `tiers` null = all tiers (leads). */
export const staffMembers = pgTable("staff_members", {
  userId: text("user_id").primaryKey(),
  role: text("role").$type<StaffRole>().notNull(),
  tiers: text("tiers").array(),
  active: boolean("active").notNull().default(true),
});

export const staffAssignments = pgTable(
  "staff_assignments",
  {
    tenantId: uuid("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffUserId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
  ],
);
