// Append-only audit trail. Platform-level entries use PLATFORM_TENANT_ID.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Hidden from customers by policy (0009): internal notes, internal alerts. */
    staffOnly: boolean("staff_only").notNull().default(false),
    // Customer-safe copies, filled by the audit_log_customer_fields trigger (0010); customers may
    // read only these and the neutral columns.
    /** Per-tenant number among customer-visible entries (null for staff-only ones). */
    customerSeq: bigint("customer_seq", { mode: "number" }),
    /** Staff as "<first name> (<role>)", anyone else as actor_label. */
    actorPublicLabel: text("actor_public_label"),
    /** customer, staff, integration or system (trigger-filled; customers may read it). */
    actorKind: text("actor_kind").$type<"customer" | "staff" | "integration" | "system">(),
    /** The acting staff member's role when written (support_agent, ...; 0053), null for anyone else. */
    actorRole: text("actor_role"),
    customerDetail: jsonb("customer_detail")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    customerTargetId: text("customer_target_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_at_idx").on(t.tenantId, t.at.desc()),
    index("audit_log_customer_seq_idx").on(t.tenantId, t.customerSeq.desc()),
  ],
);

/** Last customer_seq per tenant; written only by the audit_log trigger. */
export const auditCounters = pgTable("audit_counters", {
  tenantId: uuid("tenant_id").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
});
