-- 0002 security: runtime roles, row-level security, column grants, append-only rules,
-- the per-tenant event sequence and the NOTIFY wake-up. Hand-written and reviewed.
--
-- Runtime roles own nothing, cannot log in, and are neither superuser nor BYPASSRLS.
-- The connecting (owner) role switches to one of them per transaction with SET LOCAL ROLE
-- (see app/server/tenant-db.server.ts). Roles are cluster-wide, so creation is idempotent.
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['portal_customer', 'portal_staff', 'portal_ingest'] LOOP
    -- Databases migrating side by side (parallel test runs) may race to create the same role.
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT', r);
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
      EXECUTE format('GRANT %I TO current_user', r);
    EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN NULL;
    END;
  END LOOP;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_customer, portal_staff, portal_ingest;
--> statement-breakpoint

-- Which tenants the current staff member may see, and, when an account is selected
-- (app.tenant_id), only that one. SECURITY DEFINER so staff tables need no grants;
-- evaluated once per query through the (select ...) wrapper in the policies.
CREATE FUNCTION app_visible_tenants() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(t.id), '{}'::uuid[])
  FROM tenants t
  JOIN staff_members s
    ON s.user_id = nullif(current_setting('app.staff_id', true), '') AND s.active
  WHERE (nullif(current_setting('app.tenant_id', true), '') IS NULL
         OR t.id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    AND (s.role = 'platform_admin'
         OR (s.role = 'support_lead' AND (s.tiers IS NULL OR t.tier = ANY (s.tiers)))
         OR EXISTS (SELECT 1 FROM staff_assignments a
                    WHERE a.tenant_id = t.id AND a.staff_user_id = s.user_id))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_visible_tenants() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_visible_tenants() TO portal_staff;
--> statement-breakpoint

-- One policy per runtime role per table, generated so no table is forgotten.
-- Customers and ingest keys: exactly the tenant in app.tenant_id; unset or '' matches nothing.
-- Staff: the tenants app_visible_tenants() returns.
DO $$
DECLARE
  t text;
  key_col text;
  tenant_expr constant text := '(SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid)';
BEGIN
  FOREACH t IN ARRAY ARRAY['tenants', 'sites', 'staff_assignments', 'orders', 'order_lines', 'shipments',
                           'order_events', 'tenant_event_counters', 'audit_log', 'ingest_keys'] LOOP
    key_col := CASE WHEN t = 'tenants' THEN 'id' ELSE 'tenant_id' END;
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_customer USING (%I = %s) WITH CHECK (%I = %s)',
                   t || '_customer', t, key_col, tenant_expr, key_col, tenant_expr);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_ingest USING (%I = %s) WITH CHECK (%I = %s)',
                   t || '_ingest', t, key_col, tenant_expr, key_col, tenant_expr);
    EXECUTE format('CREATE POLICY %I ON %I TO portal_staff USING (%I = ANY ((SELECT app_visible_tenants())::uuid[])) WITH CHECK (%I = ANY ((SELECT app_visible_tenants())::uuid[]))',
                   t || '_staff', t, key_col, key_col);
  END LOOP;
END $$;
--> statement-breakpoint

-- Grants. Policies decide which rows; grants decide which tables, columns and verbs.
-- portal_customer reads customer-facing columns only: no cost, margin, internal_notes, unit_cost.
GRANT SELECT (id, slug, name, tier, time_zone, country, region, active, created_at) ON tenants TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON sites TO portal_customer;
--> statement-breakpoint
GRANT SELECT (tenant_id, id, source, external_id, version, order_number, customer_po, site_id, status, status_at,
              hold_reason, priority, ordered_at, requested_date, promised_date, predicted_date, shipped_at,
              delivered_at, carrier, tracking_number, currency, value, created_at, updated_at)
  ON orders TO portal_customer;
--> statement-breakpoint
GRANT SELECT (tenant_id, order_id, line_no, sku, description, qty_ordered, qty_shipped, unit_price)
  ON order_lines TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON shipments, order_events TO portal_customer;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO portal_customer, portal_staff, portal_ingest;
--> statement-breakpoint
-- Staff read everything of the accounts they may see, including internal columns.
GRANT SELECT ON tenants, sites, orders, order_lines, shipments, order_events, staff_assignments, ingest_keys TO portal_staff;
--> statement-breakpoint
-- Ingest writes orders and their children for its own tenant; events are insert-only.
GRANT SELECT (id, slug, name, tier, time_zone, country, region, active) ON tenants TO portal_ingest;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON sites, orders, order_lines, shipments TO portal_ingest;
--> statement-breakpoint
GRANT DELETE ON order_lines TO portal_ingest;
--> statement-breakpoint
-- No seq in the column list: only the trigger numbers events at runtime.
GRANT SELECT, INSERT (tenant_id, order_id, source, event_id, type, occurred_at, location, detail)
  ON order_events TO portal_ingest;
--> statement-breakpoint
GRANT SELECT, UPDATE (last_used_at) ON ingest_keys TO portal_ingest;
--> statement-breakpoint

-- Gapless per-tenant event sequence. The counter row is locked for the rest of the writing
-- transaction, so sequences are assigned in commit order per tenant and a rollback leaves no gap.
-- Runtime roles cannot supply seq (column grant above); the owner's bulk seed numbers its own
-- events and sets the counter once (db/seed/write.ts).
CREATE FUNCTION order_events_assign_seq() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.seq IS NOT NULL THEN
    RETURN NEW;
  END IF;
  INSERT INTO tenant_event_counters AS c (tenant_id, last_seq) VALUES (NEW.tenant_id, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET last_seq = c.last_seq + 1
  RETURNING c.last_seq INTO NEW.seq;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION order_events_assign_seq() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER order_events_seq BEFORE INSERT ON order_events
  FOR EACH ROW EXECUTE FUNCTION order_events_assign_seq();
--> statement-breakpoint

-- Wake-up for the real-time hub: ids only (the tenant). PostgreSQL folds identical payloads
-- within one transaction, so a batch sends one notification per tenant, never one per row.
CREATE FUNCTION order_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT DISTINCT tenant_id FROM inserted LOOP
    PERFORM pg_notify('sightline_events', t::text);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER order_events_notify AFTER INSERT ON order_events
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION order_events_notify();
--> statement-breakpoint

-- Append-only: nobody at runtime may rewrite history, whatever grants are added later.
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON order_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
