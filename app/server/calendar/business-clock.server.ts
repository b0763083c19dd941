// The business clock an escalation's SLA runs on: the tenant's stored calendar (latest version
// in tenant_calendars) or, for a tenant that never saved one, defaultCalendarFor(tenant) -- both
// loaded and compiled (cached per version) by tenant-calendar.server.ts, counted with the
// calendar engine in app/domain/calendar.
import { addBusinessMinutes, businessMinutesBetween } from "#app/domain/calendar/index";
import type { CompiledCalendar } from "#app/domain/calendar/types";
import type { BusinessClock } from "#app/domain/escalations/sla";
import { loadTenantCalendar, type TenantRef } from "./tenant-calendar.server";
import type { Tx } from "../tenant-db.server";

export type TenantCalendarSource = TenantRef;

/** A BusinessClock over a compiled calendar; instants outside its range count as wall-clock time. */
export function clockOf(cal: CompiledCalendar): BusinessClock {
  return {
    minutesBetween(a, b) {
      const from = a.getTime();
      const to = b.getTime();
      if (to <= from) return 0;
      const lo = Math.max(from, cal.rangeStart);
      const hi = Math.min(to, cal.rangeEnd);
      const inside = hi > lo ? businessMinutesBetween(cal, lo, hi) : 0;
      // Outside the compiled years (decades away) fall back to elapsed time rather than fail.
      const outside = Math.max(0, Math.min(to, cal.rangeStart) - from) + Math.max(0, to - Math.max(from, cal.rangeEnd));
      return inside + outside / 60_000;
    },
    addMinutes(t, minutes) {
      if (minutes <= 0) return new Date(t.getTime());
      const from = Math.max(t.getTime(), cal.rangeStart);
      if (from >= cal.rangeEnd) return new Date(t.getTime() + minutes * 60_000);
      const available = businessMinutesBetween(cal, from, cal.rangeEnd);
      if (minutes > available) return new Date(cal.rangeEnd + (minutes - available) * 60_000);
      return new Date(addBusinessMinutes(cal, from, minutes));
    },
  };
}

/** The tenant's business clock, inside a transaction whose role may read tenant_calendars. */
export async function clockForTenant(tx: Tx, tenant: TenantCalendarSource): Promise<BusinessClock> {
  const cal = await loadTenantCalendar(tx, tenant);
  return clockOf(cal.compiled);
}
