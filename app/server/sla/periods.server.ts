// Fiscal periods of a tenant's compiled calendar: resolving a selection (this-quarter,
// FY2026-P03, ...) to its date span and label, and listing choices for the period picker.
import { fiscalPeriodOfDate, fiscalPeriodsOfYear, localDate } from "#app/domain/calendar/index";
import type { CompiledCalendar, FiscalPeriodInfo } from "#app/domain/calendar/types";
import { addDays } from "#app/domain/sla/metrics";
import {
  formatPeriodKey,
  precedingPeriods,
  resolvePeriod,
  type FiscalLookup,
  type Granularity,
  type PeriodKey,
  type PeriodSelection,
} from "#app/domain/sla/periods";

export interface ResolvedPeriod {
  key: PeriodKey;
  /** e.g. "FY2026-P03": the value of `period=` and of the drill-down's `fiscal=`. */
  id: string;
  label: string;
  granularity: Granularity;
  /** Local dates, inclusive. */
  start: string;
  end: string;
}

export function fiscalLookup(cal: CompiledCalendar, now = Date.now()): FiscalLookup {
  return {
    today: localDate(cal, now),
    keysOfDate: (date) => {
      const p = fiscalPeriodOfDate(cal, date);
      return { fiscalYear: p.fiscalYear, quarter: p.quarter, period: p.period, week: p.week };
    },
    periodsInYear: (fy) => fiscalPeriodsOfYear(cal, fy).length,
  };
}

function periodsOf(cal: CompiledCalendar, fy: number): FiscalPeriodInfo[] {
  try {
    return fiscalPeriodsOfYear(cal, fy);
  } catch {
    return []; // outside what the calendar covers
  }
}

/** The span and label of a period key, or null when the tenant's calendar has no such period. */
export function periodSpan(cal: CompiledCalendar, key: PeriodKey): ResolvedPeriod | null {
  const periods = periodsOf(cal, key.fiscalYear);
  if (periods.length === 0) return null;
  const id = formatPeriodKey(key);
  const base = { key, id, granularity: key.granularity };
  switch (key.granularity) {
    case "year":
      return { ...base, label: `FY${key.fiscalYear}`, start: periods[0].start, end: periods[periods.length - 1].end };
    case "quarter": {
      const q = periods.filter((p) => p.quarter === key.index);
      if (q.length === 0) return null;
      return { ...base, label: `FY${key.fiscalYear} Q${key.index}`, start: q[0].start, end: q[q.length - 1].end };
    }
    case "period": {
      const p = periods.find((x) => x.period === key.index);
      return p ? { ...base, label: p.label, start: p.start, end: p.end } : null;
    }
    case "week": {
      // Weeks are at most 7 days: week n starts within a few days of year start + 7(n-1) days.
      const yearStart = periods[0].start;
      const yearEnd = periods[periods.length - 1].end;
      let d = addDays(yearStart, Math.max(0, 7 * (key.index - 2)));
      for (let i = 0; i < 21 && d <= yearEnd; i++, d = addDays(d, 1)) {
        const pos = fiscalPeriodOfDate(cal, d);
        if (pos.fiscalYear === key.fiscalYear && pos.week === key.index) {
          const label = `FY${key.fiscalYear} W${String(key.index).padStart(2, "0")}`;
          return { ...base, label, start: pos.weekSpan.start, end: pos.weekSpan.end };
        }
      }
      return null;
    }
  }
}

export function resolveSelection(cal: CompiledCalendar, sel: PeriodSelection, now = Date.now()): ResolvedPeriod | null {
  return periodSpan(cal, resolvePeriod(sel, fiscalLookup(cal, now)));
}

/** The last fiscal period (month) of a resolved period: the trend ends there. */
export function lastPeriodOf(cal: CompiledCalendar, p: ResolvedPeriod): { fiscalYear: number; period: number } {
  const pos = fiscalPeriodOfDate(cal, p.end);
  return { fiscalYear: pos.fiscalYear, period: pos.period };
}

export interface TrendSlot {
  granularity: "period" | "week";
  fiscalYear: number;
  /** Period (1-12) or week number, by granularity. */
  index: number;
  id: string;
  label: string;
  /** Local dates, inclusive. */
  start: string;
  end: string;
}

/** The n fiscal periods up to and including `last`, oldest first. */
export function trendSlots(cal: CompiledCalendar, last: { fiscalYear: number; period: number }, n = 12): TrendSlot[] {
  return precedingPeriods(last, n, (fy) => periodsOf(cal, fy).length || 12).map((s) => {
    const info = periodsOf(cal, s.fiscalYear).find((p) => p.period === s.period);
    return {
      granularity: "period",
      fiscalYear: s.fiscalYear,
      index: s.period,
      id: formatPeriodKey({ granularity: "period", fiscalYear: s.fiscalYear, index: s.period }),
      label: info?.label ?? `FY${s.fiscalYear} P${String(s.period).padStart(2, "0")}`,
      start: info?.start ?? "",
      end: info?.end ?? "",
    };
  });
}

/** The n fiscal weeks up to and including the week containing `lastDate`, oldest first. */
export function weekTrendSlots(cal: CompiledCalendar, lastDate: string, n = 12): TrendSlot[] {
  const out: TrendSlot[] = [];
  let date = lastDate;
  for (let i = 0; i < n; i++) {
    const pos = fiscalPeriodOfDate(cal, date);
    const key = { granularity: "week" as const, fiscalYear: pos.fiscalYear, index: pos.week };
    out.unshift({
      granularity: "week",
      fiscalYear: pos.fiscalYear,
      index: pos.week,
      id: formatPeriodKey(key),
      label: `FY${pos.fiscalYear} W${String(pos.week).padStart(2, "0")}`,
      start: pos.weekSpan.start,
      end: pos.weekSpan.end,
    });
    date = addDays(pos.weekSpan.start, -1);
  }
  return out;
}

export interface PeriodChoice {
  id: string;
  label: string;
}

/** Choices for the "custom" picker: this and the previous fiscal year's periods, quarters and years. */
export function periodChoices(cal: CompiledCalendar, now = Date.now()): Record<Granularity, PeriodChoice[]> {
  const lookup = fiscalLookup(cal, now);
  const today = lookup.keysOfDate(lookup.today);
  const years = [today.fiscalYear, today.fiscalYear - 1];
  const out: Record<Granularity, PeriodChoice[]> = { week: [], period: [], quarter: [], year: [] };
  for (const fy of years) {
    const periods = periodsOf(cal, fy);
    if (periods.length === 0) continue;
    out.year.push({ id: `FY${fy}`, label: `FY${fy} (${periods[0].start} – ${periods[periods.length - 1].end})` });
    for (let q = 4; q >= 1; q--) {
      const ps = periods.filter((p) => p.quarter === q);
      if (ps.length === 0 || (fy === today.fiscalYear && q > today.quarter)) continue;
      out.quarter.push({ id: `FY${fy}-Q${q}`, label: `FY${fy} Q${q} (${ps[0].start} – ${ps[ps.length - 1].end})` });
    }
    for (const p of [...periods].reverse()) {
      if (fy === today.fiscalYear && p.period > today.period) continue;
      out.period.push({
        id: formatPeriodKey({ granularity: "period", fiscalYear: fy, index: p.period }),
        label: `${p.label} (${p.start} – ${p.end})`,
      });
    }
  }
  // The last 26 weeks, newest first.
  let d = lookup.today;
  const seen = new Set<string>();
  for (let i = 0; i < 26; i++, d = addDays(d, -7)) {
    const pos = fiscalPeriodOfDate(cal, d);
    const id = formatPeriodKey({ granularity: "week", fiscalYear: pos.fiscalYear, index: pos.week });
    if (seen.has(id)) continue;
    seen.add(id);
    out.week.push({
      id,
      label: `FY${pos.fiscalYear} W${String(pos.week).padStart(2, "0")} (${pos.weekSpan.start} – ${pos.weekSpan.end})`,
    });
  }
  return out;
}
