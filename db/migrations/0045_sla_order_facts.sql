-- 0045 Per-order SLA facts customers can check: how late in business minutes (m_late_minutes)
-- and how many lines shipped in full within the contracted tolerance (m_lines_in_full). Written
-- by the metric recompute (portal_ingest) like the other metric columns, readable by customers.
ALTER TABLE "orders"
	ADD COLUMN "m_late_minutes" integer CHECK ("m_late_minutes" >= 0),
	ADD COLUMN "m_lines_in_full" integer CHECK ("m_lines_in_full" >= 0);
--> statement-breakpoint
-- The miss breakdown and the orders list filter on lateness within a fiscal period.
CREATE INDEX "orders_late_idx" ON "orders" USING btree ("tenant_id", "fiscal_year", "fiscal_period", "m_late_minutes")
	WHERE "m_measurable";
--> statement-breakpoint
GRANT SELECT (m_late_minutes, m_lines_in_full) ON orders TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (m_late_minutes, m_lines_in_full) ON orders TO portal_ingest;
--> statement-breakpoint
-- Existing databases: recompute every account that has stored metrics, so the new columns are
-- filled (the metric job service runs queued jobs at start-up; version 0 = the version in force).
INSERT INTO "metric_jobs" ("tenant_id", "calendar_version", "status")
SELECT DISTINCT "tenant_id", 0, 'queued' FROM "orders" WHERE "metrics_calendar_version" IS NOT NULL;
