// Adapts a compiled business calendar (app/domain/calendar) to what the metrics need.
import { businessMinutesBetween, fiscalPeriodOfDate, localDate, startOfLocalDate } from "../calendar/index";
import type { CompiledCalendar } from "../calendar/types";
import type { FiscalKeys, MetricCalendar } from "./metrics";

export function metricCalendarOf(compiled: CompiledCalendar): MetricCalendar {
  // Many orders share a promised date: fiscal keys are looked up once per date.
  const fiscalCache = new Map<string, FiscalKeys>();
  return {
    localDate: (t) => localDate(compiled, t),
    startOfLocalDate: (date) => startOfLocalDate(compiled, date),
    businessMinutesBetween: (a, b) => {
      if (b <= a) return 0;
      // Instants outside the compiled range (a decade around today) are clamped to it.
      const lo = Math.max(compiled.rangeStart, a);
      const hi = Math.min(compiled.rangeEnd, b);
      return hi <= lo ? 0 : businessMinutesBetween(compiled, lo, hi);
    },
    fiscalKeysOfDate: (date) => {
      let k = fiscalCache.get(date);
      if (!k) {
        const p = fiscalPeriodOfDate(compiled, date);
        k = { fiscalYear: p.fiscalYear, quarter: p.quarter, period: p.period, week: p.week };
        fiscalCache.set(date, k);
      }
      return k;
    },
  };
}
