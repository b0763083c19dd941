// Per-tenant API keys for backend systems. Only a SHA-256 of the secret is stored; secrets are
// 32 random bytes, so a fast hash is enough (no offline guessing is feasible).
import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ingestKeys = pgTable(
  "ingest_keys",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("ingest_keys_hash_uq").on(t.secretHash),
    // db/migrations/0006_ingest.sql: the admin list per tenant, newest first.
    index("ingest_keys_tenant_idx").on(t.tenantId, t.createdAt.desc()),
  ],
);
