// The calendar a tenant starts with before an admin edits it: Mon-Fri 08:00-17:00 in the tenant's
// zone, the public holidays of its country/region, and calendar-month fiscal years starting in the
// month customary in that country (April in Japan and India, July in Australia, January elsewhere;
// Japanese fiscal years are named by the year they start in, the others by the year they end in).
import { holidaySourceProblem, normaliseRegion } from "./holidays";
import { isKnownTimeZone } from "./time";
import type { CalendarDefinition, IsoWeekday, TenantCalendarSeed, TimeInterval } from "./types";

const FISCAL_START_MONTH: Record<string, number> = { JP: 4, IN: 4, GB: 4, AU: 7, NZ: 4, CA: 1, US: 1, DE: 1 };
const SUNDAY_FIRST = new Set(["US", "CA", "JP", "IN", "BR", "MX", "IL"]);

export function defaultCalendarFor(tenant: TenantCalendarSeed): CalendarDefinition {
  const office = (): TimeInterval[] => [{ start: "08:00", end: "17:00" }];
  const country = (tenant.country ?? "").trim().toUpperCase();
  let holidays: CalendarDefinition["holidays"] = null;
  if (country && !holidaySourceProblem({ country })) {
    const region = normaliseRegion(country, tenant.region);
    holidays = region && !holidaySourceProblem({ country, region }) ? { country, region } : { country };
  }
  return {
    timeZone: isKnownTimeZone(tenant.timeZone) ? tenant.timeZone : "UTC",
    weekStart: (SUNDAY_FIRST.has(country) ? 7 : 1) as IsoWeekday,
    weeklyHours: { "1": office(), "2": office(), "3": office(), "4": office(), "5": office(), "6": [], "7": [] },
    holidays,
    closures: [],
    extraWorkingDays: [],
    fiscal: {
      kind: "calendar",
      startMonth: FISCAL_START_MONTH[country] ?? 1,
      naming: country === "JP" ? "start" : "end",
    },
  };
}
