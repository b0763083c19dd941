-- 0010: what a customer may read of its audit log. An entry written by staff carried the agent's
-- full name or e-mail, their user id (e.g. detail.assigneeStaffId) and IP address, and the global
-- id showed how many staff-only entries (internal notes, alerts) lay in between. Now:
--   * customer_seq numbers the customer-visible entries of a tenant 1, 2, 3, ... (staff-only
--     entries get none), so ids shown to customers say nothing about staff-only ones;
--   * actor_public_label is "<first name> (<role>)" for staff, the stored label otherwise;
--   * customer_detail is detail without staff ids, IPs and user agents; customer_target_id is
--     target_id unless it names a staff member;
--   * portal_customer may SELECT only these and the neutral columns (column grants), so
--     `select *` as a customer fails loudly and ip, actor_user_id, detail stay staff-only.
-- A BEFORE INSERT trigger fills the new columns, so no writer can forget them.
ALTER TABLE audit_log ADD COLUMN customer_seq bigint;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN actor_public_label text;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN customer_detail jsonb NOT NULL DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN customer_target_id text;
--> statement-breakpoint
CREATE TABLE audit_counters (
  tenant_id uuid PRIMARY KEY,
  last_seq bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE audit_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_counters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- No runtime role holds a privilege on the counters (only the trigger below writes them); the
-- policies exist so that a grant added later is still tenant-bound.
CREATE POLICY audit_counters_customer ON audit_counters TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY audit_counters_ingest ON audit_counters TO portal_ingest
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY audit_counters_staff ON audit_counters TO portal_staff
  USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]))
  WITH CHECK (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
CREATE INDEX audit_log_customer_seq_idx ON audit_log (tenant_id, customer_seq DESC);
--> statement-breakpoint

-- The customer-safe label of an actor: staff by first name and role, anyone else as stored.
CREATE FUNCTION audit_public_label(actor_id text, stored text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(
    (SELECT split_part(btrim(u.name), ' ', 1) || ' (' || CASE s.role
              WHEN 'support_agent' THEN 'support agent'
              WHEN 'support_lead' THEN 'support lead'
              ELSE 'Sightline operations' END || ')'
       FROM staff_members s JOIN "user" u ON u.id = s.user_id
      WHERE s.user_id = actor_id),
    stored)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_public_label(text, text) FROM PUBLIC;
--> statement-breakpoint
-- Detail keys that identify staff or a client machine.
CREATE FUNCTION audit_customer_detail(detail jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = public AS $$
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    FROM jsonb_each(coalesce(detail, '{}'::jsonb)) AS e(k, v)
   WHERE k !~* '(staff_?id|staff_?user_?id|^ip$|ip_?address|user_?agent)$'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_customer_detail(jsonb) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION audit_target_for_customer(target_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM staff_members s WHERE s.user_id = target_id) THEN NULL ELSE target_id END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_target_for_customer(text) FROM PUBLIC;
--> statement-breakpoint

CREATE FUNCTION audit_log_customer_fields() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.actor_public_label := audit_public_label(NEW.actor_user_id, NEW.actor_label);
  NEW.customer_detail := audit_customer_detail(NEW.detail);
  NEW.customer_target_id := audit_target_for_customer(NEW.target_id);
  IF NEW.staff_only THEN
    NEW.customer_seq := NULL;
  ELSE
    INSERT INTO audit_counters AS c (tenant_id, last_seq) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET last_seq = c.last_seq + 1
    RETURNING c.last_seq INTO NEW.customer_seq;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_customer_fields() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_log_customer_fields BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_customer_fields();
--> statement-breakpoint

-- Entries written before this migration, numbered in the order they were written.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log a SET
  actor_public_label = audit_public_label(a.actor_user_id, a.actor_label),
  customer_detail = audit_customer_detail(a.detail),
  customer_target_id = audit_target_for_customer(a.target_id),
  customer_seq = n.seq
FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS seq
        FROM audit_log WHERE NOT staff_only) n
WHERE a.tenant_id = n.tenant_id AND a.id = n.id;
--> statement-breakpoint
UPDATE audit_log SET
  actor_public_label = audit_public_label(actor_user_id, actor_label),
  customer_detail = audit_customer_detail(detail),
  customer_target_id = audit_target_for_customer(target_id)
WHERE staff_only;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
INSERT INTO audit_counters (tenant_id, last_seq)
SELECT tenant_id, max(customer_seq) FROM audit_log WHERE customer_seq IS NOT NULL GROUP BY tenant_id;
--> statement-breakpoint

-- Customers read the customer-safe columns only.
REVOKE SELECT ON audit_log FROM portal_customer;
--> statement-breakpoint
GRANT SELECT (tenant_id, customer_seq, at, actor_public_label, action, target_type, customer_target_id,
              customer_detail, staff_only)
  ON audit_log TO portal_customer;
