// Fiscal calendars: calendar months from a start month, or 4-4-5 / 4-5-4 / 5-4-4 weeks with a
// year-end rule. Pure date arithmetic on day numbers; the zone only turns dates into instants.
//
// Naming (FiscalDefinition.naming): "end" (default) names a fiscal year by the calendar year in
// which it ends - for weekly calendars, the year of the year-end rule's month, even when "nearest"
// puts the last day a few days into the next month or year. "start" names it by the year in which
// it starts (the year of its first month), the US retail (NRF) convention.
// Weekly calendars have 52 weeks, or 53 when the year-end rule gives 371 days; the extra week goes
// into the last period (P12), which then has 5 or 6 weeks. Quarters are 3 periods.
// Month-based calendars: periods are months, quarters 3 months; weeks are aligned to weekStart and
// clipped to the fiscal year, so week 1 and the last week may be partial (up to 54 weeks).
import { localDate, startOfLocalDate } from "./compile";
import { dateToDays, daysFromYmd, daysToDate, monthOfDays, weekdayOfDays, weeklyYearEnd, yearOfDays } from "./time";
import type {
  CalendarDefinition,
  CompiledCalendar,
  DateSpan,
  FiscalDefinition,
  FiscalPeriodInfo,
  FiscalPosition,
} from "./types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PATTERNS: Record<"445" | "454" | "544", number[]> = { "445": [4, 4, 5], "454": [4, 5, 4], "544": [5, 4, 4] };

type CalendarLike = CompiledCalendar | CalendarDefinition;

function definitionOf(cal: CalendarLike): CalendarDefinition {
  return "starts" in cal ? cal.definition : cal;
}

interface PeriodDays {
  startDay: number;
  endDay: number;
  weeks: number;
  month: number | null;
}

interface YearDays {
  fiscalYear: number;
  startDay: number;
  endDay: number;
  periods: PeriodDays[];
}

function yearDays(fiscal: FiscalDefinition, fiscalYear: number): YearDays {
  const naming = fiscal.naming ?? "end";
  if (fiscal.kind === "calendar") {
    const s = fiscal.startMonth;
    const firstCalYear = naming === "start" || s === 1 ? fiscalYear : fiscalYear - 1;
    const periods: PeriodDays[] = [];
    for (let i = 0; i < 12; i++) {
      const startDay = daysFromYmd(firstCalYear, s + i, 1);
      const endDay = daysFromYmd(firstCalYear, s + i + 1, 1) - 1;
      periods.push({ startDay, endDay, weeks: Math.ceil((endDay - startDay + 1) / 7), month: ((s + i - 1) % 12) + 1 });
    }
    return { fiscalYear, startDay: periods[0].startDay, endDay: periods[11].endDay, periods };
  }
  const rule = fiscal.yearEnd;
  const anchor = naming === "start" && rule.month !== 12 ? fiscalYear + 1 : fiscalYear;
  const startDay = weeklyYearEnd(rule, anchor - 1) + 1;
  const endDay = weeklyYearEnd(rule, anchor);
  const totalWeeks = Math.round((endDay - startDay + 1) / 7);
  const pattern = PATTERNS[fiscal.kind];
  const periods: PeriodDays[] = [];
  let day = startDay;
  for (let i = 0; i < 12; i++) {
    const weeks = pattern[i % 3] + (i === 11 ? totalWeeks - 52 : 0);
    periods.push({ startDay: day, endDay: day + weeks * 7 - 1, weeks, month: null });
    day += weeks * 7;
  }
  return { fiscalYear, startDay, endDay, periods };
}

/** The fiscal year (its name) that contains a day number. */
function fiscalYearOfDay(fiscal: FiscalDefinition, day: number): number {
  const naming = fiscal.naming ?? "end";
  const y = yearOfDays(day);
  if (fiscal.kind === "calendar") {
    const s = fiscal.startMonth;
    const firstCalYear = monthOfDays(day) >= s ? y : y - 1;
    return naming === "start" || s === 1 ? firstCalYear : firstCalYear + 1;
  }
  const rule = fiscal.yearEnd;
  let anchor = y;
  if (day > weeklyYearEnd(rule, anchor)) anchor++;
  else if (day <= weeklyYearEnd(rule, anchor - 1)) anchor--;
  return naming === "start" && rule.month !== 12 ? anchor - 1 : anchor;
}

const yearCache = new WeakMap<object, Map<number, YearDays>>();

function cachedYear(cal: CalendarLike, fiscalYear: number): YearDays {
  let perCal = yearCache.get(cal);
  if (!perCal) {
    perCal = new Map();
    yearCache.set(cal, perCal);
  }
  let y = perCal.get(fiscalYear);
  if (!y) {
    y = yearDays(definitionOf(cal).fiscal, fiscalYear);
    perCal.set(fiscalYear, y);
  }
  return y;
}

function span(cal: CalendarLike, startDay: number, endDay: number): DateSpan {
  const start = daysToDate(startDay);
  const end = daysToDate(endDay);
  return {
    start,
    end,
    startInstant: startOfLocalDate(cal, start),
    endInstant: startOfLocalDate(cal, daysToDate(endDay + 1)),
  };
}

function periodLabel(fiscalYear: number, period: number, month: number | null): string {
  const base = `FY${fiscalYear} P${String(period).padStart(2, "0")}`;
  return month === null ? base : `${base} (${MONTHS[month - 1]})`;
}

function checkYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2200) {
    throw new RangeError(`fiscal year must be a whole number between 1900 and 2200, got ${fiscalYear}`);
  }
}

/** Fiscal year, quarter, period (with its date span) and week of a local date "YYYY-MM-DD". */
export function fiscalPeriodOfDate(cal: CalendarLike, date: string): FiscalPosition {
  const def = definitionOf(cal);
  const day = dateToDays(date);
  const fiscalYear = fiscalYearOfDay(def.fiscal, day);
  checkYear(fiscalYear);
  const year = cachedYear(cal, fiscalYear);
  const index = year.periods.findIndex((p) => day >= p.startDay && day <= p.endDay);
  const p = year.periods[index];
  const period = index + 1;
  const quarter = Math.ceil(period / 3);
  let week: number;
  let weekStartDay: number;
  let weekEndDay: number;
  if (def.fiscal.kind === "calendar") {
    const offset = (weekdayOfDays(year.startDay) - def.weekStart + 7) % 7;
    week = Math.floor((day - year.startDay + offset) / 7) + 1;
    const unclipped = year.startDay - offset + (week - 1) * 7;
    weekStartDay = Math.max(year.startDay, unclipped);
    weekEndDay = Math.min(year.endDay, unclipped + 6);
  } else {
    week = Math.floor((day - year.startDay) / 7) + 1;
    weekStartDay = year.startDay + (week - 1) * 7;
    weekEndDay = weekStartDay + 6;
  }
  const q = year.periods.slice((quarter - 1) * 3, quarter * 3);
  return {
    fiscalYear,
    quarter,
    period,
    week,
    label: periodLabel(fiscalYear, period, p.month),
    ...span(cal, p.startDay, p.endDay),
    year: span(cal, year.startDay, year.endDay),
    quarterSpan: span(cal, q[0].startDay, q[2].endDay),
    weekSpan: span(cal, weekStartDay, weekEndDay),
  };
}

/** fiscalPeriodOfDate of the instant's local date in the calendar's zone. */
export function fiscalPeriodOf(cal: CalendarLike, t: number): FiscalPosition {
  return fiscalPeriodOfDate(cal, localDate(cal, t));
}

/** The 12 periods of a fiscal year, in order. */
export function fiscalPeriodsOfYear(cal: CalendarLike, fiscalYear: number): FiscalPeriodInfo[] {
  checkYear(fiscalYear);
  const year = cachedYear(cal, fiscalYear);
  return year.periods.map((p, i) => ({
    fiscalYear,
    quarter: Math.ceil((i + 1) / 3),
    period: i + 1,
    weeks: p.weeks,
    label: periodLabel(fiscalYear, i + 1, p.month),
    ...span(cal, p.startDay, p.endDay),
  }));
}

/** First and last day of a fiscal year, and its number of weeks (52/53 weekly; days/7 rounded up otherwise). */
export function fiscalYearSpan(
  cal: CalendarLike,
  fiscalYear: number,
): DateSpan & { fiscalYear: number; weeks: number } {
  checkYear(fiscalYear);
  const year = cachedYear(cal, fiscalYear);
  return {
    fiscalYear,
    weeks: Math.ceil((year.endDay - year.startDay + 1) / 7),
    ...span(cal, year.startDay, year.endDay),
  };
}
