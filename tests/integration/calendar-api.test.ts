// GET /api/v1/calendar and /api/v1/calendar/periods against what is stored: the definition in
// tenant_calendars, public holidays straight from date-holidays, and the fiscal keys stored on
// every order. Also who may read it and how bad input is refused.
import Holidays from "date-holidays";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantCalendars, user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { tenantSummaryOf, type CustomerContext } from "#app/server/auth/guards.server";
import { calendarSchema, fiscalYearResponseSchema } from "#app/server/calendar/api-schema";
import { setDb } from "#app/server/db.server";
import { saveCalendar } from "#app/server/calendar/settings.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

let handle: TestDb;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${ip++}`);
const tenant = (slug: string) => DEMO_TENANTS.find((t) => t.slug === slug)!;

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 150 });
  setDb(handle);
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function storedDefinition(tenantId: string) {
  const [row] = await handle.db
    .select()
    .from(tenantCalendars)
    .where(eq(tenantCalendars.tenantId, tenantId))
    .orderBy(desc(tenantCalendars.version))
    .limit(1);
  return { version: row.version, definition: row.definition as unknown as CalendarDefinition };
}

async function getCalendar(b: Browser, query = "") {
  const res = await b.get(`/api/v1/calendar${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return calendarSchema.parse(((await res.json()) as { data: unknown }).data);
}

/** Public holidays as date-holidays itself lists them (type public), one per date. */
function publicHolidays(country: string, region: string | undefined, from: string, to: string): string[] {
  const hd = new Holidays(country, region ?? "");
  const dates = new Set<string>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of hd.getHolidays(y) || []) {
      const d = h.date.slice(0, 10);
      if (h.type === "public" && d >= from && d <= to) dates.add(d);
    }
  }
  return [...dates].sort();
}

describe("GET /api/v1/calendar", () => {
  it("gives a viewer the stored definition: zone, weekly hours, closures, extra days and fiscal rule", async () => {
    const b = browser();
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const cal = await getCalendar(b);
    const stored = await storedDefinition(tenant("acme").id);
    expect(cal.version).toBe(stored.version);
    expect(cal.timeZone).toBe(stored.definition.timeZone);
    expect(cal.weekStart).toBe(stored.definition.weekStart);
    for (const day of cal.weeklyHours) {
      expect(day.intervals, day.name).toEqual(stored.definition.weeklyHours[String(day.weekday) as "1"]);
    }
    expect(
      cal.closures.map((c) => ({ date: c.date, label: c.label, start: c.start ?? undefined, end: c.end ?? undefined })),
    ).toEqual(stored.definition.closures.map((c) => ({ date: c.date, label: c.label, start: c.start, end: c.end })));
    expect(cal.extraWorkingDays).toEqual(stored.definition.extraWorkingDays);
    expect(cal.fiscal).toMatchObject(stored.definition.fiscal);
    expect(cal.holidays.country).toBe(stored.definition.holidays?.country);
    expect(cal.versions.filter((v) => v.active).map((v) => v.version)).toEqual([stored.version]);
  });

  it("lists the region's public holidays of past years for the requested range, as date-holidays has them", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const cal = await getCalendar(b, "?from=2019-01-01&to=2020-12-31");
    expect(cal.holidays).toMatchObject({ country: "DE", region: "BY", from: "2019-01-01", to: "2020-12-31" });
    expect(cal.holidays.dates.map((h) => h.date)).toEqual(publicHolidays("DE", "BY", "2019-01-01", "2020-12-31"));
    // Epiphany is a public holiday in Bavaria, not in all of Germany.
    expect(cal.holidays.dates.map((h) => h.date)).toContain("2019-01-06");
  });

  it("lists every version with when it was in force, and shows a newly saved extra working day", async () => {
    const sc = tenant("southerncross");
    const [u] = await handle.db
      .select()
      .from(user)
      .where(eq(user.email, `admin@${sc.emailDomain}`));
    const ctx: CustomerContext = {
      kind: "customer",
      user: { id: u.id, name: u.name, email: u.email },
      role: "customer_admin",
      tenant: tenantSummaryOf(sc),
      db: { role: "portal_customer", tenantId: sc.id, userId: u.id },
    };
    const before = await storedDefinition(sc.id);
    const extra = { date: "2026-03-07", intervals: [{ start: "06:00", end: "11:00" }], label: "Stock-take Saturday" };
    const saved = await saveCalendar(
      ctx,
      { ip: "127.0.0.1", userAgent: "vitest" },
      {
        ...before.definition,
        extraWorkingDays: [extra],
      },
    );
    expect(saved.ok).toBe(true);
    const b = browser();
    await b.signIn("admin@southerncross.example");
    const cal = await getCalendar(b);
    expect(cal.version).toBe(before.version + 1);
    expect(cal.extraWorkingDays).toEqual([extra]);
    const [newest, previous] = cal.versions;
    const rows = await handle.db
      .select({ version: tenantCalendars.version, createdAt: tenantCalendars.createdAt })
      .from(tenantCalendars)
      .where(and(eq(tenantCalendars.tenantId, sc.id)))
      .orderBy(desc(tenantCalendars.version));
    expect(newest).toMatchObject({ version: rows[0].version, active: true, validTo: null });
    expect(newest.validFrom).toBe(rows[0].createdAt.toISOString());
    expect(previous).toMatchObject({ version: rows[1].version, active: false });
    expect(previous.validTo).toBe(rows[0].createdAt.toISOString());
  });

  it("saves extra working days from the settings form, refuses unreadable hours next to the field, and keeps them without the editor", async () => {
    const admin = browser();
    await admin.signIn("admin@deccan.example");
    const before = await storedDefinition(tenant("deccan").id);
    const form = {
      intent: "save",
      timeZone: "Asia/Kolkata",
      weekStart: "1",
      "weeklyHours.1.0.start": "09:30",
      "weeklyHours.1.0.end": "18:00",
      "holidays.country": "IN",
      "fiscal.kind": "calendar",
      "fiscal.startMonth": "4",
      "fiscal.naming": "end",
      "extraWorkingDays.sent": "1",
      "extraWorkingDays.0.date": "2026-01-26",
      "extraWorkingDays.0.hours": "9:30-13:00, 14:00-18:00",
      "extraWorkingDays.0.label": "Republic Day shipping",
    };
    const bad = await admin.post("/settings/calendar", { ...form, "extraWorkingDays.0.hours": "all day" });
    expect(bad.status).toBe(400);
    expect((await storedDefinition(tenant("deccan").id)).version).toBe(before.version);
    const ok = await admin.post("/settings/calendar", form);
    expect(ok.status, await ok.clone().text()).toBe(200);
    const cal = await getCalendar(admin);
    expect(cal.version).toBe(before.version + 1);
    expect(cal.extraWorkingDays).toEqual([
      {
        date: "2026-01-26",
        intervals: [
          { start: "09:30", end: "13:00" },
          { start: "14:00", end: "18:00" },
        ],
        label: "Republic Day shipping",
      },
    ]);
    // A form without the editor (an older page) keeps the extra days of the version in use.
    const { ["extraWorkingDays.sent"]: _sent, ...withoutEditor } = form;
    void _sent;
    expect((await admin.post("/settings/calendar", withoutEditor)).status).toBe(200);
    expect((await getCalendar(admin)).extraWorkingDays).toHaveLength(1);
  });

  it("names the escalation targets of the account's tier and the clock each runs on", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const cal = await getCalendar(b);
    expect(cal.escalationHours.tier).toBe(tenant("acme").tier);
    expect(cal.escalationHours.severities.map((s) => s.severity)).toEqual(["P1", "P2", "P3", "P4"]);
    for (const s of cal.escalationHours.severities) expect(s.resolutionMinutes).toBeGreaterThan(s.firstResponseMinutes);
  });

  it("refuses bad ranges with problem+json 400 and strangers with 401", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    for (const q of [
      "?from=2026-13-01&to=2026-12-31",
      "?from=2026-01-01",
      "?from=2026-02-01&to=2026-01-01",
      "?from=2000-01-01&to=2026-01-01",
    ]) {
      const res = await b.get(`/api/v1/calendar${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await fetch(`${portal.url}/api/v1/calendar`)).status).toBe(401);
  });

  it("shows staff the calendar of the account they opened, and nothing before they open one", async () => {
    const agent = browser();
    await agent.signIn("agent@sightline.example");
    expect((await agent.get("/api/v1/calendar")).status).toBe(403);
    expect((await agent.post("/staff/accounts", { tenantId: tenant("nordwind").id })).status).toBe(302);
    const cal = await getCalendar(agent);
    expect(cal.timeZone).toBe("Europe/Berlin");
  });
});

describe("GET /api/v1/calendar/periods", () => {
  it("bounds every stored order's fiscal week, period and quarter by its promised date, for every account", async () => {
    for (const t of DEMO_TENANTS) {
      const b = browser();
      await b.signIn(`admin@${t.emailDomain}`);
      const rows = (
        await handle.db.execute<{ fy: number; fq: number; fp: number; fw: number; promised: string }>(
          sql`select fiscal_year as fy, fiscal_quarter as fq, fiscal_period as fp, fiscal_week as fw,
                promised_date::text as promised
              from orders where tenant_id = ${t.id} and fiscal_year is not null`,
        )
      ).rows;
      expect(rows.length, t.slug).toBeGreaterThan(0);
      const years = new Map<number, ReturnType<typeof fiscalYearResponseSchema.parse>>();
      for (const fy of new Set(rows.map((r) => r.fy))) {
        const res = await b.get(`/api/v1/calendar/periods?year=${fy}`);
        expect(res.status).toBe(200);
        years.set(fy, fiscalYearResponseSchema.parse(((await res.json()) as { data: unknown }).data));
      }
      for (const r of rows) {
        const y = years.get(r.fy)!;
        const inside = (s: { start: string; end: string }) => s.start <= r.promised && r.promised <= s.end;
        expect(inside(y), `${t.slug} ${r.promised} in FY${r.fy}`).toBe(true);
        expect(inside(y.quarters[r.fq - 1]), `${t.slug} ${r.promised} Q${r.fq}`).toBe(true);
        expect(inside(y.periods[r.fp - 1]), `${t.slug} ${r.promised} P${r.fp}`).toBe(true);
        expect(inside(y.weeks.find((w) => w.week === r.fw)!), `${t.slug} ${r.promised} W${r.fw}`).toBe(true);
      }
    }
  }, 120_000);

  it("needs a four-digit year", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    for (const q of ["", "?year=26", "?year=abcd", "?year=1800"]) {
      const res = await b.get(`/api/v1/calendar/periods${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
