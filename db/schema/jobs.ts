// Leases of periodic system tasks (0020): one holder at a time across processes and machines.
// Owner connection only; no runtime role has any privilege on it.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const backgroundLeases = pgTable("background_leases", {
  name: text("name").primaryKey(),
  owner: text("owner").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
