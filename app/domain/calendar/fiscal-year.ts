// The whole structure of one fiscal year: its bounds, quarters, periods and weeks, as customers
// need them to check which period an order counted in (GET /api/v1/calendar/periods).
import { fiscalPeriodOfDate, fiscalPeriodsOfYear, fiscalYearSpan } from "./fiscal";
import { dateToDays, daysToDate } from "./time";
import type { CalendarDefinition, CompiledCalendar } from "./types";

/** A span of local dates, both ends inclusive. */
export interface DateBounds {
  start: string;
  end: string;
}

export interface FiscalYearStructure extends DateBounds {
  fiscalYear: number;
  quarters: (DateBounds & { quarter: number })[];
  periods: (DateBounds & { period: number; quarter: number; label: string; weeks: number })[];
  /** Every fiscal week of the year; in month-based years the first and last week may be partial. */
  weeks: (DateBounds & { week: number })[];
}

/** Periods, quarters and weeks of fiscal year `fy`. Throws RangeError outside 1900-2200. */
export function fiscalYearStructure(cal: CompiledCalendar | CalendarDefinition, fy: number): FiscalYearStructure {
  const year = fiscalYearSpan(cal, fy);
  const periods = fiscalPeriodsOfYear(cal, fy);
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const inQuarter = periods.filter((p) => p.quarter === quarter);
    return { quarter, start: inQuarter[0].start, end: inQuarter[inQuarter.length - 1].end };
  });
  const weeks: FiscalYearStructure["weeks"] = [];
  // Walk week by week: each step jumps to the day after the week's last day.
  for (let day = year.start; day <= year.end;) {
    const pos = fiscalPeriodOfDate(cal, day);
    weeks.push({ week: pos.week, start: pos.weekSpan.start, end: pos.weekSpan.end });
    day = daysToDate(dateToDays(pos.weekSpan.end) + 1);
  }
  return {
    fiscalYear: fy,
    start: year.start,
    end: year.end,
    quarters,
    periods: periods.map((p) => ({
      period: p.period,
      quarter: p.quarter,
      label: p.label,
      weeks: p.weeks,
      start: p.start,
      end: p.end,
    })),
    weeks,
  };
}
