// SLA scorecards end to end on a seeded database: the API's figures equal the rows behind their
// drill-down links, a calendar change recomputes to the same figures as computing from scratch,
// and bad calendar input is refused with nothing saved.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { embedKeys, metricJobs, tenantCalendars, user, type EmbedScope } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { setDb } from "#app/server/db.server";
import { tenantSummaryOf, type CustomerContext, type StaffContext } from "#app/server/auth/guards.server";
import { TIER_DEFAULT_TARGETS } from "#app/domain/sla/targets";
import { setTenantTargets } from "#app/server/sla/targets.server";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { calendarSettings, saveCalendar } from "#app/server/calendar/settings.server";
import { recomputeIdle, recomputeOrderMetrics, runPendingJobs, systemWriter } from "#app/server/sla/metrics.server";
import { withTenant } from "#app/server/tenant-db.server";
import type { Scorecard } from "#app/server/sla/scorecard.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

let handle: TestDb;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${ip++}`);
const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const info = { ip: "127.0.0.1", userAgent: "vitest" };

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 400 });
  setDb(handle);
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function adminCtx(slug: string): Promise<CustomerContext> {
  const t = DEMO_TENANTS.find((x) => x.slug === slug)!;
  const [u] = await handle.db
    .select()
    .from(user)
    .where(eq(user.email, `admin@${t.emailDomain}`));
  return {
    kind: "customer",
    user: { id: u.id, name: u.name, email: u.email },
    role: "customer_admin",
    tenant: tenantSummaryOf(t),
    db: { role: "portal_customer", tenantId: t.id, userId: u.id },
  };
}

async function scorecard(b: Browser, period: string): Promise<Scorecard> {
  const res = await b.get(`/api/v1/sla/scorecard?period=${encodeURIComponent(period)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Scorecard }).data;
}

/** Counts every row of /api/v1/orders for a drill-down href, following cursors. */
async function drillDownRows(b: Browser, href: string): Promise<{ id: string }[]> {
  const query = href.replace(/^\/orders\?/, "");
  const rows: { id: string }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await b.get(
      `/api/v1/orders?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: { id: string }[]; page: { next: string | null } };
    rows.push(...body.data);
    cursor = body.page.next;
    if (!cursor) return rows;
  }
  throw new Error("too many pages");
}

const INTRANET = "http://127.0.0.1:3001";

/** An embed key written as the owner would; returns its secret. */
async function embedKey(tenantId: string, scopes: EmbedScope[], site: string[]): Promise<string> {
  const secret = `sl_embed_${randomBytes(24).toString("base64url")}`;
  await handle.db.insert(embedKeys).values({
    tenantId,
    name: "SLA test key",
    prefix: secret.slice(0, 15),
    secretHash: createHash("sha256").update(secret).digest("hex"),
    allowedOrigins: [INTRANET],
    scopes,
    fixedFilters: site.length ? { site } : {},
  });
  return secret;
}

async function embedToken(secret: string): Promise<string> {
  const res = await fetch(`${portal.url}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ origin: INTRANET }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function metricSnapshot(tenantId: string) {
  const r = await handle.db.execute(sql`select id, m_measurable, m_on_time, m_in_full, m_otif, m_units_ordered,
      m_units_shipped, m_lines_ordered, m_lines_filled, m_lead_time_minutes, fiscal_year, fiscal_quarter,
      fiscal_period, fiscal_week, metrics_calendar_version
    from orders where tenant_id = ${tenantId} order by id`);
  return r.rows;
}

describe("scorecard API", () => {
  it("equals the rows behind its drill-down links, KPI by KPI and site by site", async () => {
    const b = browser();
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const sc = await scorecard(b, "this-year");
    expect(sc.tenant.name).toBe(acme.name);
    expect(sc.calendar.version).toBe(1);
    expect(sc.orders.measured).toBeGreaterThan(20);
    const measured = await drillDownRows(b, sc.orders.measuredHref);
    expect(measured.length).toBe(sc.orders.measured);
    expect((await drillDownRows(b, sc.orders.href)).length).toBe(sc.orders.promised);
    for (const k of sc.kpis) {
      const missed = await drillDownRows(b, k.missedHref);
      expect(missed.length, `${k.id} missed`).toBe(k.missedOrders);
      if (k.id === "otif" || k.id === "onTime" || k.id === "inFull") {
        expect(k.denominator).toBe(sc.orders.measured);
        expect(k.numerator + k.missedOrders).toBe(k.denominator);
        expect(k.value).toBeCloseTo((100 * k.numerator) / k.denominator, 1);
      }
    }
    const otif = sc.kpis.find((k) => k.id === "otif")!;
    let siteMeasured = 0;
    let siteMissed = 0;
    for (const s of sc.sites) {
      siteMeasured += s.measured;
      const k = s.kpis.find((x) => x.id === "otif")!;
      siteMissed += k.missedOrders;
      expect((await drillDownRows(b, k.missedHref)).length).toBe(k.missedOrders);
    }
    expect(siteMeasured).toBe(sc.orders.measured);
    expect(siteMissed).toBe(otif.missedOrders);
  }, 120_000);

  it("sums to its drill-down rows for a last quarter, period and week, and in every trend point", async () => {
    const b = browser();
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    for (const period of ["last-quarter", "last-period", "last-week"]) {
      const sc = await scorecard(b, period);
      expect((await drillDownRows(b, sc.orders.measuredHref)).length, `${period} measured`).toBe(sc.orders.measured);
      expect(
        sc.sites.reduce((n, s) => n + s.measured, 0),
        `${period} sites`,
      ).toBe(sc.orders.measured);
      const otif = sc.kpis.find((k) => k.id === "otif")!;
      expect((await drillDownRows(b, otif.missedHref)).length, `${period} OTIF missed`).toBe(otif.missedOrders);
    }
    const sc = await scorecard(b, "this-year");
    expect(sc.trend).toHaveLength(12);
    expect(sc.trend.some((t) => t.measured > 0)).toBe(true);
    for (const t of sc.trend) {
      // A trend point's link lists its OTIF misses; measured - misses = OTIF orders.
      const missed = (await drillDownRows(b, t.href)).length;
      const expectedOtif = t.measured > 0 ? Math.round((10_000 * (t.measured - missed)) / t.measured) / 100 : null;
      expect(t.otif, t.label).toBe(expectedOtif);
    }
  }, 180_000);

  it("answers an unknown period with problem+json 400, and a period the calendar lacks with 404", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    for (const bad of ["FY2026-Q9", "yesterday", "FY2026-P03;drop table orders"]) {
      const res = await b.get(`/api/v1/sla/scorecard?period=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const missing = await b.get("/api/v1/sla/scorecard?period=FY2026-P13");
    expect(missing.status).toBe(404);
    const badSite = await b.get("/api/v1/sla/scorecard?site=not-a-site");
    expect(badSite.status).toBe(400);
  });

  it("limits an embed token pinned to one site to that site's figures, and needs sla:read", async () => {
    const [site] = (
      await handle.db.execute<{ id: string; code: string }>(
        sql`select id::text as id, code from sites where tenant_id = ${acme.id} order by code limit 1`,
      )
    ).rows;
    const pinned = await embedKey(acme.id, ["sla:read"], [site.id]);
    const res = await fetch(`${portal.url}/api/v1/sla/scorecard?period=this-year`, {
      headers: { Authorization: `Bearer ${await embedToken(pinned)}`, Origin: INTRANET },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(INTRANET);
    const sc = ((await res.json()) as { data: Scorecard }).data;
    expect(sc.sites.map((s) => s.code)).toEqual([site.code]);
    expect(sc.orders.measured).toBe(sc.sites[0].measured);

    const b = browser();
    await b.signIn("viewer@acme.example");
    const own = await scorecard(b, "this-year");
    expect(own.sites.find((s) => s.code === site.code)?.measured).toBe(sc.orders.measured);

    const other = await handle.db.execute<{ id: string }>(
      sql`select id::text as id from sites where tenant_id = ${acme.id} and id <> ${site.id} limit 1`,
    );
    const escape = await fetch(`${portal.url}/api/v1/sla/scorecard?site=${other.rows[0].id}`, {
      headers: { Authorization: `Bearer ${await embedToken(pinned)}`, Origin: INTRANET },
    });
    expect(escape.status).toBe(400);

    const ordersOnly = await embedKey(acme.id, ["orders:read"], []);
    const refused = await fetch(`${portal.url}/api/v1/sla/scorecard`, {
      headers: { Authorization: `Bearer ${await embedToken(ordersOnly)}`, Origin: INTRANET },
    });
    expect(refused.status).toBe(403);
  });

  it("shows support staff the scorecard of the account they opened, and only accounts assigned to them", async () => {
    const agent = browser();
    await agent.signIn("agent@sightline.example");
    expect((await agent.post("/staff/accounts", { tenantId: acme.id })).status).toBe(302);
    const sc = await scorecard(agent, "this-year");
    expect(sc.tenant.id).toBe(acme.id);
    expect(sc.orders.measured).toBeGreaterThan(0);
    const page = await agent.get("/sla");
    expect(page.status).toBe(200);
    // Sakura is not assigned to the agent: opening it fails, and the API stays on no account.
    const sakura = DEMO_TENANTS.find((t) => t.slug === "sakura")!;
    const other = browser();
    await other.signIn("agent@sightline.example");
    await other.post("/staff/accounts", { tenantId: sakura.id });
    const res = await other.get("/api/v1/sla/scorecard");
    expect(res.status).toBe(403);
  });

  it("refuses callers without a session or token", async () => {
    const res = await fetch(`${portal.url}/api/v1/sla/scorecard`);
    expect(res.status).toBe(401);
  });

  it("renders the SLA page with tiles, the calendar in use and drill-down links", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const res = await b.get("/sla?period=this-year");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Service levels");
    expect(html).toContain("OTIF");
    expect(html).toMatch(/Target (met|missed)/);
    expect(html).toContain("America/Chicago");
    expect(html).toContain("otif=missed");
  });
});

describe("calendar changes", () => {
  it("recomputes stored metrics to exactly what computing from scratch gives", async () => {
    const ctx = await adminCtx("acme");
    const before = await metricSnapshot(acme.id);
    const current = (await calendarSettings(ctx)).definition;
    // Calendar months instead of 4-4-5, and Saturday mornings become working time.
    const changed: CalendarDefinition = {
      ...current,
      weeklyHours: { ...current.weeklyHours, "6": [{ start: "08:00", end: "12:00" }] },
      fiscal: { kind: "calendar", startMonth: 1, naming: "end" },
    };
    const saved = await saveCalendar(ctx, info, changed);
    expect(saved.ok).toBe(true);
    // Saving kicks the background recompute; wait for it, then nothing is left in the queue.
    await recomputeIdle();
    expect(await runPendingJobs()).toBe(0);
    const [job] = await handle.db
      .select()
      .from(metricJobs)
      .where(eq(metricJobs.tenantId, acme.id))
      .orderBy(sql`created_at desc`)
      .limit(1);
    expect(job.status).toBe("done");
    expect(job.done).toBe(job.total);
    const recomputed = await metricSnapshot(acme.id);
    expect(recomputed).not.toEqual(before); // the calendar change moved fiscal keys and lead times
    expect(recomputed.every((r) => r.metrics_calendar_version === 2)).toBe(true);

    // From scratch: wipe the metrics and compute every order through the ingest entry point.
    await handle.db.execute(sql`update orders set m_measurable = null, m_on_time = null, m_in_full = null,
      m_otif = null, m_units_ordered = null, m_units_shipped = null, m_lines_ordered = null, m_lines_filled = null,
      m_lead_time_minutes = null, fiscal_year = null, fiscal_quarter = null, fiscal_period = null, fiscal_week = null,
      metrics_calendar_version = null where tenant_id = ${acme.id}`);
    await withTenant(systemWriter(acme.id), async (tx) => {
      const ids = await tx.execute<{ id: string }>(sql`select id from orders where tenant_id = ${acme.id}`);
      await recomputeOrderMetrics(
        tx,
        acme.id,
        ids.rows.map((r) => r.id),
      );
    });
    expect(await metricSnapshot(acme.id)).toEqual(recomputed);
  }, 60_000);

  it("recomputes a tenant when a platform admin changes its tolerances, and the figures follow", async () => {
    const sakura = DEMO_TENANTS.find((t) => t.slug === "sakura")!;
    const [ops] = await handle.db.select().from(user).where(eq(user.email, "ops@sightline.example"));
    const staff: StaffContext = {
      kind: "staff",
      user: { id: ops.id, name: ops.name, email: ops.email },
      staffRole: "platform_admin",
      db: { role: "portal_staff", tenantId: null, staffId: ops.id },
    };
    const lenient = { ...TIER_DEFAULT_TARGETS.standard, onTimeToleranceDays: 30, inFullTolerancePct: 50 };
    const r = await setTenantTargets(staff, info, sakura.id, lenient);
    expect(r).toMatchObject({ ok: true, recompute: true });
    expect(await runPendingJobs()).toBe(1);
    const counts = await handle.db.execute<{ late: number; measured: number }>(sql`
      select count(*) filter (where m_measurable and not m_on_time)::int as late,
             count(*) filter (where m_measurable)::int as measured
      from orders where tenant_id = ${sakura.id}`);
    expect(counts.rows[0].measured).toBeGreaterThan(0);
    // The demo data is never more than 30 days late, so with 30 days' tolerance nothing is.
    expect(counts.rows[0].late).toBe(0);
    const back = await setTenantTargets(staff, info, sakura.id, null);
    expect(back).toMatchObject({ ok: true, recompute: true });
    expect(await runPendingJobs()).toBe(1);
  });

  it("refuses invalid calendars with a message per field and saves nothing", async () => {
    const ctx = await adminCtx("nordwind");
    const base = (await calendarSettings(ctx)).definition;
    const versions = async () =>
      (await handle.db.select().from(tenantCalendars).where(eq(tenantCalendars.tenantId, ctx.tenant.id))).length;
    const jobs = async () =>
      (await handle.db.select().from(metricJobs).where(eq(metricJobs.tenantId, ctx.tenant.id))).length;
    const [v0, j0] = [await versions(), await jobs()];
    const cases: [string, unknown][] = [
      ["timeZone", { ...base, timeZone: "Mars/Olympus_Mons" }],
      [
        "weeklyHours.1",
        {
          ...base,
          weeklyHours: {
            ...base.weeklyHours,
            "1": [
              { start: "08:00", end: "12:00" },
              { start: "11:00", end: "15:00" },
            ],
          },
        },
      ],
      ["weeklyHours.2.0", { ...base, weeklyHours: { ...base.weeklyHours, "2": [{ start: "09:00", end: "09:00" }] } }],
      ["holidays.region", { ...base, holidays: { country: "DE", region: "XX" } }],
      ["fiscal.yearEnd.month", { ...base, fiscal: { kind: "445", yearEnd: { rule: "last", weekday: 6, month: 13 } } }],
    ];
    for (const [field, def] of cases) {
      const r = await saveCalendar(ctx, info, def);
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors), field).toContain(field);
    }
    expect(await versions()).toBe(v0);
    expect(await jobs()).toBe(j0);
  });

  it("shows the field message on the settings page, and keeps viewers out", async () => {
    const admin = browser();
    await admin.signIn("admin@nordwind.example");
    const page = await admin.get("/settings/calendar");
    expect(page.status).toBe(200);
    const res = await admin.post("/settings/calendar", {
      intent: "save",
      timeZone: "Europe/Berlin",
      weekStart: "1",
      "weeklyHours.1.0.start": "08:00",
      "weeklyHours.1.0.end": "12:00",
      "weeklyHours.1.1.start": "11:00",
      "weeklyHours.1.1.end": "15:00",
      "holidays.country": "DE",
      "holidays.region": "BY",
      "fiscal.kind": "calendar",
      "fiscal.startMonth": "1",
      "fiscal.naming": "end",
    });
    expect(res.status).toBe(400);
    // Nordwind's admin reads German: the field message comes from the catalogue in their language.
    expect(await res.text()).toContain("Montag: Zeiträume überschneiden sich (um 11:00).");
    const viewer = browser();
    await viewer.signIn("viewer@acme.example");
    expect((await viewer.get("/settings/calendar")).status).toBe(403);
    const post = await viewer.post("/settings/calendar", { intent: "save", timeZone: "UTC" });
    expect(post.status).toBe(403);
  });
});
