-- 0004 SLA: versioned business calendars, contracted targets, per-order metric columns and
-- recompute jobs. Hand-written and reviewed; RLS pattern of 0002.
CREATE TABLE "tenant_calendars" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"version" integer NOT NULL CHECK ("version" > 0),
	"definition" jsonb NOT NULL,
	"label" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_calendars_pk" PRIMARY KEY ("tenant_id", "version")
);
--> statement-breakpoint
CREATE TABLE "sla_targets" (
	"tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
	"otif_pct" numeric(5, 2) NOT NULL CHECK ("otif_pct" BETWEEN 0 AND 100),
	"on_time_pct" numeric(5, 2) NOT NULL CHECK ("on_time_pct" BETWEEN 0 AND 100),
	"in_full_pct" numeric(5, 2) NOT NULL CHECK ("in_full_pct" BETWEEN 0 AND 100),
	"fill_rate_pct" numeric(5, 2) NOT NULL CHECK ("fill_rate_pct" BETWEEN 0 AND 100),
	"lead_time_hours" numeric(8, 2) NOT NULL CHECK ("lead_time_hours" > 0),
	"on_time_tolerance_days" integer DEFAULT 0 NOT NULL CHECK ("on_time_tolerance_days" BETWEEN 0 AND 30),
	"in_full_tolerance_pct" numeric(5, 2) DEFAULT 0 NOT NULL CHECK ("in_full_tolerance_pct" BETWEEN 0 AND 50),
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_jobs" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"calendar_version" integer NOT NULL,
	"status" text NOT NULL CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "metric_jobs_pk" PRIMARY KEY ("tenant_id", "id")
);
--> statement-breakpoint
ALTER TABLE "orders"
	ADD COLUMN "metrics_calendar_version" integer,
	ADD COLUMN "m_measurable" boolean,
	ADD COLUMN "m_on_time" boolean,
	ADD COLUMN "m_in_full" boolean,
	ADD COLUMN "m_otif" boolean,
	ADD COLUMN "m_units_ordered" numeric(14, 2),
	ADD COLUMN "m_units_shipped" numeric(14, 2),
	ADD COLUMN "m_lines_ordered" integer,
	ADD COLUMN "m_lines_filled" integer,
	ADD COLUMN "m_lead_time_minutes" integer,
	ADD COLUMN "fiscal_year" integer,
	ADD COLUMN "fiscal_quarter" integer,
	ADD COLUMN "fiscal_period" integer,
	ADD COLUMN "fiscal_week" integer;
--> statement-breakpoint
CREATE INDEX "orders_fiscal_idx" ON "orders" USING btree ("tenant_id", "fiscal_year", "fiscal_period");
--> statement-breakpoint
DO $$
DECLARE
  t text;
  tenant_expr constant text := '(SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid)';
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_calendars', 'sla_targets', 'metric_jobs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_customer USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',
                   t || '_customer', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_ingest USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',
                   t || '_ingest', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_staff USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[])) WITH CHECK (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]))',
                   t || '_staff', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Metrics are customer-facing; the column grant of 0002 is extended to them.
GRANT SELECT (metrics_calendar_version, m_measurable, m_on_time, m_in_full, m_otif, m_units_ordered,
              m_units_shipped, m_lines_ordered, m_lines_filled, m_lead_time_minutes,
              fiscal_year, fiscal_quarter, fiscal_period, fiscal_week)
  ON orders TO portal_customer;
--> statement-breakpoint
-- Customer admins add calendar versions (the route allows admins only) and queue a recompute.
-- The recompute itself runs as portal_ingest (the tenant's system writer): customers can never
-- write metric columns, so they cannot touch their own figures.
GRANT SELECT, INSERT ON tenant_calendars TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON sla_targets TO portal_customer, portal_ingest;
--> statement-breakpoint
GRANT SELECT, INSERT ON metric_jobs TO portal_customer;
--> statement-breakpoint
GRANT SELECT, UPDATE (status, total, done, error, finished_at, active) ON metric_jobs TO portal_ingest;
--> statement-breakpoint
GRANT UPDATE (metrics_calendar_version, m_measurable, m_on_time, m_in_full, m_otif, m_units_ordered,
              m_units_shipped, m_lines_ordered, m_lines_filled, m_lead_time_minutes,
              fiscal_year, fiscal_quarter, fiscal_period, fiscal_week)
  ON orders TO portal_ingest;
--> statement-breakpoint
GRANT SELECT ON tenant_calendars TO portal_ingest, portal_staff;
--> statement-breakpoint
GRANT SELECT ON metric_jobs TO portal_staff;
--> statement-breakpoint
-- Platform admins set contracted targets for the accounts they see.
GRANT SELECT, INSERT, UPDATE ON sla_targets TO portal_staff;
