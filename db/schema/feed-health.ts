// Feed health (0087): per account and source (ingest key), the latest delivery and the gaps
// between recent deliveries, from which the usual interval is learned. Policies and column
// grants in db/migrations/0087_feed_health.sql.
import { sql } from "drizzle-orm";
import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ingestKeys } from "./ingest";

export const feedSources = pgTable(
  "feed_sources",
  {
    tenantId: uuid("tenant_id").notNull(),
    keyId: uuid("key_id").notNull(),
    /** What customers see: the key's name, never its secret or prefix. */
    label: text("label").notNull(),
    lastArrivalAt: timestamp("last_arrival_at", { withTimezone: true }).notNull(),
    /** Seconds between recent deliveries, oldest first, at most 20. */
    gapsS: integer("gaps_s")
      .array()
      .notNull()
      .default(sql`'{}'`),
    configuredIntervalS: integer("configured_interval_s"),
    /** The last delivery before the silence staff were alerted about (one alert per episode). */
    alertedArrivalAt: timestamp("alerted_arrival_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "feed_sources_pk", columns: [t.tenantId, t.keyId] }),
    foreignKey({
      name: "feed_sources_key_fk",
      columns: [t.tenantId, t.keyId],
      foreignColumns: [ingestKeys.tenantId, ingestKeys.id],
    }),
  ],
);
