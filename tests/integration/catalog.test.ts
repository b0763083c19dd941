// Catalog lint: reads pg_class, pg_policies, pg_index, pg_constraint and pg_roles after all
// migrations, so a new table, view or function that forgets the RLS pattern fails here.
// Each rule returns the offending objects; a self-test plants a badly made table, view and
// function and shows every rule notices it.
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RUNTIME_ROLES } from "#app/server/tenant-db.server";
import { createTestDb, describeEachDb, type TestDb } from "../support/db";

/** Rows of an owner query. */
async function rows<R extends Record<string, unknown>>(handle: TestDb, query: SQL): Promise<R[]> {
  return (await handle.db.execute<R>(query)).rows as R[];
}

/** Tables holding tenant data: every table with a tenant_id column, plus tenants itself. */
async function tenantTables(handle: TestDb): Promise<string[]> {
  const r = await rows<{ name: string }>(
    handle,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and (c.relname = 'tenants' or exists (select 1 from pg_attribute a
               where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
        order by 1`,
  );
  return r.map((x) => x.name);
}

const keyColumn = (table: string) => (table === "tenants" ? "id" : "tenant_id");

/** pg returns arrays as JS arrays, PGlite sometimes as '{a,b}' text. */
const pgArray = (v: string[] | string | null): string[] =>
  v === null ? [] : Array.isArray(v) ? v : v.replace(/[{}"]/g, "").split(",").filter(Boolean);

/** A policy restricts by tenant when it reads app.tenant_id or the staff visibility function. */
const TENANT_PREDICATE = /current_setting\('app\.tenant_id'|app_visible_tenants\(\)/;

/** Columns only staff may read, wherever they appear. */
const INTERNAL_COLUMN = /^(cost|margin|unit_cost|internal_\w+|\w+_cost|\w+_margin)$/;

/**
 * Indexes that serve a lookup made before any tenant is known, only through a SECURITY DEFINER
 * function that answers one question. Each entry is reviewed; add new ones deliberately.
 */
const PRE_TENANT_LOOKUP_INDEXES: Record<string, string> = {
  embed_keys_origins_idx: "CORS preflight: embed_origin_allowed(origin) returns a boolean only (0007)",
};

const RUNTIME = sql.raw(`('portal_customer', 'portal_staff', 'portal_ingest')`);

type Rule = (handle: TestDb, tables: string[]) => Promise<string[]>;

const RULES: Record<string, Rule> = {
  "has row-level security enabled and forced on every tenant table": async (handle, tables) => {
    const r = await rows<{ name: string; enabled: boolean; forced: boolean }>(
      handle,
      sql`select relname as name, relrowsecurity as enabled, relforcerowsecurity as forced
          from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')`,
    );
    return r
      .filter((x) => tables.includes(x.name) && !(x.enabled && x.forced))
      .map((x) => `${x.name} (enabled=${x.enabled}, forced=${x.forced})`);
  },

  "has a policy for every runtime role that holds any privilege on a tenant table": async (handle, tables) => {
    const privileges = await rows<{ name: string; role: string }>(
      handle,
      sql`select c.relname as name, r.rolname as role
          from pg_class c cross join pg_roles r
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and r.rolname in ${RUNTIME}
            and (has_any_column_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE')
                 or has_table_privilege(r.oid, c.oid, 'DELETE'))`,
    );
    const policies = await rows<{ name: string; roles: string[] | string }>(
      handle,
      sql`select tablename as name, roles from pg_policies where schemaname = 'public'`,
    );
    return privileges
      .filter((p) => tables.includes(p.name))
      .filter(
        (p) => !policies.some((x) => x.name === p.name && pgArray(x.roles).some((r) => r === p.role || r === "public")),
      )
      .map((p) => `${p.name}: ${p.role}`);
  },

  "restricts every policy on a tenant table by tenant (no USING (true))": async (handle, tables) => {
    const policies = await rows<{ name: string; policy: string; qual: string | null; check: string | null }>(
      handle,
      sql`select tablename as name, policyname as policy, qual, with_check as check from pg_policies
          where schemaname = 'public'`,
    );
    return policies
      .filter((p) => tables.includes(p.name))
      .filter((p) => [p.qual, p.check].some((expr) => expr !== null && !TENANT_PREDICATE.test(expr)))
      .map((p) => `${p.name}.${p.policy}: using=${p.qual ?? "-"} check=${p.check ?? "-"}`);
  },

  "leads every tenant table's primary key with tenant_id": async (handle, tables) => {
    const r = await rows<{ name: string; first: string | null }>(
      handle,
      sql`select c.relname as name,
                 (select a.attname from pg_index i join pg_attribute a
                    on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                  where i.indrelid = c.oid and i.indisprimary) as first
          from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`,
    );
    return r
      .filter((x) => tables.includes(x.name) && x.first !== keyColumn(x.name))
      .map((x) => `${x.name} (primary key starts with ${x.first ?? "nothing"})`);
  },

  "leads every index on a tenant table with tenant_id (except reviewed pre-tenant lookups)": async (handle, tables) => {
    const r = await rows<{ name: string; index: string; first: string | null; unique: boolean }>(
      handle,
      sql`select c.relname as name, ic.relname as index, i.indisunique as unique,
                 (select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0]) as first
          from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
          where c.relnamespace = 'public'::regnamespace`,
    );
    return r
      .filter((x) => tables.includes(x.name) && x.name !== "tenants")
      .filter((x) => x.first !== "tenant_id" && !(x.unique && x.first !== null && /_hash$/.test(x.first)))
      .filter((x) => !(x.index in PRE_TENANT_LOOKUP_INDEXES))
      .map((x) => `${x.name}.${x.index} (starts with ${x.first ?? "an expression"})`);
  },

  "leads every foreign key between tenant tables with tenant_id on both sides": async (handle, tables) => {
    const r = await rows<{ name: string; con: string; target: string; from: string; to: string }>(
      handle,
      sql`select c.relname as name, k.conname as con, t.relname as target,
                 (select attname from pg_attribute where attrelid = k.conrelid and attnum = k.conkey[1]) as from,
                 (select attname from pg_attribute where attrelid = k.confrelid and attnum = k.confkey[1]) as to
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
          where k.contype = 'f' and c.relnamespace = 'public'::regnamespace`,
    );
    return r
      .filter((x) => tables.includes(x.name) && tables.includes(x.target))
      .filter((x) => x.from !== "tenant_id" || x.to !== keyColumn(x.target))
      .map((x) => `${x.name}.${x.con} (${x.from} -> ${x.target}.${x.to})`);
  },

  "lets runtime roles own nothing: no table, view, sequence, function, type or schema": async (handle) => {
    const r = await rows<{ what: string; name: string }>(
      handle,
      sql`with roles as (select oid from pg_roles where rolname in ${RUNTIME})
          select 'relation' as what, relname::text as name from pg_class where relowner in (select oid from roles)
          union all select 'function', proname::text from pg_proc where proowner in (select oid from roles)
          union all select 'type', typname::text from pg_type where typowner in (select oid from roles)
          union all select 'schema', nspname::text from pg_namespace where nspowner in (select oid from roles)`,
    );
    return r.map((x) => `${x.what} ${x.name}`);
  },

  "gives runtime roles no privilege on tables without tenant data": async (handle, tables) => {
    const r = await rows<{ name: string; role: string; kind: string }>(
      handle,
      sql`select c.relname as name, r.rolname as role, c.relkind::text as kind
          from pg_class c cross join pg_roles r
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'f') and r.rolname in ${RUNTIME}
            and (has_any_column_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
                 or has_table_privilege(r.oid, c.oid, 'DELETE, TRUNCATE, TRIGGER'))`,
    );
    return r.filter((x) => !tables.includes(x.name)).map((x) => `${x.name}: ${x.role}`);
  },

  "gives no runtime role TRUNCATE, TRIGGER or REFERENCES on any table": async (handle) => {
    const r = await rows<{ name: string; role: string }>(
      handle,
      sql`select c.relname as name, r.rolname as role from pg_class c cross join pg_roles r
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and r.rolname in ${RUNTIME}
            and (has_table_privilege(r.oid, c.oid, 'TRUNCATE, TRIGGER')
                 or has_any_column_privilege(r.oid, c.oid, 'REFERENCES'))`,
    );
    return r.map((x) => `${x.name}: ${x.role}`);
  },

  "withholds cost, margin and internal_* columns of every table and view from portal_customer": async (handle) => {
    const cols = await rows<{ name: string; col: string; readable: boolean }>(
      handle,
      sql`select c.relname as name, a.attname as col,
                 has_column_privilege('portal_customer', c.oid, a.attnum, 'SELECT') as readable
          from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
            and a.attnum > 0 and not a.attisdropped`,
    );
    return cols.filter((c) => INTERNAL_COLUMN.test(c.col) && c.readable).map((c) => `${c.name}.${c.col}`);
  },

  "makes every view security_invoker and grants no runtime role a materialized view": async (handle) => {
    const r = await rows<{ name: string; kind: string; options: string[] | string | null }>(
      handle,
      sql`select relname as name, relkind::text as kind, reloptions as options from pg_class
          where relnamespace = 'public'::regnamespace and relkind in ('v', 'm')`,
    );
    const definerViews = r
      .filter((v) => v.kind === "v")
      .filter((v) => !pgArray(v.options).some((o) => /^security_invoker=(true|on|1|yes)$/i.test(o)))
      .map((v) => `view ${v.name} runs with its owner's rights`);
    const grantedMatviews = await rows<{ name: string; role: string }>(
      handle,
      sql`select c.relname as name, r.rolname as role from pg_class c cross join pg_roles r
          where c.relnamespace = 'public'::regnamespace and c.relkind = 'm' and r.rolname in ${RUNTIME}
            and has_any_column_privilege(r.oid, c.oid, 'SELECT')`,
    );
    return [...definerViews, ...grantedMatviews.map((m) => `materialized view ${m.name}: ${m.role}`)];
  },

  "pins search_path on every SECURITY DEFINER function and does not let PUBLIC execute it": async (handle) => {
    const r = await rows<{ name: string; config: string[] | string | null; publicExec: boolean }>(
      handle,
      sql`select p.proname as name, p.proconfig as config,
                 (p.proacl is null or exists (select 1 from aclexplode(p.proacl) x
                    where x.grantee = 0 and x.privilege_type = 'EXECUTE')) as "publicExec"
          from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef`,
    );
    return [
      ...r
        .filter((f) => !pgArray(f.config).some((c) => c.startsWith("search_path=")))
        .map((f) => `${f.name}: no search_path`),
      ...r.filter((f) => f.publicExec).map((f) => `${f.name}: PUBLIC may execute`),
    ];
  },
};

await describeEachDb("database catalog", (kind) => {
  let handle: TestDb;
  let tables: string[];

  beforeAll(async () => {
    handle = await createTestDb(kind);
    tables = await tenantTables(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("finds the core tenant tables (the enumeration itself works)", () => {
    for (const t of ["tenants", "sites", "orders", "order_lines", "shipments", "order_events", "audit_log"]) {
      expect(tables).toContain(t);
    }
  });

  for (const [name, rule] of Object.entries(RULES)) {
    it(name, async () => {
      expect(await rule(handle, tables)).toEqual([]);
    });
  }

  it("knows where the internal columns are (orders.cost, margin, internal_notes, order_lines.unit_cost)", async () => {
    const cols = await rows<{ name: string }>(
      handle,
      sql`select c.relname || '.' || a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped`,
    );
    expect(cols.map((c) => c.name).filter((c) => INTERNAL_COLUMN.test(c.split(".")[1]))).toEqual(
      expect.arrayContaining(["orders.cost", "orders.margin", "orders.internal_notes", "order_lines.unit_cost"]),
    );
  });

  it("makes runtime roles NOSUPERUSER NOBYPASSRLS NOLOGIN and members of no other role", async () => {
    const r = await rows<{
      name: string;
      super: boolean;
      bypass: boolean;
      login: boolean;
      createrole: boolean;
      memberOf: number;
    }>(
      handle,
      sql`select rolname as name, rolsuper as super, rolbypassrls as bypass, rolcanlogin as login,
                 rolcreaterole as createrole,
                 (select count(*)::int from pg_auth_members m where m.member = r.oid) as "memberOf"
          from pg_roles r where rolname in ${RUNTIME} order by 1`,
    );
    expect(r.map((x) => x.name)).toEqual([...RUNTIME_ROLES].sort());
    for (const role of r) {
      expect(role, role.name).toMatchObject({
        super: false,
        bypass: false,
        login: false,
        createrole: false,
        memberOf: 0,
      });
    }
  });

  it("makes audit_log and order_events append-only by BEFORE triggers on UPDATE, DELETE and TRUNCATE", async () => {
    const r = await rows<{ name: string; type: number }>(
      handle,
      sql`select c.relname as name, t.tgtype::int as type from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where c.relname in ('audit_log', 'order_events') and not t.tgisinternal`,
    );
    // tgtype bits: 2 BEFORE, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
    for (const table of ["audit_log", "order_events"]) {
      const guards = r.filter((x) => x.name === table && (x.type & 2) !== 0);
      for (const bit of [8, 16, 32])
        expect(
          guards.some((g) => (g.type & bit) !== 0),
          `${table} ${bit}`,
        ).toBe(true);
    }
  });

  it("notices a planted table, view and function that break each rule", async () => {
    await handle.exec(`
      CREATE TABLE h7_bad (id int NOT NULL, tenant_id uuid NOT NULL, internal_score int, PRIMARY KEY (id, tenant_id));
      CREATE INDEX h7_bad_id_idx ON h7_bad (id);
      ALTER TABLE h7_bad ADD CONSTRAINT h7_bad_site_fk FOREIGN KEY (id, tenant_id) REFERENCES h7_bad (id, tenant_id);
      GRANT SELECT, TRUNCATE ON h7_bad TO portal_customer;
      CREATE TABLE h7_bad_policy (tenant_id uuid NOT NULL, id int NOT NULL, PRIMARY KEY (tenant_id, id));
      ALTER TABLE h7_bad_policy ENABLE ROW LEVEL SECURITY;
      ALTER TABLE h7_bad_policy FORCE ROW LEVEL SECURITY;
      CREATE POLICY h7_open ON h7_bad_policy TO portal_customer USING (true);
      GRANT SELECT ON h7_bad_policy TO portal_customer;
      CREATE TABLE h7_global (id int PRIMARY KEY);
      GRANT SELECT ON h7_global TO portal_ingest;
      CREATE VIEW h7_definer AS SELECT tenant_id FROM orders;
      CREATE FUNCTION h7_leaky() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'select count(*) from orders';
      ALTER TABLE h7_global OWNER TO portal_staff;`);
    try {
      const planted = await tenantTables(handle);
      expect(planted).toEqual(expect.arrayContaining(["h7_bad", "h7_bad_policy"]));
      const found = Object.fromEntries(
        await Promise.all(
          Object.entries(RULES).map(async ([n, rule]) => [n, (await rule(handle, planted)).join("; ")]),
        ),
      ) as Record<string, string>;
      const expectations: Record<string, RegExp> = {
        "has row-level security enabled and forced on every tenant table": /h7_bad \(enabled=false/,
        "has a policy for every runtime role that holds any privilege on a tenant table": /h7_bad: portal_customer/,
        "restricts every policy on a tenant table by tenant (no USING (true))": /h7_bad_policy\.h7_open/,
        "leads every tenant table's primary key with tenant_id": /h7_bad \(primary key starts with id\)/,
        "leads every index on a tenant table with tenant_id (except reviewed pre-tenant lookups)": /h7_bad_id_idx/,
        "leads every foreign key between tenant tables with tenant_id on both sides": /h7_bad_site_fk/,
        "lets runtime roles own nothing: no table, view, sequence, function, type or schema": /relation h7_global/,
        "gives runtime roles no privilege on tables without tenant data": /h7_global: portal_ingest/,
        "gives no runtime role TRUNCATE, TRIGGER or REFERENCES on any table": /h7_bad: portal_customer/,
        "withholds cost, margin and internal_* columns of every table and view from portal_customer":
          /h7_bad\.internal_score/,
        "makes every view security_invoker and grants no runtime role a materialized view": /view h7_definer/,
        "pins search_path on every SECURITY DEFINER function and does not let PUBLIC execute it":
          /h7_leaky: no search_path.*h7_leaky: PUBLIC may execute/,
      };
      expect(Object.keys(expectations).sort()).toEqual(Object.keys(RULES).sort());
      for (const [n, pattern] of Object.entries(expectations)) expect(found[n], n).toMatch(pattern);
    } finally {
      await handle.exec(`ALTER TABLE h7_global OWNER TO CURRENT_USER;
        DROP FUNCTION h7_leaky(); DROP VIEW h7_definer; DROP TABLE h7_global; DROP TABLE h7_bad_policy; DROP TABLE h7_bad;`);
    }
    for (const rule of Object.values(RULES)) expect(await rule(handle, await tenantTables(handle))).toEqual([]);
  });
});
