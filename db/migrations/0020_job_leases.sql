-- 0020 Background work runs once across processes and machines (issue 17).
-- Hand-written and reviewed.
--
-- metric_jobs: a running job is held by a lease (an opaque per-process id and an expiry). A
-- worker renews it while it works; a worker that dies stops renewing, and once the lease has
-- expired another process claims the job (FOR UPDATE SKIP LOCKED). Nothing resets running jobs
-- at start any more. The owner id is a random uuid, so tenants that may read their own jobs
-- learn nothing about hosts or processes.
ALTER TABLE "metric_jobs" ADD COLUMN "lease_owner" text, ADD COLUMN "lease_expires_at" timestamptz;
--> statement-breakpoint
-- Jobs left running by a process from before leases: queued again, once, by this migration.
UPDATE "metric_jobs" SET "status" = 'queued' WHERE "status" = 'running';
--> statement-breakpoint
-- At most one running recompute per tenant: two workers claiming two jobs of one tenant at the
-- same instant cannot both win (the loser's claim fails and it looks again later).
CREATE UNIQUE INDEX "metric_jobs_one_running_idx" ON "metric_jobs" USING btree ("tenant_id") WHERE "status" = 'running';
--> statement-breakpoint
-- Periodic system tasks (escalation checks, delay alerts, the demo simulator, digests) run in
-- one process at a time: the holder of the named lease, renewed on every run. Not tenant data
-- and reached only by the owner connection: no runtime role may touch it.
CREATE TABLE "background_leases" (
  "name" text PRIMARY KEY,
  "owner" text NOT NULL,
  "expires_at" timestamptz NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON "background_leases" FROM PUBLIC, portal_customer, portal_staff, portal_ingest;
