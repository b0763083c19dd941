// GET /api/v1/calendar and /api/v1/calendar/periods: the account's business calendar as stored,
// so a customer can check every SLA figure by hand (which hours count, which days are holidays,
// which fiscal period an order falls in). Read by any signed-in customer user, staff in an
// opened account, and embed tokens with sla:read.
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { tenantCalendars } from "#db/schema/index";
import { fiscalPeriodOf, fiscalYearStructure, holidaysBetween, localDate } from "#app/domain/calendar/index";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { WEEKDAY_KEYS } from "#app/domain/calendar/types";
import type { Tier } from "#app/domain/escalations/approval";
import { ESCALATION_SEVERITIES } from "#app/domain/escalations/workflow";
import { describeFiscal, WEEKDAY_NAMES } from "#app/domain/sla/describe";
import type { ApiPrincipal } from "#app/server/api/principal.server";
import { loadTargets } from "#app/server/escalations/sla.server";
import { problems } from "#app/server/http/problem.server";
import { loadTenantCalendar, type TenantCalendar } from "#app/server/calendar/tenant-calendar.server";
import { withTenant, type Tx } from "#app/server/tenant-db.server";
import { apiJson } from "#app/server/api/respond.server";
import {
  calendarQuerySchema,
  calendarResponseSchema,
  fiscalYearEnvelopeSchema,
  MAX_HOLIDAY_DAYS,
  periodsQuerySchema,
  type CalendarVersionView,
  type CalendarView,
  type FiscalYearView,
} from "./api-schema";

export { MAX_HOLIDAY_DAYS };

/** `errors` keyed by query parameter, as every /api/v1 query error (the document's Problem schema). */
function badQuery(error: z.ZodError): Response {
  const errors: Record<string, string> = {};
  for (const i of error.issues) errors[String(i.path[0] ?? "query")] ??= i.message;
  return problems.badRequest(Object.values(errors).join(" "), { errors });
}

function pick(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([k]) => keys.includes(k)));
}

/** Stored versions with the time each was in force (until the next one was saved). */
async function listVersions(tx: Tx, tenantId: string, active: TenantCalendar): Promise<CalendarVersionView[]> {
  const rows = await tx
    .select({
      version: tenantCalendars.version,
      label: tenantCalendars.label,
      createdAt: tenantCalendars.createdAt,
      createdBy: tenantCalendars.createdBy,
    })
    .from(tenantCalendars)
    .where(eq(tenantCalendars.tenantId, tenantId))
    .orderBy(desc(tenantCalendars.version));
  if (rows.length === 0) {
    return [
      {
        version: 0,
        label: active.label,
        createdAt: null,
        createdBy: null,
        validFrom: null,
        validTo: null,
        active: true,
      },
    ];
  }
  return rows.map((r, i) => ({
    version: r.version,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    // The oldest version applies from the start; later ones from when they were saved.
    validFrom: i === rows.length - 1 ? null : r.createdAt.toISOString(),
    validTo: i === 0 ? null : rows[i - 1].createdAt.toISOString(),
    active: i === 0,
  }));
}

export function calendarView(
  def: CalendarDefinition,
  head: { version: number; label: string },
  range: { from: string; to: string },
): Omit<CalendarView, "escalationHours" | "versions"> {
  const f = def.fiscal;
  return {
    version: head.version,
    label: head.label,
    timeZone: def.timeZone,
    weekStart: def.weekStart,
    alwaysOpen: def.always === true,
    weeklyHours: WEEKDAY_KEYS.map((k) => ({
      weekday: Number(k),
      name: WEEKDAY_NAMES[Number(k) as 1],
      intervals: def.weeklyHours[k].map((iv) => ({ start: iv.start, end: iv.end })),
    })),
    holidays: {
      country: def.holidays?.country ?? null,
      region: def.holidays?.region ?? null,
      from: range.from,
      to: range.to,
      dates: def.holidays ? holidaysBetween(def, range.from, range.to) : [],
    },
    closures: def.closures.map((c) => ({ date: c.date, start: c.start ?? null, end: c.end ?? null, label: c.label })),
    extraWorkingDays: def.extraWorkingDays.map((d) => ({
      date: d.date,
      intervals: d.intervals.map((iv) => ({ start: iv.start, end: iv.end })),
      label: d.label,
    })),
    fiscal: {
      kind: f.kind,
      startMonth: f.kind === "calendar" ? f.startMonth : null,
      yearEnd: f.kind === "calendar" ? null : { ...f.yearEnd },
      naming: f.naming ?? "end",
      description: describeFiscal(f),
    },
  };
}

/** Default holiday range: 1 January last year to 31 December this year (local). */
function defaultRange(def: CalendarDefinition, now = Date.now()) {
  const year = Number(localDate(def, now).slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year}-12-31` };
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The calendar in force, with holidays for a range and every version, for a principal. */
export async function readCalendar(
  p: Pick<ApiPrincipal, "db" | "tenant">,
  range?: { from?: string; to?: string },
): Promise<CalendarView> {
  return withTenant(p.db, async (tx) => {
    const cal = await loadTenantCalendar(tx, p.tenant);
    const fallback = defaultRange(cal.definition);
    const r = { from: range?.from ?? fallback.from, to: range?.to ?? fallback.to };
    const targets = await loadTargets(tx, p.tenant.id, p.tenant.tier as Tier);
    return {
      ...calendarView(cal.definition, cal, r),
      escalationHours: {
        tier: p.tenant.tier,
        severities: ESCALATION_SEVERITIES.map((severity) => ({
          severity,
          firstResponseMinutes: targets[severity].firstResponseMinutes,
          resolutionMinutes: targets[severity].resolutionMinutes,
          clock:
            targets[severity].twentyFourSeven || cal.definition.always
              ? ("24x7" as const)
              : ("business-hours" as const),
        })),
      },
      versions: await listVersions(tx, p.tenant.id, cal),
    };
  });
}

export async function apiCalendar(p: ApiPrincipal, params: URLSearchParams): Promise<Response> {
  const parsed = calendarQuerySchema.safeParse(pick(params, ["from", "to"]));
  if (!parsed.success) return badQuery(parsed.error);
  const { from, to } = parsed.data;
  if ((from === undefined) !== (to === undefined)) {
    return problems.badRequest("Send both from and to (YYYY-MM-DD), or neither for last year and this year.");
  }
  if (from && to) {
    if (to < from) return problems.badRequest("to is before from.");
    if (daysBetween(from, to) > MAX_HOLIDAY_DAYS) {
      return problems.badRequest(`Ask for at most ${MAX_HOLIDAY_DAYS} days of holidays at a time.`);
    }
  }
  const view = await readCalendar(p, from && to ? { from, to } : undefined);
  return apiJson(calendarResponseSchema, { data: view });
}

/** Every week, period and quarter of the current fiscal year of the calendar in force. */
export async function readCurrentFiscalYear(
  p: Pick<ApiPrincipal, "db" | "tenant">,
  now = Date.now(),
): Promise<FiscalYearView> {
  const cal = await withTenant(p.db, (tx) => loadTenantCalendar(tx, p.tenant));
  return fiscalYearStructure(cal.definition, fiscalPeriodOf(cal.definition, now).fiscalYear);
}

export async function apiCalendarPeriods(p: ApiPrincipal, params: URLSearchParams): Promise<Response> {
  const parsed = periodsQuerySchema.safeParse(pick(params, ["year"]));
  if (!parsed.success) return badQuery(parsed.error);
  const cal = await withTenant(p.db, (tx) => loadTenantCalendar(tx, p.tenant));
  const data = { version: cal.version, ...fiscalYearStructure(cal.definition, parsed.data.year) };
  return apiJson(fiscalYearEnvelopeSchema, { data });
}
