// Types of the business calendar engine. A CalendarDefinition is plain JSON (stored in
// tenant_calendars.definition); a CompiledCalendar is the in-memory, per-version lookup structure.
import type { Localized } from "#app/i18n/localized";

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type WeekdayKey = "1" | "2" | "3" | "4" | "5" | "6" | "7";
export const WEEKDAY_KEYS: readonly WeekdayKey[] = ["1", "2", "3", "4", "5", "6", "7"];

/**
 * A working interval in local wall-clock time, "HH:MM" (24 h). `end` may be "24:00".
 * `end` earlier than `start` means the interval crosses midnight and ends on the next day
 * (an overnight shift belongs to the day it starts on). `start === end` is invalid (empty).
 */
export interface TimeInterval {
  start: string;
  end: string;
}

/** Public holidays of a country (ISO 3166-1 alpha-2, e.g. "DE") and optional region ("BY" or "DE-BY"). */
export interface HolidaySource {
  country: string;
  region?: string;
}

/** A custom closure: the whole local day, or the part [start, end) of it when both are given. */
export interface Closure {
  date: string;
  start?: string;
  end?: string;
  label: string;
}

/** A date that works the given intervals instead of its weekday's hours, even on a holiday. */
export interface ExtraWorkingDay {
  date: string;
  intervals: TimeInterval[];
  label: string;
}

/**
 * How fiscal years are named: "end" = by the calendar year in which the fiscal year ends
 * (FY2026 = Jul 2025 - Jun 2026; the default), "start" = by the year in which it starts
 * (US retail / NRF style: FY2023 = 29 Jan 2023 - 3 Feb 2024).
 */
export type FiscalNaming = "end" | "start";

export interface FiscalYearEndRule {
  /** "last": the last `weekday` of `month`; "nearest": the `weekday` nearest to the last day of `month`. */
  rule: "last" | "nearest";
  weekday: IsoWeekday;
  /** 1..12 */
  month: number;
}

export type FiscalDefinition =
  | { kind: "calendar"; /** First month of the fiscal year, 1..12. */ startMonth: number; naming?: FiscalNaming }
  | { kind: "445" | "454" | "544"; yearEnd: FiscalYearEndRule; naming?: FiscalNaming };

export interface CalendarDefinition {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** First day of a calendar week (ISO weekday), used for weeks in month-based fiscal years and previews. */
  weekStart: IsoWeekday;
  /** Working intervals per ISO weekday ("1" = Monday). Empty list = not a working day. */
  weeklyHours: Record<WeekdayKey, TimeInterval[]>;
  /** Public holidays (date-holidays, type "public") or null for none. */
  holidays: HolidaySource | null;
  closures: Closure[];
  extraWorkingDays: ExtraWorkingDay[];
  fiscal: FiscalDefinition;
  /** 24x7: every instant is business time (weekly hours, holidays, closures and extra days are ignored). */
  always?: boolean;
}

/** Field-keyed catalogue messages (`calendar.validation.*`), worded where they are shown. */
export type ValidationResult = { ok: true } | { ok: false; errors: Record<string, Localized> };

export interface CompileOptions {
  /** First calendar year (local) covered, inclusive. */
  fromYear: number;
  /** Last calendar year (local) covered, inclusive. */
  toYear: number;
}

/**
 * A calendar compiled over [fromYear, toYear]: sorted, disjoint working intervals as epoch-ms
 * pairs plus the cumulative working milliseconds before each interval. Treat as read-only.
 */
export interface CompiledCalendar {
  readonly definition: CalendarDefinition;
  readonly fromYear: number;
  readonly toYear: number;
  /** First instant covered (local midnight starting 1 Jan fromYear). */
  readonly rangeStart: number;
  /** End of the covered range, exclusive (local midnight starting 1 Jan toYear+1). */
  readonly rangeEnd: number;
  /** Interval starts (epoch ms), ascending. */
  readonly starts: Float64Array;
  /** Interval ends (epoch ms, exclusive). */
  readonly ends: Float64Array;
  /** cum[i] = working ms in all intervals before interval i; cum has length n + 1. */
  readonly cum: Float64Array;
}

/** A local-date range, both ends inclusive, plus the instants it spans (end exclusive). */
export interface DateSpan {
  /** "YYYY-MM-DD", first day. */
  start: string;
  /** "YYYY-MM-DD", last day (inclusive). */
  end: string;
  /** Epoch ms of local midnight starting `start`. */
  startInstant: number;
  /** Epoch ms of local midnight after `end` (exclusive). */
  endInstant: number;
}

/** Where an instant or date falls in the fiscal calendar. `start`/`end` are those of the period. */
export interface FiscalPosition extends DateSpan {
  fiscalYear: number;
  /** 1..4 */
  quarter: number;
  /** 1..12 (fiscal month / 4-4-5 period). */
  period: number;
  /** 1..53 (weekly fiscal years) or 1..54 (month-based: partial first/last weeks aligned to weekStart). */
  week: number;
  /** e.g. "FY2026 P03 (Sep)" or "FY2026 P03". */
  label: string;
  year: DateSpan;
  quarterSpan: DateSpan;
  weekSpan: DateSpan;
}

/** One fiscal period (month) of a year, as listed by fiscalPeriodsOfYear. */
export interface FiscalPeriodInfo extends DateSpan {
  fiscalYear: number;
  quarter: number;
  period: number;
  /** Number of weeks (weekly fiscal calendars); for month-based calendars the days / 7 rounded up. */
  weeks: number;
  label: string;
}

export interface Holiday {
  date: string;
  name: string;
}

export interface TenantCalendarSeed {
  timeZone: string;
  country: string | null;
  region: string | null;
}
