// Joint operations with strategic customers: satisfaction ratings after resolution (0080).
// tenant_id leads every key; policies, grants and the 7-day edit rule live in
// db/migrations/0080_escalation_ratings.sql.
import { sql } from "drizzle-orm";
import {
  boolean,
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
import type { ProposalStatus, ProtocolSide, ProtocolTerms } from "../../app/domain/joint/protocol";
import type { AlertStatus, PerformanceEvidence, PerformanceKpi } from "../../app/domain/joint/performance-alerts";
import { escalations } from "./escalations";
import { tenants } from "./tenancy";

/** One rating per escalation: the customer's 1-5 score of the resolution and a comment. */
export const escalationRatings = pgTable(
  "escalation_ratings",
  {
    tenantId: uuid("tenant_id").notNull(),
    escalationId: uuid("escalation_id").notNull(),
    score: integer("score").notNull(),
    comment: text("comment"),
    ratedByUserId: text("rated_by_user_id"),
    ratedByName: text("rated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "escalation_ratings_pk", columns: [t.tenantId, t.escalationId] }),
    foreignKey({
      name: "escalation_ratings_escalation_fk",
      columns: [t.tenantId, t.escalationId],
      foreignColumns: [escalations.tenantId, escalations.id],
    }),
    index("escalation_ratings_created_idx").on(t.tenantId, t.createdAt.desc()),
  ],
);

/**
 * The co-developed escalation protocol (0082): one row per proposed version. The protocol in
 * effect is the highest accepted version; terms never change after the proposal (trigger).
 */
export const escalationProtocolVersions = pgTable(
  "escalation_protocol_versions",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    version: integer("version").notNull(),
    terms: jsonb("terms").$type<ProtocolTerms>().notNull(),
    note: text("note"),
    basedOn: integer("based_on"),
    proposedSide: text("proposed_side").$type<ProtocolSide>().notNull(),
    proposedByUserId: text("proposed_by_user_id"),
    proposedByName: text("proposed_by_name").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status").$type<ProposalStatus>().notNull().default("pending"),
    decidedSide: text("decided_side").$type<ProtocolSide>(),
    decidedByUserId: text("decided_by_user_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The proposer asks that accepting it also moves the account's running escalations (0090). */
    applyToRunning: boolean("apply_to_running").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "escalation_protocol_versions_pk", columns: [t.tenantId, t.version] }),
    uniqueIndex("escalation_protocol_versions_pending_uq")
      .on(t.tenantId)
      .where(sql`status = 'pending'`),
    index("escalation_protocol_versions_status_idx").on(t.tenantId, t.status, t.version.desc()),
  ],
);

/**
 * Proactive performance alerts (0083): one per account, KPI and fiscal period, opened by the
 * performance alerts job with its evidence; a customer-visible notice once staff publish a
 * recovery plan (customers read published rows only, and not the evidence).
 */
export const performanceAlerts = pgTable(
  "performance_alerts",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    kpi: text("kpi").$type<PerformanceKpi>().notNull(),
    periodKey: text("period_key").notNull(),
    periodLabel: text("period_label").notNull(),
    floorPct: numeric("floor_pct", { precision: 5, scale: 2 }).notNull(),
    valuePct: numeric("value_pct", { precision: 5, scale: 2 }).notNull(),
    evidence: jsonb("evidence").$type<PerformanceEvidence>().notNull(),
    status: text("status").$type<AlertStatus>().notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedByName: text("acknowledged_by_name"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByName: text("closed_by_name"),
    recoveryPlan: text("recovery_plan"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedByName: text("published_by_name"),
  },
  (t) => [
    primaryKey({ name: "performance_alerts_pk", columns: [t.tenantId, t.id] }),
    uniqueIndex("performance_alerts_period_uq").on(t.tenantId, t.kpi, t.periodKey),
    index("performance_alerts_status_idx").on(t.tenantId, t.status, t.openedAt.desc()),
  ],
);
