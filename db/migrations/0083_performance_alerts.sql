-- 0083 proactive performance alerts (issue 21): when an account's KPIs fall under the floors of
-- the joint-review thresholds in its escalation protocol (OTIF under the floor for N consecutive
-- closed fiscal periods, fill rate under the floor in a period), the performance alerts job opens
-- one internal alert per account, KPI and period, with the evidence (the periods' figures and the
-- orders that missed). Staff acknowledge and close it, and may publish a customer-visible notice
-- with a recovery plan: customers read a row only once it is published, and never the evidence
-- or who worked on it (column grants). The job writes as the owner; staff update the workflow
-- columns; nobody deletes (history).
CREATE TABLE "performance_alerts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi" text NOT NULL CHECK ("kpi" IN ('otif', 'fill_rate')),
	"period_key" text NOT NULL CHECK (length("period_key") BETWEEN 1 AND 20),
	"period_label" text NOT NULL CHECK (length("period_label") BETWEEN 1 AND 100),
	"floor_pct" numeric(5, 2) NOT NULL,
	"value_pct" numeric(5, 2) NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL CHECK ("status" IN ('open', 'acknowledged', 'closed')),
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text CHECK (length("acknowledged_by_name") BETWEEN 1 AND 200),
	"closed_at" timestamp with time zone,
	"closed_by_name" text CHECK (length("closed_by_name") BETWEEN 1 AND 200),
	"recovery_plan" text CHECK (length("recovery_plan") BETWEEN 1 AND 4000),
	"published_at" timestamp with time zone,
	"published_by_name" text CHECK (length("published_by_name") BETWEEN 1 AND 200),
	CONSTRAINT "performance_alerts_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "performance_alerts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id"),
	-- A published notice carries its plan.
	CONSTRAINT "performance_alerts_published_plan" CHECK ("published_at" IS NULL OR "recovery_plan" IS NOT NULL)
);
--> statement-breakpoint
-- Deduplication: one alert per account, KPI and fiscal period, however often detection runs.
CREATE UNIQUE INDEX "performance_alerts_period_uq" ON "performance_alerts" USING btree ("tenant_id","kpi","period_key");
--> statement-breakpoint
CREATE INDEX "performance_alerts_status_idx" ON "performance_alerts" USING btree ("tenant_id","status","opened_at" DESC);
--> statement-breakpoint
ALTER TABLE "performance_alerts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "performance_alerts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Customers read their own account's published notices, nothing before publishing.
CREATE POLICY performance_alerts_customer ON performance_alerts FOR SELECT TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid) AND published_at IS NOT NULL);
--> statement-breakpoint
CREATE POLICY performance_alerts_staff ON performance_alerts TO portal_staff
  USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]))
  WITH CHECK (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
-- Ingest keys read nothing of it; the policy keeps a later grant tenant-bound.
CREATE POLICY performance_alerts_ingest ON performance_alerts FOR SELECT TO portal_ingest
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT (tenant_id, id, kpi, period_key, period_label, floor_pct, value_pct, status, opened_at, closed_at,
  recovery_plan, published_at) ON performance_alerts TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON performance_alerts TO portal_staff;
--> statement-breakpoint
GRANT UPDATE (status, acknowledged_at, acknowledged_by_name, closed_at, closed_by_name, recovery_plan, published_at,
  published_by_name) ON performance_alerts TO portal_staff;
