-- Embed keys: customer admins insert whole rows. (Applied as 0007_embed_grants.sql until it was
-- renumbered: db/migrate.ts RENAMED records such databases under this name without re-running it.) Drizzle names every column in
-- an INSERT (DEFAULT included), and a PostgreSQL column grant covers DEFAULT too, so the column
-- list of 0007_embed.sql refused the settings page's insert. The policy's WITH CHECK still keeps
-- the row in the caller's tenant; a customer setting revoked_at or last_used_at on its own new
-- key changes nothing anyone else relies on. A separate file because 0007_embed.sql is applied
-- in existing databases.
GRANT INSERT ON embed_keys TO portal_customer;
