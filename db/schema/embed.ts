// Embed keys: a customer's server exchanges a key's secret for short-lived widget tokens.
// Only a SHA-256 of the secret is stored; the secret is shown once when the key is created.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

export const EMBED_SCOPES = ["orders:read", "sla:read", "escalations:write"] as const;
export type EmbedScope = (typeof EMBED_SCOPES)[number];

/** Filters pinned to every token of a key; `site` holds site ids. */
export type EmbedFixedFilters = { site?: string[] };

export const embedKeys = pgTable(
  "embed_keys",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    allowedOrigins: text("allowed_origins").array().notNull(),
    scopes: text("scopes").array().$type<EmbedScope[]>().notNull(),
    fixedFilters: jsonb("fixed_filters").$type<EmbedFixedFilters>().notNull().default({}),
    createdBy: text("created_by"),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("embed_keys_hash_uq").on(t.secretHash),
    index("embed_keys_tenant_created_idx").on(t.tenantId, t.createdAt.desc()),
  ],
);
