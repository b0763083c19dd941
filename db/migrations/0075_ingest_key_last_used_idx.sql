-- 0075: "last used" on the ingest-key page reads each key's latest audit entry
-- (tenant_id, target_type = 'ingest_key', target_id = key, newest first). The only index on
-- audit_log by time was (tenant_id, at), so a key with no recent entry -- never used, or revoked
-- long ago -- walked the account's whole log backwards. One probe each with this index
-- (tenant-leading, like every index on a tenant table).
CREATE INDEX audit_log_ingest_key_used_idx ON audit_log (tenant_id, target_type, target_id, at DESC);
