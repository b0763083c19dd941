// Joint operations with strategic customers: satisfaction ratings after resolution (0080).
// tenant_id leads every key; policies, grants and the 7-day edit rule live in
// db/migrations/0080_escalation_ratings.sql.
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ProposalStatus, ProtocolSide, ProtocolTerms } from "../../app/domain/joint/protocol";
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
  },
  (t) => [
    primaryKey({ name: "escalation_protocol_versions_pk", columns: [t.tenantId, t.version] }),
    uniqueIndex("escalation_protocol_versions_pending_uq")
      .on(t.tenantId)
      .where(sql`status = 'pending'`),
    index("escalation_protocol_versions_status_idx").on(t.tenantId, t.status, t.version.desc()),
  ],
);
