// Calendar settings for customer admins: read the current calendar with previews, and save a
// new version (validated by the calendar engine; nothing is written when it is invalid), which
// queues a recompute of the tenant's stored metrics.
import { localized, type Localized } from "#app/i18n/localized";
import { createFormatter } from "#app/i18n/format";
import { DEFAULT_LOCALE } from "#app/i18n/locales";
import { desc, eq, sql } from "drizzle-orm";
import { tenantCalendars } from "#db/schema/index";
import {
  fiscalPeriodOf,
  holidayCountries,
  holidayRegions,
  holidaysBetween,
  localDate,
  startOfLocalDate,
  validateCalendar,
  workingIntervalsBetween,
} from "#app/domain/calendar/index";
import type { CalendarDefinition, FiscalDefinition, WeekdayKey } from "#app/domain/calendar/types";
import { WEEKDAY_KEYS } from "#app/domain/calendar/types";
import { describeCalendar } from "#app/domain/sla/describe";
import { addDays } from "#app/domain/sla/metrics";
import { recordAudit } from "../audit.server";
import type { CustomerContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { withTenant } from "../tenant-db.server";
import { compilePreview, forgetTenantCalendars, loadTenantCalendar } from "./tenant-calendar.server";
import { enqueueRecompute, kickRecompute, recentJobs, type JobView } from "../sla/metrics.server";

export interface CalendarVersionRow {
  version: number;
  label: string;
  createdBy: string | null;
  createdAt: string;
}

export interface CalendarPreview {
  /** This week's working intervals per local date, as "HH:MM–HH:MM" in the calendar's zone. */
  week: { date: string; weekday: string; intervals: string[]; minutes: number }[];
  currentPeriod: {
    label: string;
    fiscalYear: number;
    quarter: number;
    period: number;
    week: number;
    start: string;
    end: string;
  };
  holidays: { date: string; name: string }[];
}

export interface CalendarSettings {
  version: number;
  label: string;
  definition: CalendarDefinition;
  versions: CalendarVersionRow[];
  jobs: JobView[];
  preview: CalendarPreview;
  countries: { code: string; name: string }[];
  regions: { code: string; name: string }[];
}

const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Working hours as wall-clock times in the calendar's zone (the page names the zone once). */
function hhmm(t: number, zone: string): string {
  return createFormatter(DEFAULT_LOCALE, zone).clock(t);
}

/** "This week's working hours", the current fiscal period and the next 12 months' holidays. */
export function previewCalendar(def: CalendarDefinition, now = Date.now()): CalendarPreview {
  const { compiled } = compilePreview(def);
  const today = localDate(compiled, now);
  const todayWeekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const back = (todayWeekday - def.weekStart + 7) % 7;
  const first = addDays(today, -back);
  const week = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(first, i);
    const from = startOfLocalDate(compiled, date);
    const to = startOfLocalDate(compiled, addDays(date, 1));
    const ivs = workingIntervalsBetween(compiled, from, to);
    const wd = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    return {
      date,
      weekday: WEEKDAY_SHORT[wd - 1],
      intervals: ivs.map(
        (iv) => `${hhmm(iv.start, def.timeZone)}–${iv.end === to ? "24:00" : hhmm(iv.end, def.timeZone)}`,
      ),
      minutes: Math.round(ivs.reduce((s, iv) => s + (iv.end - iv.start), 0) / 60_000),
    };
  });
  const p = fiscalPeriodOf(compiled, now);
  return {
    week,
    currentPeriod: {
      label: p.label,
      fiscalYear: p.fiscalYear,
      quarter: p.quarter,
      period: p.period,
      week: p.week,
      start: p.start,
      end: p.end,
    },
    holidays: holidaysBetween(def, today, addDays(today, 365)),
  };
}

function sortedEntries(rec: Record<string, string>): { code: string; name: string }[] {
  return Object.entries(rec)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function holidayRegionList(country: string): { code: string; name: string }[] {
  return /^[A-Za-z]{2}$/.test(country) ? sortedEntries(holidayRegions(country)) : [];
}

export async function calendarSettings(ctx: CustomerContext): Promise<CalendarSettings> {
  return withTenant(ctx.db, async (tx) => {
    const cal = await loadTenantCalendar(tx, ctx.tenant);
    const versions = await tx
      .select({
        version: tenantCalendars.version,
        label: tenantCalendars.label,
        createdBy: tenantCalendars.createdBy,
        createdAt: tenantCalendars.createdAt,
      })
      .from(tenantCalendars)
      .where(eq(tenantCalendars.tenantId, ctx.tenant.id))
      .orderBy(desc(tenantCalendars.version));
    const jobs = await recentJobs(tx, ctx.tenant.id, 5);
    return {
      version: cal.version,
      label: cal.label,
      definition: cal.definition,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
      jobs,
      preview: previewCalendar(cal.definition),
      countries: sortedEntries(holidayCountries()),
      regions: holidayRegionList(cal.definition.holidays?.country ?? ""),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The settings form -> a definition (shape only; validateCalendar decides what is valid).

const MAX_ROWS = 200;

function indices(form: FormData, prefix: string, suffix: string): number[] {
  const out = new Set<number>();
  for (const key of form.keys()) {
    if (!key.startsWith(prefix) || !key.endsWith(suffix)) continue;
    const n = Number(key.slice(prefix.length, key.length - suffix.length));
    if (Number.isInteger(n) && n >= 0 && n < MAX_ROWS) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

const text = (form: FormData, key: string): string => {
  const v = form.get(key);
  return typeof v === "string" ? v.trim() : "";
};

const int = (form: FormData, key: string): number => {
  const v = text(form, key);
  return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
};

/**
 * Reads the settings form. Field names are the validator's error paths, so each error lands
 * next to its field: timeZone, weekStart, always, weeklyHours.<1-7>.<i>.start|end,
 * holidays.country, holidays.region, closures.<i>.date|start|end|label, fiscal.kind,
 * fiscal.startMonth, fiscal.naming, fiscal.yearEnd.rule|weekday|month.
 */
export function definitionFromForm(form: FormData, keep: Pick<CalendarDefinition, "extraWorkingDays">): unknown {
  const weeklyHours = {} as Record<WeekdayKey, { start: string; end: string }[]>;
  for (const k of WEEKDAY_KEYS) {
    weeklyHours[k] = indices(form, `weeklyHours.${k}.`, ".start").map((i) => ({
      start: text(form, `weeklyHours.${k}.${i}.start`),
      end: text(form, `weeklyHours.${k}.${i}.end`),
    }));
  }
  const country = text(form, "holidays.country").toUpperCase();
  const region = text(form, "holidays.region").toUpperCase();
  const closures = indices(form, "closures.", ".date").map((i) => {
    const start = text(form, `closures.${i}.start`);
    const end = text(form, `closures.${i}.end`);
    return {
      date: text(form, `closures.${i}.date`),
      ...(start || end ? { start, end } : {}),
      label: text(form, `closures.${i}.label`) || "Closed",
    };
  });
  const kind = text(form, "fiscal.kind");
  const naming = text(form, "fiscal.naming") || "end";
  const fiscal =
    kind === "calendar"
      ? { kind, startMonth: int(form, "fiscal.startMonth"), naming }
      : {
          kind,
          yearEnd: {
            rule: text(form, "fiscal.yearEnd.rule"),
            weekday: int(form, "fiscal.yearEnd.weekday"),
            month: int(form, "fiscal.yearEnd.month"),
          },
          naming,
        };
  return {
    timeZone: text(form, "timeZone"),
    weekStart: int(form, "weekStart"),
    weeklyHours,
    holidays: country ? { country, ...(region ? { region } : {}) } : null,
    closures,
    // The editor marks that it sent the list; a form without it keeps the days of the version in use.
    extraWorkingDays: form.has("extraWorkingDays.sent") ? extraDaysFromForm(form) : keep.extraWorkingDays,
    fiscal: fiscal as unknown as FiscalDefinition,
    ...(form.get("always") === "on" ? { always: true } : {}),
  };
}

/**
 * Extra working days as the editor sends them: extraWorkingDays.<i>.date|label and .hours, a
 * list like "06:00-11:00, 12:00-15:00". Text that is not HH:MM-HH:MM is passed on as it is, so
 * the validator reports it next to the field.
 */
function extraDaysFromForm(form: FormData): unknown[] {
  return indices(form, "extraWorkingDays.", ".date").map((i) => {
    const hours = text(form, `extraWorkingDays.${i}.hours`);
    const intervals = hours
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
        const pad = (t: string) => (t.length === 4 ? `0${t}` : t);
        return m ? { start: pad(m[1]), end: pad(m[2]) } : { start: part, end: "" };
      });
    return {
      date: text(form, `extraWorkingDays.${i}.date`),
      intervals,
      label: text(form, `extraWorkingDays.${i}.label`) || "Extra working day",
    };
  });
}

export type SaveOutcome =
  | { ok: true; version: number; message: Localized }
  | { ok: false; errors: Record<string, Localized>; message: Localized };

/** Validates and stores a new calendar version, then queues the recompute. Admin-only (route guard). */
export async function saveCalendar(ctx: CustomerContext, info: RequestInfo, input: unknown): Promise<SaveOutcome> {
  const check = validateCalendar(input);
  if (!check.ok) {
    return { ok: false, errors: check.errors, message: localized("calendar.settings.result.notSaved") };
  }
  const definition = input as CalendarDefinition;
  try {
    const version = await withTenant(ctx.db, async (tx) => {
      const [{ next }] = (
        await tx.execute<{ next: number }>(
          sql`select coalesce(max(version), 0)::int + 1 as next from tenant_calendars where tenant_id = ${ctx.tenant.id}`,
        )
      ).rows;
      await tx.insert(tenantCalendars).values({
        tenantId: ctx.tenant.id,
        version: next,
        definition: definition as unknown as Record<string, unknown>,
        label: describeCalendar(definition),
        createdBy: ctx.user.email,
      });
      forgetTenantCalendars(tx, ctx.tenant.id);
      await enqueueRecompute(tx, ctx.tenant.id, next);
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        actorLabel: ctx.user.email,
        action: "calendar.saved",
        targetType: "calendar",
        targetId: String(next),
        detail: { version: next, label: describeCalendar(definition) },
        request: info,
      });
      return next;
    });
    kickRecompute();
    return {
      ok: true,
      version,
      message: localized("calendar.settings.result.saved", { version }),
    };
  } catch (err) {
    // Two admins saving at once: the second insert hits the (tenant, version) key.
    if ((err as { code?: string }).code === "23505" || /duplicate key/.test((err as Error).message)) {
      return {
        ok: false,
        errors: {},
        message: localized("calendar.settings.result.conflict"),
      };
    }
    throw err;
  }
}
