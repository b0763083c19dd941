// Escalations: the case, its conversation, exception approvals, per-tenant SLA target overrides,
// internal alerts and in-app notifications. tenant_id leads every key. Internal comments and
// staff-only columns are withheld from portal_customer by policy and column grants in
// db/migrations/0005_escalations.sql.
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
import type { StoredApprovalReason } from "../../app/domain/escalations/approval";
import type { EscalationCategory, EscalationStatus, Severity } from "../../app/domain/escalations/workflow";
import type { ProtocolLevel } from "../../app/domain/joint/protocol";
import type { RootCause } from "../../app/domain/joint/root-causes";
import { orders } from "./orders";
import { tenants } from "./tenancy";

export type ExceptionStatus = "none" | "auto_approved" | "pending" | "approved" | "rejected";

/** One SLA pause, stored as ISO strings in escalations.sla_pauses. */
export interface StoredPause {
  start: string;
  end: string | null;
  reason: "awaiting_customer" | "resolved";
}

export const escalations = pgTable(
  "escalations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    /** Per-tenant number shown to people (assigned by a trigger). */
    number: integer("number").notNull(),
    orderId: uuid("order_id"),
    category: text("category").$type<EscalationCategory>().notNull(),
    severity: text("severity").$type<Severity>().notNull(),
    status: text("status").$type<EscalationStatus>().notNull().default("open"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    desiredOutcome: text("desired_outcome").notNull(),
    requestExpedite: boolean("request_expedite").notNull().default(false),
    requestCreditAmount: numeric("request_credit_amount", { precision: 14, scale: 2 }),
    requestPolicyOverride: text("request_policy_override"),
    exceptionStatus: text("exception_status").$type<ExceptionStatus>().notNull().default("none"),
    raisedByUserId: text("raised_by_user_id"),
    raisedByName: text("raised_by_name").notNull(),
    /** Staff only: the assignee's user id. Customers see the first name. */
    assigneeStaffId: text("assignee_staff_id"),
    assigneeFirstName: text("assignee_first_name"),
    /** Staff only: a hand-over summary for colleagues. */
    internalSummary: text("internal_summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    reopenCount: integer("reopen_count").notNull().default(0),
    slaPauses: jsonb("sla_pauses").$type<StoredPause[]>().notNull().default([]),
    /** Deadlines at the last change (null while paused or met); for sorting and the alert check. */
    responseDueAt: timestamp("response_due_at", { withTimezone: true }),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    /** Staff only: alert keys already sent ("response_soon", "resolution_breached", ...). */
    alertsSent: text("alerts_sent")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Set when this escalation was closed as a duplicate of another in the same account (0051). */
    mergedIntoId: uuid("merged_into_id"),
    /** Why it happened, set by staff at resolution (0081); customers read it once resolved. */
    rootCause: text("root_cause").$type<RootCause>(),
    /** The protocol version it was raised under (0082); null before the account agreed one. */
    protocolVersion: integer("protocol_version"),
    /** How far up the protocol's levels it has moved (0082; the escalation checks job moves it). */
    level: text("level").$type<ProtocolLevel>().notNull().default("agent"),
    levelChangedAt: timestamp("level_changed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("escalations_number_uq").on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
    index("escalations_status_idx").on(t.tenantId, t.status, t.createdAt.desc()),
    index("escalations_created_idx").on(t.tenantId, t.createdAt.desc()),
    index("escalations_order_idx").on(t.tenantId, t.orderId),
  ],
);

export const escalationCounters = pgTable("escalation_counters", {
  tenantId: uuid("tenant_id").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

export const escalationComments = pgTable(
  "escalation_comments",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    escalationId: uuid("escalation_id").notNull(),
    authorUserId: text("author_user_id"),
    authorName: text("author_name").notNull(),
    authorKind: text("author_kind").$type<"customer" | "staff">().notNull(),
    visibility: text("visibility").$type<"public" | "internal">().notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A comment Sightline wrote (a merge): its catalogue message for the reader's language (0054). */
    messageKey: text("message_key"),
    /** The values of that message (0054). */
    messageParams: jsonb("message_params").$type<Record<string, string | number>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.escalationId],
      foreignColumns: [escalations.tenantId, escalations.id],
    }),
    index("escalation_comments_escalation_idx").on(t.tenantId, t.escalationId, t.createdAt),
  ],
);

export const escalationApprovals = pgTable(
  "escalation_approvals",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    escalationId: uuid("escalation_id").notNull(),
    request: jsonb("request")
      .$type<{ expedite: boolean; creditAmount: number | null; policyOverride: string | null; currency: string }>()
      .notNull(),
    requiredRole: text("required_role").$type<"support_agent" | "support_lead" | "platform_admin">().notNull(),
    reasons: text("reasons")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Why it needs approval, as facts worded for the reader (0055); `reasons` is the English of older rows. */
    reasonFacts: jsonb("reason_facts")
      .$type<StoredApprovalReason[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    decision: text("decision").$type<"pending" | "approved" | "rejected">().notNull().default("pending"),
    reason: text("reason"),
    decidedByUserId: text("decided_by_user_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.escalationId],
      foreignColumns: [escalations.tenantId, escalations.id],
    }),
    index("escalation_approvals_escalation_idx").on(t.tenantId, t.escalationId),
  ],
);

/** Per-tenant overrides of the platform default targets (app/domain/escalations/sla.ts). */
export const escalationSlaTargets = pgTable(
  "escalation_sla_targets",
  {
    tenantId: uuid("tenant_id").notNull(),
    severity: text("severity").$type<Severity>().notNull(),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    resolutionMinutes: integer("resolution_minutes").notNull(),
    twentyFourSeven: boolean("twenty_four_seven").notNull().default(false),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.severity] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
  ],
);

/** Internal alerts for the queue (staff only): SLA breaches, strategic accounts with late orders. */
export const escalationAlerts = pgTable(
  "escalation_alerts",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    kind: text("kind").$type<"late_orders" | "sla_breach" | "sla_near_breach" | "repeat_failure">().notNull(),
    /** Same key, same alert: keeps the periodic check idempotent. */
    dedupeKey: text("dedupe_key").notNull(),
    escalationId: uuid("escalation_id"),
    message: text("message").notNull(),
    /** The message as a catalogue id and values, for the reader's language (0077); null on older rows. */
    messageI18n: jsonb("message_i18n").$type<{ id: string; values?: Record<string, string | number> }>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    dismissedBy: text("dismissed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("escalation_alerts_dedupe_uq").on(t.tenantId, t.dedupeKey),
    index("escalation_alerts_created_idx").on(t.tenantId, t.createdAt.desc()),
  ],
);

/** In-app notifications for one person (customer user or staff member). */
export const escalationNotifications = pgTable(
  "escalation_notifications",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    recipientUserId: text("recipient_user_id").notNull(),
    recipientKind: text("recipient_kind").$type<"customer" | "staff">().notNull(),
    escalationId: uuid("escalation_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    /** Catalogue messages `<key>.title` / `<key>.body` for the reader's language (0088); null on older rows. */
    messageKey: text("message_key"),
    /** The values of those messages (0088). */
    messageParams: jsonb("message_params").$type<Record<string, string | number>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("escalation_notifications_recipient_idx").on(t.tenantId, t.recipientUserId, t.createdAt.desc()),
  ],
);
