-- 0087 feed health (issue 21): how fresh an account's data is, per source. A source is an ingest
-- key; each accepted batch moves its row here: the time it arrived and the gaps between recent
-- deliveries (seconds, newest last, at most 20), from which the usual interval is learned
-- (app/domain/feed-health/health.ts). Staff may configure the interval instead. The staff alert
-- for a silence is sent once per episode: alerted_arrival_at holds the last delivery before the
-- silence staff were told about. Pattern of 0002/0080: tenant_id leads every key, ENABLE + FORCE
-- ROW LEVEL SECURITY, one policy per runtime role, column grants.
CREATE TABLE "feed_sources" (
	"tenant_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"label" text NOT NULL CHECK (length("label") BETWEEN 1 AND 200),
	"last_arrival_at" timestamp with time zone NOT NULL,
	"gaps_s" integer[] DEFAULT '{}' NOT NULL CHECK (cardinality("gaps_s") <= 20),
	"configured_interval_s" integer CHECK ("configured_interval_s" > 0),
	"alerted_arrival_at" timestamp with time zone,
	CONSTRAINT "feed_sources_pk" PRIMARY KEY("tenant_id","key_id"),
	CONSTRAINT "feed_sources_key_fk" FOREIGN KEY ("tenant_id","key_id") REFERENCES "ingest_keys"("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "feed_sources" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "feed_sources" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Customers read their own account's sources: the label and the times, never the key or the
-- alert bookkeeping (column grants below).
CREATE POLICY feed_sources_customer_read ON feed_sources FOR SELECT TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY feed_sources_staff_read ON feed_sources FOR SELECT TO portal_staff
  USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
-- An ingest key's batch records its own arrival, in its own tenant.
CREATE POLICY feed_sources_ingest ON feed_sources TO portal_ingest
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT (tenant_id, label, last_arrival_at, gaps_s, configured_interval_s) ON feed_sources TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON feed_sources TO portal_staff;
--> statement-breakpoint
GRANT SELECT (tenant_id, key_id, label, last_arrival_at, gaps_s), INSERT (tenant_id, key_id, label, last_arrival_at, gaps_s),
  UPDATE (label, last_arrival_at, gaps_s) ON feed_sources TO portal_ingest;
