-- 0053: staff in the audit trail by first name and role *key*, worded where shown. Until now the
-- customer-safe label froze English words at write time ("Alex (support agent)", 0010), which a
-- German or Japanese reader then met as they were. actor_role holds the acting staff member's role
-- when the entry was written (support_agent, support_lead, platform_admin; NULL for anyone else),
-- filled by a BEFORE INSERT trigger so no writer can forget it, and actor_public_label becomes the
-- first name alone; the page puts "(Support-Mitarbeiter)" beside it from the catalogue.
-- Existing rows keep their label as written (history is not rewritten); their role words are read
-- into actor_role, and the page reads the name in front of them (app/i18n/audit-text.ts). Code of
-- the previous release reads a first name where it read "Alex (support agent)": still readable. portal_customer may read the role key (it names no one).
ALTER TABLE audit_log ADD COLUMN actor_role text;
--> statement-breakpoint
CREATE FUNCTION audit_actor_role(actor_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.role::text FROM staff_members s WHERE s.user_id = actor_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_actor_role(text) FROM PUBLIC;
--> statement-breakpoint
-- Staff by first name; their role is in actor_role.
CREATE OR REPLACE FUNCTION audit_public_label(actor_id text, stored text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(
    (SELECT split_part(btrim(u.name), ' ', 1)
       FROM staff_members s JOIN "user" u ON u.id = s.user_id
      WHERE s.user_id = actor_id),
    stored)
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_actor_role() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.actor_role := audit_actor_role(NEW.actor_user_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_actor_role() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_log_actor_role BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_actor_role();
--> statement-breakpoint
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET
  actor_role = CASE substring(actor_public_label FROM ' \((support agent|support lead|Sightline operations)\)$')
    WHEN 'support agent' THEN 'support_agent'
    WHEN 'support lead' THEN 'support_lead'
    ELSE 'platform_admin' END
WHERE actor_public_label ~ ' \((support agent|support lead|Sightline operations)\)$';
--> statement-breakpoint
UPDATE audit_log SET actor_role = audit_actor_role(actor_user_id)
WHERE actor_role IS NULL AND actor_user_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
GRANT SELECT (actor_role) ON audit_log TO portal_customer;
