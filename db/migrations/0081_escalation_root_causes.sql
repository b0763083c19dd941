-- 0081 root causes: staff record why an escalation happened when they resolve it (a fixed list),
-- so recurring failures can be counted per account, cause, site and carrier over fiscal periods.
-- Customers read the cause of their own escalations (the service shows it once resolved); only
-- staff write it. A repeat of the same cause at a strategic account raises an internal alert
-- (kind 'repeat_failure', deduplicated per account, cause and fiscal period by dedupe_key).
ALTER TABLE escalations ADD COLUMN root_cause text;
--> statement-breakpoint
ALTER TABLE escalations ADD CONSTRAINT escalations_root_cause_known CHECK (root_cause IN (
  'carrier_delay', 'picking_error', 'stock_shortage', 'transit_damage', 'documentation_error',
  'customer_change', 'system_error', 'other'));
--> statement-breakpoint
-- Recurring-failure counts read resolved escalations of one account by resolution time.
CREATE INDEX escalations_resolved_cause_idx ON escalations USING btree (tenant_id, resolved_at, root_cause)
  WHERE resolved_at IS NOT NULL;
--> statement-breakpoint
GRANT SELECT (root_cause) ON escalations TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (root_cause) ON escalations TO portal_staff;
--> statement-breakpoint
-- Customers insert with a table-wide INSERT grant: the insert policy pins the new staff column too.
ALTER POLICY escalations_customer_insert ON escalations WITH CHECK (
  tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
  AND status = 'open' AND assignee_staff_id IS NULL AND assignee_first_name IS NULL
  AND internal_summary IS NULL AND first_response_at IS NULL AND resolved_at IS NULL AND closed_at IS NULL
  AND alerts_sent = '{}'::text[] AND exception_status IN ('none', 'pending') AND root_cause IS NULL);
--> statement-breakpoint
ALTER TABLE escalation_alerts DROP CONSTRAINT escalation_alerts_kind_check;
--> statement-breakpoint
ALTER TABLE escalation_alerts ADD CONSTRAINT escalation_alerts_kind_check
  CHECK (kind IN ('late_orders', 'sla_breach', 'sla_near_breach', 'repeat_failure'));
