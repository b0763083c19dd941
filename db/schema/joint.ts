// Joint operations with strategic customers: satisfaction ratings after resolution (0080).
// tenant_id leads every key; policies, grants and the 7-day edit rule live in
// db/migrations/0080_escalation_ratings.sql.
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { escalations } from "./escalations";

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
