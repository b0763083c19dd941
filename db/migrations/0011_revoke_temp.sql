-- 0011: runtime roles create no objects at all, temporary ones included. Every role holds TEMP
-- on the database through PUBLIC by default; a temporary table or function could shadow a
-- relation in search_path for the rest of a pooled session. Revoked from PUBLIC (the app's
-- owner connection keeps it as the database owner or superuser).
-- pg_class.reltuples/relpages stay readable by everyone (system catalogs are public in
-- PostgreSQL): they estimate each *table's* total rows, over all tenants together, so they
-- never reveal one tenant's counts. See docs/security.md.
DO $$
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
