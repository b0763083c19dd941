-- 0076: who acted, in words a customer may read. A customer's audit page could tell only
-- integrations (ingest.*) from everyone else, because it may not read actor_user_id. Each entry
-- now carries actor_kind -- customer, staff, integration or system, decided as the platform audit
-- decides it -- filled by a BEFORE INSERT trigger (no writer can forget it) and granted to
-- portal_customer like the other customer-safe columns. It names no one.
ALTER TABLE audit_log ADD COLUMN actor_kind text;
--> statement-breakpoint
CREATE FUNCTION audit_actor_kind(action text, actor_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE
    WHEN action LIKE 'ingest.%' THEN 'integration'
    WHEN actor_id IS NOT NULL AND EXISTS (SELECT 1 FROM staff_members s WHERE s.user_id = actor_id) THEN 'staff'
    WHEN actor_id IS NOT NULL OR action LIKE 'auth.%' THEN 'customer'
    ELSE 'system' END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_actor_kind(text, text) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION audit_log_actor_kind() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.actor_kind := audit_actor_kind(NEW.action, NEW.actor_user_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_actor_kind() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_log_actor_kind BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_actor_kind();
--> statement-breakpoint
-- Entries written before this migration.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET actor_kind = audit_actor_kind(action, actor_user_id);
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
GRANT SELECT (actor_kind) ON audit_log TO portal_customer;
