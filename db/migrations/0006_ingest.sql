-- 0006 ingest: API-key authentication for backend systems without giving any runtime role
-- read access to other tenants' keys.
--
-- A caller presents a secret; the service hashes it (SHA-256) and asks this function which
-- tenant and key it belongs to. ingest_keys stays behind RLS (portal_ingest sees only its own
-- tenant's keys once app.tenant_id is set); this SECURITY DEFINER function answers exactly one
-- question for exactly one hash and nothing else: no listing, no prefix search.
-- It also stamps last_used_at, at most once a minute per key, so a busy integration does not
-- turn every request into a write on the key row.
CREATE FUNCTION ingest_key_authenticate(p_hash text)
RETURNS TABLE (tenant_id uuid, key_id uuid, key_name text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p_hash IS NULL OR p_hash !~ '^[0-9a-f]{64}$' THEN
    RETURN;
  END IF;
  RETURN QUERY
    UPDATE ingest_keys k
       SET last_used_at = CASE
             WHEN k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' THEN now()
             ELSE k.last_used_at END
      FROM tenants t
     WHERE k.secret_hash = p_hash
       AND k.revoked_at IS NULL
       AND t.id = k.tenant_id
       AND t.active
    RETURNING k.tenant_id, k.id, k.name;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ingest_key_authenticate(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ingest_key_authenticate(text) TO portal_ingest;
--> statement-breakpoint
-- Keys are listed per tenant in the admin UI; revoked keys stay for the audit trail.
CREATE INDEX ingest_keys_tenant_idx ON ingest_keys (tenant_id, created_at DESC);
