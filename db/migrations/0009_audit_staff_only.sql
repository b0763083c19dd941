-- 0009: audit entries that only staff may read. An internal note or an internal alert is
-- audited (who, when) but its existence must not reach the customer: portal_customer's policy
-- hides staff_only rows and refuses to write them. Staff and ingest policies are unchanged.
ALTER TABLE audit_log ADD COLUMN staff_only boolean NOT NULL DEFAULT false;
--> statement-breakpoint
DROP POLICY audit_log_customer ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_log_customer ON audit_log TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid) AND NOT staff_only)
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid) AND NOT staff_only);
