-- 0008 SLA: what the scorecards, recompute jobs and target administration need beyond 0004.
-- Hand-written and reviewed. No new tables, so no new policies: 0004's policies cover these.

-- Scorecards by fiscal week and the order-list drill-down by week stay on an index.
CREATE INDEX "orders_fiscal_week_idx" ON "orders" USING btree ("tenant_id", "fiscal_year", "fiscal_week");
--> statement-breakpoint
-- The recompute service looks for unfinished jobs; the set is tiny, the index keeps it so.
CREATE INDEX "metric_jobs_pending_idx" ON "metric_jobs" USING btree ("tenant_id", "created_at")
  WHERE "status" IN ('queued', 'running');
--> statement-breakpoint
-- Platform admins changing a tenant's tolerances queue a recompute for it (policy of 0004
-- limits staff to the tenants app_visible_tenants() returns), and may drop a tenant's own
-- targets to fall back to its tier's defaults.
GRANT INSERT ON metric_jobs TO portal_staff;
--> statement-breakpoint
GRANT DELETE ON sla_targets TO portal_staff;
