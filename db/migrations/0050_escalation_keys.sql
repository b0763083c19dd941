-- 0050: escalation keys agents can say aloud, and the first-reply acknowledgement switch.
-- Each account gets a short code (ACME, NORD, ...) so an escalation is known across the platform
-- as <code>-<number> (ACME-12): unique, stable, searchable. Customers keep their own ESC-<n>.
-- The code is filled from the slug when a tenant is inserted without one, so every insert path
-- (admin form, seed, tests) gets one; collisions take a numeric suffix.
ALTER TABLE tenants ADD COLUMN short_code text;
--> statement-breakpoint
ALTER TABLE tenants ADD COLUMN ack_on_first_reply boolean NOT NULL DEFAULT true;
--> statement-breakpoint
CREATE FUNCTION tenant_short_code_for(p_slug text, p_id uuid) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  base text := upper(left(regexp_replace(coalesce(p_slug, ''), '[^A-Za-z0-9]', '', 'g'), 4));
  candidate text;
  n integer := 1;
BEGIN
  IF length(base) < 2 THEN base := 'ACC'; END IF;
  candidate := base;
  WHILE EXISTS (SELECT 1 FROM tenants WHERE short_code = candidate AND id IS DISTINCT FROM p_id) LOOP
    n := n + 1;
    candidate := base || n::text;
  END LOOP;
  RETURN candidate;
END $$;
--> statement-breakpoint
CREATE FUNCTION tenants_fill_short_code() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.short_code IS NULL THEN NEW.short_code := tenant_short_code_for(NEW.slug, NEW.id); END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tenants_fill_short_code BEFORE INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION tenants_fill_short_code();
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT id, slug FROM tenants WHERE short_code IS NULL ORDER BY created_at, id LOOP
    UPDATE tenants SET short_code = tenant_short_code_for(t.slug, t.id) WHERE id = t.id;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE tenants ALTER COLUMN short_code SET NOT NULL;
--> statement-breakpoint
ALTER TABLE tenants ADD CONSTRAINT tenants_short_code_format CHECK (short_code ~ '^[A-Z0-9]{2,8}$');
--> statement-breakpoint
CREATE UNIQUE INDEX tenants_short_code_uq ON tenants USING btree (short_code);
--> statement-breakpoint
-- Customers may read their own account's code and switch (the other tenant columns they read are
-- granted per column in 0002); only staff change them.
GRANT SELECT (short_code, ack_on_first_reply) ON tenants TO portal_customer;
--> statement-breakpoint
GRANT SELECT (short_code) ON tenants TO portal_ingest;
