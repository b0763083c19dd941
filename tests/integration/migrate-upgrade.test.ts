// Upgrading a populated database of the previous release (tests/support/previous-release.ts):
// the release's schema with its rows, then every migration written since, as a deployment does
// at its first start. Every later migration applies on the populated database, no row and no
// value of the release is lost, the result is the schema a fresh database gets, backfills cover
// the old rows, the per-tenant counters continue, and tenants stay apart.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "#db/migrate";
import { createTestDb, defaultDbKind, type TestDb } from "../support/db";
import {
  editedReleasedMigrations,
  loadReleaseData,
  migrationFiles,
  RELEASE,
  releaseMigrationsDir,
  tableStates,
  type TableState,
} from "../support/previous-release";
import { queryAs } from "../support/roles";

const HARBOUR = "0f000000-0000-4000-8000-00000000000a";
const KESTREL = "0f000000-0000-4000-8000-00000000000b";

/** What defines the schema, one line per object, sorted: tables' columns, constraints, indexes, RLS, policies, triggers, functions, grants. */
async function schemaOf(db: TestDb): Promise<string[]> {
  const queries = [
    `select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable
            || ' default=' || coalesce(column_default, '') || ' generated=' || coalesce(generation_expression, '')
            || ' identity=' || is_identity as line
       from information_schema.columns where table_schema = 'public'`,
    `select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid=' || convalidated as line
       from pg_constraint where connamespace = 'public'::regnamespace`,
    `select 'index ' || indexdef as line from pg_indexes where schemaname = 'public'`,
    `select 'rls ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity as line
       from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    `select 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') || ' using '
            || coalesce(qual, '') || ' check ' || coalesce(with_check, '') as line
       from pg_policies where schemaname = 'public'`,
    `select 'trigger ' || tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) || ' enabled=' || tgenabled::text as line
       from pg_trigger where not tgisinternal`,
    `select 'function ' || p.proname || ' ' || md5(pg_get_functiondef(p.oid)) || ' acl=' || coalesce(p.proacl::text, '') as line
       from pg_proc p where p.pronamespace = 'public'::regnamespace`,
    `select 'grant ' || table_name || ' ' || grantee || ' ' || privilege_type as line
       from information_schema.role_table_grants where table_schema = 'public' and grantee like 'portal_%'`,
    `select 'column grant ' || table_name || '.' || column_name || ' ' || grantee || ' ' || privilege_type as line
       from information_schema.column_privileges where table_schema = 'public' and grantee like 'portal_%'`,
  ];
  const lines: string[] = [];
  for (const q of queries) lines.push(...(await db.db.execute<{ line: string }>(sql.raw(q))).rows.map((r) => r.line));
  return lines.sort();
}

describe(`upgrading a populated database of ${RELEASE.name} (${defaultDbKind()})`, () => {
  let upgraded: TestDb;
  let fresh: TestDb;
  let before: Record<string, TableState>;
  let after: Record<string, TableState>;
  let applied: string[];

  beforeAll(async () => {
    const release = await releaseMigrationsDir();
    try {
      upgraded = await createTestDb(defaultDbKind(), { migrationsDir: release.dir });
    } finally {
      await release.remove();
    }
    await loadReleaseData(upgraded);
    // schema_migrations grows by design; every other table must come through unchanged.
    const { schema_migrations: _, ...data } = await tableStates(upgraded);
    before = data;
    applied = await migrate(upgraded);
    after = await tableStates(upgraded, before);
    fresh = await createTestDb(defaultDbKind());
  }, 120_000);

  afterAll(async () => {
    await upgraded?.close();
    await fresh?.close();
  });

  it("keeps the released migration files exactly as released (a database that applied one never sees an edit)", async () => {
    expect(await editedReleasedMigrations()).toEqual([]);
  });

  it("starts from a release database with rows in every table it had", () => {
    const empty = Object.entries(before).filter(([, s]) => s.rows === 0);
    expect(empty.map(([table]) => table)).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(30);
  });

  it("applies every migration written since the release, on the populated database", async () => {
    const since = (await migrationFiles()).filter((f) => f > RELEASE.lastMigration);
    expect(since.length).toBeGreaterThan(0);
    expect(applied).toEqual(since);
  });

  it("keeps every row and every value of the release's columns", () => {
    for (const [table, state] of Object.entries(before)) {
      expect(after[table], `table ${table} is gone`).toBeDefined();
      expect(after[table].columns, `columns of ${table}`).toEqual(state.columns);
      expect(after[table].rows, `rows of ${table}`).toBe(state.rows);
      expect(after[table].digest, `content of ${table}`).toBe(state.digest);
    }
  });

  it("ends with the schema, policies, triggers and grants of a freshly migrated database", async () => {
    const [mine, theirs] = await Promise.all([schemaOf(upgraded), schemaOf(fresh)]);
    expect(
      mine.filter((l) => !theirs.includes(l)),
      "only in the upgraded database",
    ).toEqual([]);
    expect(
      theirs.filter((l) => !mine.includes(l)),
      "only in the fresh database",
    ).toEqual([]);
  });

  it("fills actor_kind of the release's audit entries as the trigger fills new ones (0076)", async () => {
    const rows = await upgraded.db.execute<{ action: string; actor_kind: string | null }>(
      sql`select distinct action, actor_kind from audit_log order by action`,
    );
    expect(rows.rows).toEqual([
      { action: "auth.sign_in", actor_kind: "customer" },
      { action: "calendar.save", actor_kind: "customer" },
      { action: "escalation.assign", actor_kind: "staff" },
      { action: "escalation.internal_note", actor_kind: "staff" },
      { action: "ingest.batch", actor_kind: "integration" },
      { action: "sla.recompute", actor_kind: "system" },
    ]);
  });

  it("continues each tenant's escalation numbers, event sequence and customer audit numbering after the release's rows", async () => {
    const max = async (q: ReturnType<typeof sql>) => Number((await upgraded.db.execute<{ n: string }>(q)).rows[0].n);
    const lastNumber = await max(sql`select max(number) as n from escalations where tenant_id = ${HARBOUR}`);
    const lastSeq = await max(sql`select max(seq) as n from order_events where tenant_id = ${HARBOUR}`);
    const lastAudit = await max(sql`select max(customer_seq) as n from audit_log where tenant_id = ${HARBOUR}`);
    const order = (
      await upgraded.db.execute<{ id: string }>(sql`select id from orders where tenant_id = ${HARBOUR} limit 1`)
    ).rows[0].id;

    const escalation = await upgraded.db.execute<{ number: number }>(
      sql`insert into escalations (tenant_id, order_id, category, severity, title, description, desired_outcome, raised_by_name)
          values (${HARBOUR}, ${order}, 'other', 'P3', 'After the upgrade', 'New', 'Fix', 'Greta') returning number`,
    );
    const event = await upgraded.db.execute<{ seq: string }>(
      sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
          values (${HARBOUR}, ${order}, 'erp', 'after-upgrade', 'note', now()) returning seq`,
    );
    const audit = await upgraded.db.execute<{ customer_seq: string; actor_kind: string }>(
      sql`insert into audit_log (tenant_id, actor_user_id, actor_label, action)
          values (${HARBOUR}, 'u-harbour-admin', 'greta@harbour.example', 'auth.sign_in') returning customer_seq, actor_kind`,
    );
    expect(Number(escalation.rows[0].number)).toBe(lastNumber + 1);
    expect(Number(event.rows[0].seq)).toBe(lastSeq + 1);
    expect(Number(audit.rows[0].customer_seq)).toBe(lastAudit + 1);
    expect(audit.rows[0].actor_kind).toBe("customer");
  });

  it("shows a customer of one tenant only that tenant's orders and escalations of the release", async () => {
    const customer = { role: "portal_customer" as const, tenantId: HARBOUR, userId: "u-harbour-admin" };
    const orders = await queryAs<{ tenant_id: string; n: number }>(
      upgraded,
      customer,
      sql`select tenant_id, count(*)::int as n from orders group by tenant_id`,
    );
    expect(orders).toEqual([{ tenant_id: HARBOUR, n: 60 }]);
    const escalations = await queryAs<{ tenant_id: string }>(
      upgraded,
      customer,
      sql`select distinct tenant_id from escalations`,
    );
    expect(escalations).toEqual([{ tenant_id: HARBOUR }]);
    const other = await upgraded.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where tenant_id = ${KESTREL}`,
    );
    expect(other.rows[0].n).toBe(60);
  });
});
