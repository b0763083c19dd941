// Demo SLA data: each demo customer's stored business calendar (version 1, believable for the
// customer) and the SLA metrics of every seeded order, computed in TypeScript and written in
// batches through the owner connection. Targets come from the tier defaults (no sla_targets row).
import { sql } from "drizzle-orm";
import { metricCalendarOf } from "#app/domain/sla/calendar-adapter";
import { compileCalendar } from "#app/domain/calendar/index";
import type { CalendarDefinition, TimeInterval, WeekdayKey } from "#app/domain/calendar/types";
import { describeCalendar } from "#app/domain/sla/describe";
import { TIER_DEFAULT_TARGETS } from "#app/domain/sla/targets";
import { computeRows, loadFacts, writeMetrics } from "../sla-metrics-store";
import type { Tx } from "../client";
import type { DbHandle } from "../client";
import { metricJobs, tenantCalendars } from "../schema/index";
import type { TenantTier } from "../schema/tenancy";
import { DEMO_TENANTS } from "./demo-tenants";

function week(days: Partial<Record<WeekdayKey, TimeInterval[]>>): Record<WeekdayKey, TimeInterval[]> {
  return { "1": [], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [], ...days };
}

const same = (hours: TimeInterval[], ...days: WeekdayKey[]) =>
  Object.fromEntries(days.map((d) => [d, hours])) as Partial<Record<WeekdayKey, TimeInterval[]>>;

/** The demo customers' calendars. `year` anchors closures to the seeding year. */
export function demoCalendars(year: number): Record<string, CalendarDefinition> {
  return {
    // US manufacturer: two shifts on weekdays, 4-4-5 fiscal year ending the last Saturday of December.
    acme: {
      timeZone: "America/Chicago",
      weekStart: 7,
      weeklyHours: week(same([{ start: "06:00", end: "22:00" }], "1", "2", "3", "4", "5")),
      holidays: { country: "US" },
      closures: [
        { date: `${year}-12-24`, start: "12:00", end: "22:00", label: "Christmas Eve, early close" },
        { date: `${year}-07-03`, label: "Summer shutdown" },
      ],
      extraWorkingDays: [],
      fiscal: { kind: "445", yearEnd: { rule: "last", weekday: 6, month: 12 }, naming: "end" },
    },
    // Bavarian wholesaler: office hours with a lunch break, Bavarian holidays, calendar-month fiscal year.
    nordwind: {
      timeZone: "Europe/Berlin",
      weekStart: 1,
      weeklyHours: week({
        ...same(
          [
            { start: "07:30", end: "12:00" },
            { start: "12:45", end: "16:30" },
          ],
          "1",
          "2",
          "3",
          "4",
        ),
        "5": [{ start: "07:30", end: "13:00" }],
      }),
      holidays: { country: "DE", region: "BY" },
      closures: [{ date: `${year}-12-31`, label: "Inventur (stocktake)" }],
      extraWorkingDays: [],
      fiscal: { kind: "calendar", startMonth: 1 },
    },
    // Japanese retailer: stores open six days, fiscal year April-March named by its starting year.
    sakura: {
      timeZone: "Asia/Tokyo",
      weekStart: 1,
      weeklyHours: week(same([{ start: "09:00", end: "18:00" }], "1", "2", "3", "4", "5", "6")),
      holidays: { country: "JP" },
      closures: [
        { date: `${year}-12-31`, label: "年末休業 (year-end closure)" },
        { date: `${year + 1}-01-02`, label: "年始休業 (new-year closure)" },
        { date: `${year + 1}-01-03`, label: "年始休業 (new-year closure)" },
      ],
      extraWorkingDays: [],
      fiscal: { kind: "calendar", startMonth: 4, naming: "start" },
    },
    // NSW food producer: early shifts, Saturday mornings, Australian fiscal year July-June.
    southerncross: {
      timeZone: "Australia/Sydney",
      weekStart: 1,
      weeklyHours: week({
        ...same([{ start: "05:30", end: "14:00" }], "1", "2", "3", "4", "5"),
        "6": [{ start: "06:00", end: "11:00" }],
      }),
      holidays: { country: "AU", region: "NSW" },
      closures: [],
      extraWorkingDays: [],
      fiscal: { kind: "calendar", startMonth: 7, naming: "end" },
    },
    // Indian components maker: six-day week, fiscal year April-March (FY named by its end year).
    deccan: {
      timeZone: "Asia/Kolkata",
      weekStart: 1,
      weeklyHours: week(same([{ start: "09:30", end: "18:00" }], "1", "2", "3", "4", "5", "6")),
      holidays: { country: "IN" },
      closures: [{ date: `${year}-11-09`, label: "Diwali plant maintenance" }],
      extraWorkingDays: [],
      fiscal: { kind: "calendar", startMonth: 4, naming: "end" },
    },
  };
}

const BATCH = 5_000;

/**
 * Computes and stores the SLA metrics of every order of a tenant under `definition` as
 * `version`, through the owner connection. Also usable for benchmark tenants.
 */
export async function seedTenantMetrics(
  handle: DbHandle,
  tenant: { id: string; tier: TenantTier },
  definition: CalendarDefinition,
  version: number,
): Promise<number> {
  const year = new Date().getUTCFullYear();
  const compiled = compileCalendar(definition, { fromYear: year - 6, toYear: year + 3 });
  const targets = TIER_DEFAULT_TARGETS[tenant.tier];
  const ctx = {
    calendar: { version, metric: metricCalendarOf(compiled) },
    policy: { onTimeToleranceDays: targets.onTimeToleranceDays, inFullTolerancePct: targets.inFullTolerancePct },
  };
  let lastId: string | null = null;
  let done = 0;
  for (;;) {
    const ids: string[] = await handle.db.transaction(async (owner) => {
      const tx = owner as unknown as Tx;
      const facts = await loadFacts(tx, tenant.id, lastId ? sql`o.id > ${lastId}::uuid` : sql`true`, { limit: BATCH });
      await writeMetrics(tx, tenant.id, version, computeRows(facts, ctx));
      return facts.map((f) => f.id);
    });
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1];
    done += ids.length;
  }
  await handle.db.insert(metricJobs).values({
    tenantId: tenant.id,
    calendarVersion: version,
    status: "done",
    total: done,
    done,
    finishedAt: new Date(),
    active: false,
  });
  return done;
}

/** Stores each demo tenant's calendar (version 1) and computes its orders' metrics. */
export async function seedSlaDemo(handle: DbHandle, progress: (line: string) => void = () => undefined): Promise<void> {
  const calendars = demoCalendars(new Date().getUTCFullYear());
  for (const t of DEMO_TENANTS) {
    const definition = calendars[t.slug];
    if (!definition) continue;
    await handle.db.insert(tenantCalendars).values({
      tenantId: t.id,
      version: 1,
      definition: definition as unknown as Record<string, unknown>,
      label: describeCalendar(definition),
      createdBy: "seed",
    });
    const started = Date.now();
    const n = await seedTenantMetrics(handle, t, definition, 1);
    progress(`  ${t.name}: SLA metrics for ${n} orders (${Date.now() - started} ms)`);
  }
  await handle.exec("ANALYZE orders");
}
