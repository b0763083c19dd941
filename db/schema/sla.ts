// Business calendars (versioned), contracted SLA targets, and metric recompute jobs.
// Per-order metrics live on the orders table (see 0004_sla.sql) so scorecards are aggregates.
import { boolean, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const tenantCalendars = pgTable(
  "tenant_calendars",
  {
    tenantId: uuid("tenant_id").notNull(),
    version: integer("version").notNull(),
    /** A calendar definition as app/domain/calendar validates it. */
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    label: text("label").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

export const slaTargets = pgTable("sla_targets", {
  tenantId: uuid("tenant_id").primaryKey(),
  otifPct: numeric("otif_pct", { precision: 5, scale: 2 }).notNull(),
  onTimePct: numeric("on_time_pct", { precision: 5, scale: 2 }).notNull(),
  inFullPct: numeric("in_full_pct", { precision: 5, scale: 2 }).notNull(),
  fillRatePct: numeric("fill_rate_pct", { precision: 5, scale: 2 }).notNull(),
  leadTimeHours: numeric("lead_time_hours", { precision: 8, scale: 2 }).notNull(),
  onTimeToleranceDays: integer("on_time_tolerance_days").notNull().default(0),
  inFullTolerancePct: numeric("in_full_tolerance_pct", { precision: 5, scale: 2 }).notNull().default("0"),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const metricJobs = pgTable(
  "metric_jobs",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    calendarVersion: integer("calendar_version").notNull(),
    status: text("status").$type<"queued" | "running" | "done" | "failed">().notNull(),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    /** Opaque id of the process working on the job (0020); null unless running. */
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
