import { sql } from "drizzle-orm";
import { openDb } from "./db/client";
import { migrate } from "./db/migrate";
const h = await openDb({});
console.log(await migrate(h));
const r = await h.db.execute(sql`select c.relname, r.rolname, has_table_privilege(r.rolname, c.oid, 'SELECT') s, has_any_column_privilege(r.rolname, c.oid, 'SELECT,INSERT,UPDATE') anycol,
 exists(select 1 from pg_attribute a where a.attrelid=c.oid and a.attname='tenant_id') has_tenant
 from pg_class c join pg_namespace n on n.oid=c.relnamespace cross join pg_roles r
 where n.nspname='public' and c.relkind in ('r','p','v','m','S') and r.rolname in ('portal_customer','portal_staff','portal_ingest')
 and (has_any_column_privilege(r.rolname, c.oid, 'SELECT,INSERT,UPDATE,REFERENCES') or has_table_privilege(r.rolname, c.oid, 'DELETE,TRUNCATE,TRIGGER') ) order by 1,2`);
console.table(r.rows);
const p = await h.db.execute(sql`select tablename, policyname, roles::text, cmd, qual, with_check from pg_policies where schemaname='public' limit 5`);
console.table(p.rows);
await h.close();
