// The demo seed, checked against the invariants the rest of the product relies on: every child
// row belongs to its order's tenant, event sequences are gapless per tenant, the documented demo
// logins exist with their roles, and the seeded data of every area stays isolated under RLS.
import { verifyPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RUNTIME_ROLES } from "#app/server/tenant-db.server";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from "#db/seed/seed";
import { createTestDb, describeEachDb, type TestDb } from "../support/db";
import { queryAs } from "../support/roles";

/** The logins README.md documents, with the role each must have. */
const DOCUMENTED_LOGINS: { email: string; kind: "member" | "staff"; role: string; tenant?: string }[] = [
  { email: "admin@acme.example", kind: "member", role: "customer_admin", tenant: "acme" },
  { email: "viewer@acme.example", kind: "member", role: "customer_viewer", tenant: "acme" },
  { email: "admin@nordwind.example", kind: "member", role: "customer_admin", tenant: "nordwind" },
  { email: "admin@sakura.example", kind: "member", role: "customer_admin", tenant: "sakura" },
  { email: "admin@southerncross.example", kind: "member", role: "customer_admin", tenant: "southerncross" },
  { email: "admin@deccan.example", kind: "member", role: "customer_admin", tenant: "deccan" },
  { email: "agent@sightline.example", kind: "staff", role: "support_agent" },
  { email: "lead@sightline.example", kind: "staff", role: "support_lead" },
  { email: "ops@sightline.example", kind: "staff", role: "platform_admin" },
];

const ORDERS_PER_TENANT = 6;

await describeEachDb("demo seed", (kind) => {
  let handle: TestDb;

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    const r = await handle.db.execute<{ n: number }>(query);
    return Number(r.rows[0].n);
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    await seedDemo(handle, { ordersPerTenant: ORDERS_PER_TENANT, progress: () => undefined });
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("creates every demo tenant with up to the requested number of orders, none placed in the future", async () => {
    const r = await handle.db.execute<{ slug: string; n: number }>(
      sql`select t.slug, count(o.id)::int as n from tenants t left join orders o on o.tenant_id = t.id
          group by t.slug order by t.slug`,
    );
    const bySlug = new Map(r.rows.map((x) => [x.slug, x.n]));
    // The generator drops an order whose random placement time today lies after `now`.
    for (const t of DEMO_TENANTS) {
      expect(bySlug.get(t.slug), t.slug).toBeGreaterThan(0);
      expect(bySlug.get(t.slug), t.slug).toBeLessThanOrEqual(ORDERS_PER_TENANT);
    }
    expect(await count(sql`select count(*)::int as n from orders where ordered_at > now()`)).toBe(0);
  });

  it("gives every seeded escalation a believable history: about an order already placed, raised, a conversation, and a last status change that matches its state", async () => {
    const r = await handle.db.execute<{
      ref: string;
      status: string;
      ordered_before: boolean | null;
      created_logged: boolean;
      last_to: string | null;
      replies: number;
    }>(sql`
      select t.slug || '-' || e.number as ref, e.status,
             (select o.ordered_at <= e.created_at from orders o where o.tenant_id = e.tenant_id and o.id = e.order_id) as ordered_before,
             exists (select 1 from audit_log a where a.tenant_id = e.tenant_id and a.target_id = e.id::text
                       and a.action = 'escalation.created' and a.at = e.created_at) as created_logged,
             (select a.detail->>'to' from audit_log a where a.tenant_id = e.tenant_id and a.target_id = e.id::text
                and a.action = 'escalation.status_changed' order by a.at desc, a.id desc limit 1) as last_to,
             (select count(*)::int from escalation_comments c where c.tenant_id = e.tenant_id and c.escalation_id = e.id
                and c.visibility = 'public') as replies
        from escalations e join tenants t on t.id = e.tenant_id order by 1`);
    expect(r.rows.length).toBeGreaterThan(0);
    for (const e of r.rows) {
      expect(e.ordered_before ?? true, `${e.ref}: its order was placed after it was raised`).toBe(true);
      expect(e.created_logged, `${e.ref}: no "raised" entry in its history`).toBe(true);
      expect(e.last_to ?? "open", `${e.ref}: history ends elsewhere than its status`).toBe(e.status);
      if (e.status !== "open")
        expect(e.replies, `${e.ref}: worked on without a word to the customer`).toBeGreaterThan(0);
    }
  });

  it("names in each exception request's history entry the approver its request waits for", async () => {
    const r = await handle.db.execute<{ slug: string; required: string; logged: string | null }>(sql`
      select t.slug, p.required_role as required,
             (select a.detail->>'requiredRole' from audit_log a where a.tenant_id = p.tenant_id
                and a.target_id = p.escalation_id::text and a.action = 'escalation.approval_requested'
              order by a.at limit 1) as logged
        from escalation_approvals p join tenants t on t.id = p.tenant_id order by 1`);
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) expect(row.logged, row.slug).toBe(row.required);
  });

  it("records the root cause of every resolved demo escalation, and of no unresolved one", async () => {
    const r = await handle.db.execute<{ slug: string; resolved: number; caused: number; early: number }>(sql`
      select t.slug,
             count(*) filter (where e.resolved_at is not null and e.status in ('resolved', 'closed'))::int as resolved,
             count(*) filter (where e.root_cause is not null and e.status in ('resolved', 'closed'))::int as caused,
             count(*) filter (where e.root_cause is not null and e.status not in ('resolved', 'closed'))::int as early
        from tenants t join escalations e on e.tenant_id = t.id group by t.slug order by t.slug`);
    expect(r.rows).toHaveLength(DEMO_TENANTS.length);
    for (const row of r.rows) {
      expect(row.resolved, row.slug).toBeGreaterThan(0);
      expect(row.caused, row.slug).toBe(row.resolved);
      expect(row.early, row.slug).toBe(0);
    }
  });

  it("keeps every line, shipment and event with an order of the same tenant", async () => {
    for (const child of ["order_lines", "shipments", "order_events"]) {
      const orphans = await count(
        sql`select count(*)::int as n from ${sql.identifier(child)} c
            where not exists (select 1 from orders o where o.tenant_id = c.tenant_id and o.id = c.order_id)`,
      );
      expect(orphans, child).toBe(0);
      expect(await count(sql`select count(*)::int as n from ${sql.identifier(child)}`), child).toBeGreaterThan(0);
    }
    const foreignSites = await count(
      sql`select count(*)::int as n from orders o
          where not exists (select 1 from sites s where s.tenant_id = o.tenant_id and s.id = o.site_id)`,
    );
    expect(foreignSites).toBe(0);
  });

  it("gives every order at least one line and one event", async () => {
    expect(
      await count(sql`select count(*)::int as n from orders o
        where not exists (select 1 from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from orders o
        where not exists (select 1 from order_events e where e.tenant_id = o.tenant_id and e.order_id = o.id)`),
    ).toBe(0);
  });

  it("numbers each tenant's events 1..n without gaps, matching the tenant's counter", async () => {
    const r = await handle.db.execute<{ tenant_id: string; n: number; min: number; max: number; last: number | null }>(
      sql`select e.tenant_id, count(*)::int as n, min(e.seq)::int as min, max(e.seq)::int as max,
                 (select c.last_seq::int from tenant_event_counters c where c.tenant_id = e.tenant_id) as last
          from order_events e group by e.tenant_id`,
    );
    expect(r.rows.length).toBe(DEMO_TENANTS.length);
    for (const t of r.rows) {
      expect(t, t.tenant_id).toMatchObject({ min: 1, max: t.n, last: t.n });
    }
  });

  it("orders each order's events by sequence in the order they occurred", async () => {
    const outOfOrder = await count(
      sql`select count(*)::int as n from (
            select occurred_at, lag(occurred_at) over (partition by tenant_id, order_id order by seq) as prev
            from order_events) x where prev > occurred_at`,
    );
    expect(outOfOrder).toBe(0);
  });

  it("creates the documented demo logins with their roles and the documented password", async () => {
    for (const login of DOCUMENTED_LOGINS) {
      const u = await handle.db.execute<{ id: string; password: string | null }>(
        sql`select u.id, a.password from "user" u left join account a on a.user_id = u.id and a.provider_id = 'credential'
            where u.email = ${login.email}`,
      );
      expect(u.rows.length, login.email).toBe(1);
      expect(await verifyPassword({ hash: u.rows[0].password ?? "", password: DEMO_PASSWORD }), login.email).toBe(true);
      if (login.kind === "member") {
        const m = await handle.db.execute<{ role: string; slug: string }>(
          sql`select m.role, t.slug from member m join tenants t on t.id::text = m.organization_id
              where m.user_id = ${u.rows[0].id}`,
        );
        expect(m.rows, login.email).toEqual([{ role: login.role, slug: login.tenant }]);
      } else {
        const s = await handle.db.execute<{ role: string }>(
          sql`select role from staff_members where user_id = ${u.rows[0].id} and active`,
        );
        expect(s.rows, login.email).toEqual([{ role: login.role }]);
      }
    }
    expect(DEMO_STAFF.map((s) => s.email).sort()).toEqual(
      DOCUMENTED_LOGINS.filter((l) => l.kind === "staff")
        .map((l) => l.email)
        .sort(),
    );
  });

  it("assigns the demo agent to exactly Acme and Nordwind", async () => {
    const r = await handle.db.execute<{ slug: string }>(
      sql`select t.slug from staff_assignments a join tenants t on t.id = a.tenant_id
          join "user" u on u.id = a.staff_user_id where u.email = 'agent@sightline.example' order by 1`,
    );
    expect(r.rows.map((x) => x.slug)).toEqual(["acme", "nordwind"]);
  });

  it("keeps every area's seeded rows isolated: each tenant's customer and ingest roles see only that tenant", async () => {
    const tables = await handle.db.execute<{ name: string }>(
      sql`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute x where x.attrelid = c.oid and x.attname = 'tenant_id' and not x.attisdropped)
          order by 1`,
    );
    const tenantIds = DEMO_TENANTS.map((t) => t.id);
    let checked = 0;
    for (const { name } of tables.rows) {
      const total = await count(sql`select count(*)::int as n from ${sql.identifier(name)}`);
      if (total === 0) continue;
      for (const role of RUNTIME_ROLES.filter((r) => r !== "portal_staff")) {
        const canRead = await handle.db.execute<{ ok: boolean }>(
          sql`select has_column_privilege(${role}, ${name}::regclass, 'tenant_id', 'SELECT') as ok`,
        );
        if (!canRead.rows[0].ok) continue;
        for (const tenantId of tenantIds) {
          const [row] = await queryAs<{ foreign: number }>(
            handle,
            { role, tenantId },
            sql`select count(*) filter (where tenant_id <> ${tenantId})::int as foreign from ${sql.identifier(name)}`,
          );
          expect(row.foreign, `${role} ${name}`).toBe(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
