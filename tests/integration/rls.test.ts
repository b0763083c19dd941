// Tenant isolation under row-level security, attacked from every runtime role. Queries run
// through the product's own withTenant (tests/support/roles.ts); data is written by the owner
// (factories, and populateTenant for every table the factories leave empty). Tenant tables are
// enumerated from the catalog, so tables added by later migrations are covered — and a test fails
// while one of them has no rows for either tenant, so "only A's rows" is never vacuous.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNTIME_ROLES, type RuntimeRole } from "#app/server/tenant-db.server";
import { createTestDb, describeEachDb, type TestDb } from "../support/db";
import { createOrder, createStaff, createTenant, createTenantWithOrders, type OrderRow } from "../support/factories";
import { emptyTenantTables, populateTenant } from "../support/populate";
import { errorAs, queryAs, queryAsUnset, type RoleContext } from "../support/roles";

const CORE_TABLES = ["tenants", "sites", "orders", "order_lines", "shipments", "order_events", "audit_log"];
const INTERNAL_COLUMN = /^(cost|margin|unit_cost|internal_\w+|\w+_cost|\w+_margin)$/;
const DENIED = /permission denied|row-level security|append-only|insufficient/i;

interface TenantTable {
  name: string;
  key: string;
}

await describeEachDb("row-level security", (kind) => {
  let handle: TestDb;
  let tables: TenantTable[];
  let a: { id: string; siteId: string; orders: OrderRow[] };
  let b: { id: string; siteId: string; orders: OrderRow[] };
  let agentA: string;
  let admin: string;

  /** Table names the role can read the tenant key column of. */
  async function readableBy(role: RuntimeRole): Promise<TenantTable[]> {
    const ok: TenantTable[] = [];
    for (const t of tables) {
      const r = await handle.db.execute<{ ok: boolean }>(
        sql`select has_column_privilege(${role}, ${t.name}::regclass, ${t.key}, 'SELECT') as ok`,
      );
      if (r.rows[0].ok) ok.push(t);
    }
    return ok;
  }

  async function ownerCount(t: TenantTable, tenantId: string): Promise<number> {
    const r = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(t.name)} where ${sql.identifier(t.key)} = ${tenantId}`,
    );
    return r.rows[0].n;
  }

  /** Rows of the table visible to ctx: total, and those whose tenant is not in `allowed`. */
  async function visible(
    ctx: RoleContext,
    t: TenantTable,
    allowed: string[],
  ): Promise<{ total: number; foreign: number }> {
    const [row] = await queryAs<{ total: number; foreign: number }>(
      handle,
      ctx,
      sql`select count(*)::int as total,
                 (count(*) filter (where not (${sql.identifier(t.key)}::text = any (${`{${allowed.join(",")}}`}::text[]))))::int as foreign
          from ${sql.identifier(t.name)}`,
    );
    return row;
  }

  beforeAll(async () => {
    // One connection, so "a connection that had a tenant before" is the same physical connection.
    handle = await createTestDb(kind, { poolSize: 1 });
    const r = await handle.db.execute<{ name: string }>(
      sql`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
          and (c.relname = 'tenants' or exists (select 1 from pg_attribute x
               where x.attrelid = c.oid and x.attname = 'tenant_id' and not x.attisdropped)) order by 1`,
    );
    tables = r.rows.map((x) => ({ name: x.name, key: x.name === "tenants" ? "id" : "tenant_id" }));
    const ta = await createTenantWithOrders(handle, 3);
    const tb = await createTenantWithOrders(handle, 3);
    a = { id: ta.tenant.id, siteId: ta.siteId, orders: ta.orders };
    b = { id: tb.tenant.id, siteId: tb.siteId, orders: tb.orders };
    await createTenant(handle); // a third tenant nobody in these tests is assigned to
    agentA = await createStaff(handle, "support_agent", [a.id]);
    admin = await createStaff(handle, "platform_admin");
    const lead = await createStaff(handle, "support_lead");
    for (const t of [a, b]) await populateTenant(handle, t.id, { userId: `user-of-${t.id}`, staffUserId: lead });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("shows 0 rows and no error on every tenant table when the tenant setting was never set on the connection", async () => {
    for (const role of RUNTIME_ROLES) {
      for (const t of await readableBy(role)) {
        const [row] = await queryAsUnset<{ total: number }>(
          handle,
          { role },
          sql`select count(*)::int as total from ${sql.identifier(t.name)}`,
        );
        expect(row.total, `${role} ${t.name}`).toBe(0);
      }
    }
  });

  it("shows 0 rows on every tenant table when withTenant runs without a tenant", async () => {
    for (const role of RUNTIME_ROLES) {
      for (const t of await readableBy(role)) {
        expect(await visible({ role }, t, []), `${role} ${t.name}`).toEqual({ total: 0, foreign: 0 });
      }
    }
  });

  it("has rows of both tenants in every tenant table, so the isolation checks below are not vacuous", async () => {
    expect(await emptyTenantTables(handle, a.id)).toEqual([]);
    expect(await emptyTenantTables(handle, b.id)).toEqual([]);
    for (const name of CORE_TABLES) expect(tables.map((t) => t.name)).toContain(name);
  });

  it("shows portal_customer of tenant A only A's rows in every tenant table, and all of them in core tables", async () => {
    const readable = await readableBy("portal_customer");
    expect(readable.map((t) => t.name)).toEqual(
      expect.arrayContaining(["tenants", "sites", "shipments", "order_events"]),
    );
    for (const t of readable) {
      const seen = await visible({ role: "portal_customer", tenantId: a.id, userId: `user-of-${a.id}` }, t, [a.id]);
      expect(seen.foreign, t.name).toBe(0);
      expect(seen.total, `${t.name}: A's customer sees none of A's rows`).toBeGreaterThan(0);
      if (CORE_TABLES.includes(t.name)) expect(seen.total, t.name).toBe(await ownerCount(t, a.id));
    }
  });

  it("forgets the tenant after the transaction: the same connection then shows 0 rows, without error", async () => {
    const readable = await readableBy("portal_customer");
    for (const t of readable) {
      await visible({ role: "portal_customer", tenantId: a.id }, t, [a.id]);
      expect(await visible({ role: "portal_customer" }, t, []), t.name).toEqual({ total: 0, foreign: 0 });
    }
    const [setting] = await queryAs<{ v: string | null }>(
      handle,
      { role: "portal_customer" },
      sql`select current_setting('app.tenant_id', true) as v`,
    );
    expect(setting.v ?? "").toBe("");
  });

  it("treats an empty tenant setting as no tenant, not as a wildcard", async () => {
    for (const t of await readableBy("portal_customer")) {
      expect(await visible({ role: "portal_customer", tenantId: "" }, t, []), t.name).toEqual({ total: 0, foreign: 0 });
    }
  });

  it("refuses portal_customer every cost, margin and internal column as a permission error", async () => {
    const r = await handle.db.execute<{ name: string; col: string }>(
      sql`select c.relname as name, a.attname as col from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    );
    const internal = r.rows.filter((x) => INTERNAL_COLUMN.test(x.col));
    expect(internal.length).toBeGreaterThanOrEqual(4);
    for (const { name, col } of internal) {
      const err = await errorAs(
        handle,
        { role: "portal_customer", tenantId: a.id },
        sql`select ${sql.identifier(col)} from ${sql.identifier(name)} limit 1`,
      );
      expect(err, `${name}.${col}`).toMatch(/permission denied/i);
    }
    const star = await errorAs(handle, { role: "portal_customer", tenantId: a.id }, sql`select * from orders limit 1`);
    expect(star).toMatch(/permission denied/i);
  });

  it("lets no runtime role insert or update a row of tenant B while acting for tenant A", async () => {
    for (const role of RUNTIME_ROLES) {
      const ctx: RoleContext =
        role === "portal_staff" ? { role, staffId: agentA } : { role, tenantId: a.id, userId: "user-a" };
      const insertAudit = await errorAs(
        handle,
        ctx,
        sql`insert into audit_log (tenant_id, actor_label, action) values (${b.id}, 'attacker', 'forged')`,
      );
      expect(insertAudit, `${role} audit_log`).toMatch(DENIED);
    }
    // Ingest can write orders: only its own tenant's.
    const ingestA: RoleContext = { role: "portal_ingest", tenantId: a.id };
    const insertOrder = await errorAs(
      handle,
      ingestA,
      sql`insert into orders (tenant_id, source, external_id, order_number, site_id, status, status_at, ordered_at)
          values (${b.id}, 'erp', 'forged-1', 'FORGED-1', ${b.siteId}, 'received', now(), now())`,
    );
    expect(insertOrder).toMatch(/row-level security/i);
    const updated = await queryAs<{ id: string }>(
      handle,
      ingestA,
      sql`update orders set status = 'cancelled' where tenant_id = ${b.id} returning id`,
    );
    expect(updated).toEqual([]);
    const moveToB = await errorAs(
      handle,
      ingestA,
      sql`update orders set tenant_id = ${b.id} where tenant_id = ${a.id} and id = ${a.orders[0].id}`,
    );
    expect(moveToB).toMatch(DENIED);
    const statuses = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where tenant_id = ${b.id} and status = 'cancelled'`,
    );
    expect(statuses.rows[0].n).toBe(0);
    // Customers may not write orders at all.
    const customerUpdate = await errorAs(
      handle,
      { role: "portal_customer", tenantId: a.id },
      sql`update orders set status = 'cancelled' where id = ${a.orders[0].id}`,
    );
    expect(customerUpdate).toMatch(/permission denied/i);
  });

  it("lets portal_ingest write only its own tenant, and never choose an event sequence number", async () => {
    const ingestA: RoleContext = { role: "portal_ingest", tenantId: a.id };
    const own = await queryAs<{ seq: string }>(
      handle,
      ingestA,
      sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
          values (${a.id}, ${a.orders[0].id}, 'erp', 'ingest-own-1', 'note', now()) returning seq`,
    );
    expect(Number(own[0].seq)).toBeGreaterThan(0);
    const foreign = await errorAs(
      handle,
      ingestA,
      sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
          values (${b.id}, ${b.orders[0].id}, 'erp', 'ingest-forged-1', 'note', now())`,
    );
    expect(foreign).toMatch(DENIED);
    const forgedSeq = await errorAs(
      handle,
      ingestA,
      sql`insert into order_events (tenant_id, seq, order_id, source, event_id, type, occurred_at)
          values (${a.id}, 999999, ${a.orders[0].id}, 'erp', 'ingest-seq-1', 'note', now())`,
    );
    expect(forgedSeq).toMatch(/permission denied/i);
    const deleteForeignLines = await queryAs<{ order_id: string }>(
      handle,
      ingestA,
      sql`delete from order_lines where tenant_id = ${b.id} returning order_id`,
    );
    expect(deleteForeignLines).toEqual([]);
  });

  it("shows portal_staff only assigned tenants, narrowed further by a selected account", async () => {
    const readable = await readableBy("portal_staff");
    expect(readable.map((t) => t.name)).toEqual(expect.arrayContaining(CORE_TABLES));
    for (const t of readable) {
      const agent = await visible({ role: "portal_staff", staffId: agentA }, t, [a.id]);
      expect(agent.foreign, t.name).toBe(0);
      if (CORE_TABLES.includes(t.name)) expect(agent.total, t.name).toBe(await ownerCount(t, a.id));
      // Selecting tenant B's account does not widen an agent who is not assigned to B.
      expect(await visible({ role: "portal_staff", staffId: agentA, tenantId: b.id }, t, []), t.name).toEqual({
        total: 0,
        foreign: 0,
      });
      // No staff id: nothing.
      expect(await visible({ role: "portal_staff" }, t, []), t.name).toEqual({ total: 0, foreign: 0 });
      // A platform admin with an account selected sees that account only.
      const adminB = await visible({ role: "portal_staff", staffId: admin, tenantId: b.id }, t, [b.id]);
      expect(adminB.foreign, t.name).toBe(0);
    }
    const adminAll = await visible({ role: "portal_staff", staffId: admin }, { name: "orders", key: "tenant_id" }, [
      a.id,
    ]);
    expect(adminAll.foreign).toBe(await ownerCount({ name: "orders", key: "tenant_id" }, b.id));
  });

  it("does not let customers or ingest call the staff visibility function or read staff tables", async () => {
    for (const role of ["portal_customer", "portal_ingest"] as const) {
      const ctx: RoleContext = { role, tenantId: a.id, staffId: admin };
      expect(await errorAs(handle, ctx, sql`select app_visible_tenants()`), role).toMatch(/permission denied/i);
      expect(await errorAs(handle, ctx, sql`select * from staff_members`), role).toMatch(/permission denied/i);
      expect(await errorAs(handle, ctx, sql`select * from staff_assignments`), role).toMatch(/permission denied/i);
    }
    // A customer who forges app.staff_id still only sees its own tenant: its policies ignore staff settings.
    const forged = await visible(
      { role: "portal_customer", tenantId: a.id, staffId: admin },
      { name: "shipments", key: "tenant_id" },
      [a.id],
    );
    expect(forged.foreign).toBe(0);
  });

  it("cannot read around policies through views: definer views are not granted, invoker views obey RLS", async () => {
    await handle.exec(`CREATE VIEW h7_definer_orders AS SELECT tenant_id, id FROM orders;
      CREATE VIEW h7_invoker_orders WITH (security_invoker = true) AS SELECT tenant_id, id FROM orders;
      GRANT SELECT ON h7_invoker_orders TO portal_customer;`);
    try {
      const ctx: RoleContext = { role: "portal_customer", tenantId: a.id };
      expect(await errorAs(handle, ctx, sql`select * from h7_definer_orders`)).toMatch(/permission denied/i);
      const rows = await queryAs<{ tenant_id: string }>(handle, ctx, sql`select tenant_id from h7_invoker_orders`);
      expect(rows.length).toBe(a.orders.length);
      expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([a.id]));
      // A runtime role cannot create its own definer view or function to escape: it owns no schema.
      expect(await errorAs(handle, ctx, sql.raw("create view h7_escape as select * from shipments"))).toMatch(
        /permission denied/i,
      );
      expect(
        await errorAs(
          handle,
          ctx,
          sql.raw(
            "create function h7_escape() returns bigint language sql security definer as 'select count(*) from shipments'",
          ),
        ),
      ).toMatch(/permission denied/i);
    } finally {
      await handle.exec("DROP VIEW h7_definer_orders; DROP VIEW h7_invoker_orders;");
    }
  });

  describe("append-only history", () => {
    for (const table of ["audit_log", "order_events"]) {
      it(`refuses UPDATE, DELETE and TRUNCATE on ${table} for every runtime role`, async () => {
        for (const role of RUNTIME_ROLES) {
          const ctx: RoleContext = role === "portal_staff" ? { role, staffId: admin } : { role, tenantId: a.id };
          const t = sql.identifier(table);
          const attempts = [
            sql`update ${t} set tenant_id = tenant_id`,
            sql`delete from ${t}`,
            sql`delete from ${t} where tenant_id = ${a.id}`,
            sql`truncate ${t}`,
          ];
          for (const q of attempts) expect(await errorAs(handle, ctx, q), `${role} ${table}`).toMatch(DENIED);
        }
        const left = await handle.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${a.id}`,
        );
        expect(left.rows[0].n).toBeGreaterThan(0);
      });
    }

    it("refuses rewriting history even to the owner connection", async () => {
      await expect(handle.db.execute(sql`delete from order_events where tenant_id = ${a.id}`)).rejects.toThrow();
      await expect(handle.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    });
  });

  it("hides staff-only audit entries (internal notes, alerts) from the customer, but not from staff", async () => {
    await handle.db.execute(
      sql`insert into audit_log (tenant_id, actor_label, action, staff_only) values (${a.id}, 'Agent (staff)', 'escalation.note_added', true)`,
    );
    const staffOnlyFor = (ctx: RoleContext) =>
      queryAs<{ n: number }>(
        handle,
        ctx,
        sql`select count(*)::int as n from audit_log where staff_only and action = 'escalation.note_added'`,
      );
    expect((await staffOnlyFor({ role: "portal_customer", tenantId: a.id }))[0].n).toBe(0);
    expect((await staffOnlyFor({ role: "portal_staff", staffId: admin }))[0].n).toBeGreaterThan(0);
    const forged = await errorAs(
      handle,
      { role: "portal_customer", tenantId: a.id },
      sql`insert into audit_log (tenant_id, actor_label, action, staff_only) values (${a.id}, 'x', 'forged', true)`,
    );
    expect(forged).toMatch(DENIED);
  });

  it("numbers a tenant's new events after existing ones, independently of other tenants", async () => {
    const before = await handle.db.execute<{ tenant_id: string; last: string }>(
      sql`select tenant_id, max(seq)::text as last from order_events where tenant_id in (${a.id}, ${b.id}) group by 1`,
    );
    const last = new Map(before.rows.map((r) => [r.tenant_id, Number(r.last)]));
    await createOrder(handle, b.id, b.siteId, { lines: 1, events: 2 });
    const after = await handle.db.execute<{ tenant_id: string; last: string }>(
      sql`select tenant_id, max(seq)::text as last from order_events where tenant_id in (${a.id}, ${b.id}) group by 1`,
    );
    const now = new Map(after.rows.map((r) => [r.tenant_id, Number(r.last)]));
    expect(now.get(b.id)).toBe((last.get(b.id) ?? 0) + 2);
    expect(now.get(a.id)).toBe(last.get(a.id));
  });
});

// A smaller, explicit check that does not depend on the catalog enumeration.
describe("row-level security smoke (default database)", () => {
  it("keeps tenant A's customer away from tenant B's orders by id", async () => {
    const handle = await createTestDb();
    try {
      const ta = await createTenantWithOrders(handle, 1);
      const tb = await createTenantWithOrders(handle, 1);
      const rows = await queryAs<{ id: string }>(
        handle,
        { role: "portal_customer", tenantId: ta.tenant.id },
        sql`select id from orders where id = ${tb.orders[0].id}`,
      );
      expect(rows).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
