// The business calendar an escalation's SLA runs on. Until tenants store their own calendar,
// it is derived from the tenant row: its time zone, Mon-Fri 08:00-17:00, and the public
// holidays of its country/region. calendarForTenant() is the one place to swap in the stored one.
import Holidays from "date-holidays";
import { Temporal } from "temporal-polyfill";
import type { BusinessClock } from "../../domain/escalations/sla";

export interface TenantCalendarSource {
  id: string;
  timeZone: string;
  country: string;
  region: string | null;
}

/** ISO weekday (1 = Monday) -> working intervals as "HH:MM" pairs. */
export interface CalendarDefinition {
  timeZone: string;
  weeklyHours: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, { start: string; end: string }[]>;
  holidays: { country: string; region?: string };
  closures: { date: string; start?: string; end?: string }[];
  twentyFourSeven: boolean;
}

const OFFICE = [{ start: "08:00", end: "17:00" }];

export function calendarForTenant(tenant: TenantCalendarSource): CalendarDefinition {
  return {
    timeZone: tenant.timeZone,
    weeklyHours: { 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE, 6: [], 7: [] },
    holidays: { country: tenant.country, ...(tenant.region ? { region: tenant.region } : {}) },
    closures: [],
    twentyFourSeven: false,
  };
}

// Day-by-day evaluation: a working day contributes its intervals clipped to the span. Spans in
// the SLA are days to weeks long, so this stays cheap; results are cached per calendar.
function compile(def: CalendarDefinition): BusinessClock {
  const hd = def.holidays.region
    ? new Holidays(def.holidays.country, def.holidays.region)
    : new Holidays(def.holidays.country);
  const holidayYears = new Map<number, Set<string>>();
  const isHoliday = (d: Temporal.PlainDate) => {
    let set = holidayYears.get(d.year);
    if (!set) {
      set = new Set((hd.getHolidays(d.year) || []).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
      holidayYears.set(d.year, set);
    }
    return set.has(d.toString()) || def.closures.some((c) => c.date === d.toString() && !c.start);
  };
  const intervals = (d: Temporal.PlainDate): [number, number][] => {
    if (isHoliday(d)) return [];
    const hours = def.weeklyHours[d.dayOfWeek as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? [];
    return hours.map(({ start, end }) => [
      d.toZonedDateTime({ timeZone: def.timeZone, plainTime: Temporal.PlainTime.from(start) }).epochMilliseconds,
      d.toZonedDateTime({ timeZone: def.timeZone, plainTime: Temporal.PlainTime.from(end) }).epochMilliseconds,
    ]);
  };
  const dateOf = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(def.timeZone).toPlainDate();
  const MAX_DAYS = 3 * 366;
  return {
    minutesBetween(a, b) {
      if (def.twentyFourSeven) return Math.max(0, (b.getTime() - a.getTime()) / 60_000);
      const from = a.getTime();
      const to = b.getTime();
      if (to <= from) return 0;
      let total = 0;
      let day = dateOf(from);
      const last = dateOf(to);
      for (let i = 0; Temporal.PlainDate.compare(day, last) <= 0 && i < MAX_DAYS; i++) {
        for (const [s, e] of intervals(day)) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
        day = day.add({ days: 1 });
      }
      return total / 60_000;
    },
    addMinutes(t, minutes) {
      if (def.twentyFourSeven) return new Date(t.getTime() + minutes * 60_000);
      let left = minutes * 60_000;
      const from = t.getTime();
      if (left <= 0) return new Date(from);
      let day = dateOf(from);
      for (let i = 0; i < MAX_DAYS; i++) {
        for (const [s, e] of intervals(day)) {
          const start = Math.max(s, from);
          if (e <= start) continue;
          if (e - start >= left) return new Date(start + left);
          left -= e - start;
        }
        day = day.add({ days: 1 });
      }
      throw new Error("addMinutes: no working time within three years");
    },
  };
}

const cache = new Map<string, BusinessClock>();

/** The tenant's business clock (cached per calendar definition). */
export function clockForTenant(tenant: TenantCalendarSource): BusinessClock {
  const def = calendarForTenant(tenant);
  const key = JSON.stringify(def);
  let clock = cache.get(key);
  if (!clock) {
    clock = compile(def);
    cache.set(key, clock);
  }
  return clock;
}
