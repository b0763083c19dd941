// SLA isolation on both databases: no tenant sees another's scorecard, calendar, targets or
// recompute jobs — by API, by forged tenant ids, or by SQL as its runtime role — customers can
// never write metric figures, and the ingest contract (recomputeOrderMetrics as portal_ingest)
// works under the grants of 0004/0008.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { setDb } from "#app/server/db.server";
import { tenantSummaryOf } from "#app/server/auth/guards.server";
import { buildScorecard, type Scorecard } from "#app/server/sla/scorecard.server";
import { recomputeOrderMetrics } from "#app/server/sla/metrics.server";
import { parsePeriodSelection } from "#app/domain/sla/periods";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";
import { asRole, errorAs, queryAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const nordwind = DEMO_TENANTS.find((t) => t.slug === "nordwind")!;

await describeEachDb("SLA isolation", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  let nordwindUser: string;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 60 }, kind);
    setDb(handle);
    portal = await startPortal(handle);
    const u = await handle.db.execute<{ id: string }>(
      sql`select id from "user" where email = 'admin@nordwind.example'`,
    );
    nordwindUser = u.rows[0].id;
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  const asNordwind = { role: "portal_customer" as const, tenantId: nordwind.id, userId: "x" };

  it("gives each signed-in tenant its own scorecard only", async () => {
    const b = new Browser(portal.url, `192.0.2.${ip++}`);
    expect((await b.signIn("admin@nordwind.example")).status).toBe(302);
    const res = await b.get("/api/v1/sla/scorecard?period=this-year");
    expect(res.status).toBe(200);
    const text = await res.text();
    const sc = (JSON.parse(text) as { data: Scorecard }).data;
    expect(sc.tenant.id).toBe(nordwind.id);
    expect(sc.calendar.timeZone).toBe("Europe/Berlin");
    expect(text).not.toContain(acme.id);
    expect(text).not.toContain(acme.name);
    for (const s of sc.sites) expect(s.code).not.toMatch(/^(CHI|MKE|DAL|ATL|PHX|SEA)-/);
    // Asking for another tenant's site is refused like an unknown one.
    const acmeSite = await handle.db.execute<{ id: string }>(
      sql`select id::text as id from sites where tenant_id = ${acme.id} limit 1`,
    );
    const foreign = await b.get(`/api/v1/sla/scorecard?site=${acmeSite.rows[0].id}`);
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).not.toContain(acme.name);
  });

  it("shows nothing of another tenant to a scorecard built with a forged tenant id", async () => {
    const forged = await buildScorecard(
      { role: "portal_customer", tenantId: nordwind.id, userId: nordwindUser },
      tenantSummaryOf(acme),
      { period: parsePeriodSelection("this-year")! },
    );
    expect(forged.ok).toBe(true);
    if (!forged.ok) return;
    // RLS hides Acme's orders, sites and stored calendar: all zero, and the calendar is a default.
    expect(forged.scorecard.orders.promised).toBe(0);
    expect(forged.scorecard.sites).toEqual([]);
    expect(forged.scorecard.calendar.version).toBe(0);
  });

  it("lets a customer role read only its own calendars, targets and jobs", async () => {
    for (const table of ["tenant_calendars", "metric_jobs"]) {
      const rows = await queryAs<{ tenant_id: string }>(
        handle,
        asNordwind,
        sql.raw(`select tenant_id::text as tenant_id from ${table}`),
      );
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenant_id)), table).toEqual(new Set([nordwind.id]));
    }
    await handle.db
      .execute(sql`insert into sla_targets (tenant_id, otif_pct, on_time_pct, in_full_pct, fill_rate_pct, lead_time_hours)
      values (${acme.id}, 99, 99, 99, 99, 8) on conflict do nothing`);
    expect(await queryAs(handle, asNordwind, sql`select * from sla_targets`)).toEqual([]);
    const noSetting = await queryAs(handle, { role: "portal_customer" }, sql`select * from tenant_calendars`);
    expect(noSetting).toEqual([]);
  });

  it("refuses a customer writing another tenant's calendar or job, or any metric figure", async () => {
    const def = JSON.stringify({ timeZone: "UTC" });
    expect(
      await errorAs(
        handle,
        asNordwind,
        sql`insert into tenant_calendars (tenant_id, version, definition, label) values (${acme.id}, 99, ${def}::jsonb, 'x')`,
      ),
    ).toMatch(/row-level security/);
    expect(
      await errorAs(
        handle,
        asNordwind,
        sql`insert into metric_jobs (tenant_id, calendar_version, status) values (${acme.id}, 1, 'queued')`,
      ),
    ).toMatch(/row-level security/);
    expect(
      await errorAs(handle, asNordwind, sql`update orders set m_otif = true where tenant_id = ${nordwind.id}`),
    ).toMatch(/permission denied/);
    expect(await errorAs(handle, asNordwind, sql`update metric_jobs set status = 'done'`)).toMatch(/permission denied/);
    expect(await errorAs(handle, asNordwind, sql`update sla_targets set otif_pct = 1`)).toMatch(/permission denied/);
  });

  it("recomputes metrics as portal_ingest for its own tenant and cannot reach another's orders", async () => {
    const ids = await handle.db.execute<{ id: string; tenant_id: string }>(
      sql`select id::text as id, tenant_id::text as tenant_id from orders where m_measurable limit 400`,
    );
    const own = ids.rows.filter((r) => r.tenant_id === nordwind.id).map((r) => r.id);
    const other = ids.rows.filter((r) => r.tenant_id === acme.id).map((r) => r.id);
    expect(own.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    await handle.db.execute(
      sql`update orders set m_otif = null, fiscal_year = null where tenant_id in (${nordwind.id}, ${acme.id})`,
    );
    await asRole(handle, { role: "portal_ingest", tenantId: nordwind.id }, async (tx) => {
      await recomputeOrderMetrics(tx, nordwind.id, [...own, ...other]);
    });
    const after = await handle.db.execute<{ tenant_id: string; n: number }>(sql`
      select tenant_id::text as tenant_id, count(*)::int as n from orders
      where tenant_id in (${nordwind.id}, ${acme.id}) and fiscal_year is not null group by 1`);
    const byTenant = Object.fromEntries(after.rows.map((r) => [r.tenant_id, r.n]));
    expect(byTenant[nordwind.id]).toBeGreaterThanOrEqual(own.length);
    expect(byTenant[acme.id] ?? 0).toBe(0);
  });
});
