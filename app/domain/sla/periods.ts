// Fiscal period selection for scorecards: keys such as FY2026, FY2026-Q2, FY2026-P03, FY2026-W07
// and relative choices (this-period, last-quarter, ...). The same strings are used by the SLA
// page, the scorecard API (`period=`) and the order-list drill-down (`fiscal=`).
import { addDays, type FiscalKeys } from "./metrics";

export const GRANULARITIES = ["week", "period", "quarter", "year"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface PeriodKey {
  granularity: Granularity;
  fiscalYear: number;
  /** Week, period or quarter number; 0 for a year. */
  index: number;
}

const KEY_RE = /^FY(\d{4})(?:-(Q|P|W)(\d{1,2}))?$/;
const LETTER: Record<Exclude<Granularity, "year">, string> = { week: "W", period: "P", quarter: "Q" };
const MAX_INDEX: Record<Exclude<Granularity, "year">, number> = { week: 54, period: 13, quarter: 4 };

export function formatPeriodKey(k: PeriodKey): string {
  if (k.granularity === "year") return `FY${k.fiscalYear}`;
  const n = k.granularity === "quarter" ? String(k.index) : String(k.index).padStart(2, "0");
  return `FY${k.fiscalYear}-${LETTER[k.granularity]}${n}`;
}

/** Parses a period key; null when it is not one (the caller answers 400 / shows a message). */
export function parsePeriodKey(text: string): PeriodKey | null {
  const m = KEY_RE.exec(text.trim().toUpperCase());
  if (!m) return null;
  const fiscalYear = Number(m[1]);
  if (fiscalYear < 1970 || fiscalYear > 2200) return null;
  if (!m[2]) return { granularity: "year", fiscalYear, index: 0 };
  const granularity = m[2] === "Q" ? "quarter" : m[2] === "P" ? "period" : "week";
  const index = Number(m[3]);
  if (index < 1 || index > MAX_INDEX[granularity]) return null;
  return { granularity, fiscalYear, index };
}

export type PeriodSelection =
  { kind: "relative"; which: "this" | "last"; granularity: Granularity } | { kind: "key"; key: PeriodKey };

const RELATIVE_RE = /^(this|last)-(week|period|quarter|year)$/;

/** `this-period`, `last-quarter`, ... or an explicit key. Null when neither. */
export function parsePeriodSelection(text: string): PeriodSelection | null {
  const rel = RELATIVE_RE.exec(text.trim().toLowerCase());
  if (rel) return { kind: "relative", which: rel[1] as "this" | "last", granularity: rel[2] as Granularity };
  const key = parsePeriodKey(text);
  return key ? { kind: "key", key } : null;
}

/** What resolving a relative selection needs from the tenant's fiscal calendar. */
export interface FiscalLookup {
  /** Today's local date in the tenant's zone. */
  today: string;
  keysOfDate(date: string): FiscalKeys;
  /** Number of fiscal periods in a fiscal year (12 for months and 4-4-5 style calendars). */
  periodsInYear(fiscalYear: number): number;
}

export function resolvePeriod(sel: PeriodSelection, cal: FiscalLookup): PeriodKey {
  if (sel.kind === "key") return sel.key;
  const now = cal.keysOfDate(cal.today);
  const g = sel.granularity;
  if (sel.which === "this") {
    const index = g === "year" ? 0 : g === "quarter" ? now.quarter : g === "period" ? now.period : now.week;
    return { granularity: g, fiscalYear: now.fiscalYear, index };
  }
  switch (g) {
    case "year":
      return { granularity: g, fiscalYear: now.fiscalYear - 1, index: 0 };
    case "quarter":
      return now.quarter > 1
        ? { granularity: g, fiscalYear: now.fiscalYear, index: now.quarter - 1 }
        : { granularity: g, fiscalYear: now.fiscalYear - 1, index: 4 };
    case "period":
      return now.period > 1
        ? { granularity: g, fiscalYear: now.fiscalYear, index: now.period - 1 }
        : { granularity: g, fiscalYear: now.fiscalYear - 1, index: cal.periodsInYear(now.fiscalYear - 1) };
    case "week": {
      const prev = cal.keysOfDate(addDays(cal.today, -7));
      return { granularity: g, fiscalYear: prev.fiscalYear, index: prev.week };
    }
  }
}

/** The `n` fiscal periods ending with `last` (inclusive), oldest first. */
export function precedingPeriods(
  last: { fiscalYear: number; period: number },
  n: number,
  periodsInYear: (fiscalYear: number) => number,
): { fiscalYear: number; period: number }[] {
  const out: { fiscalYear: number; period: number }[] = [];
  let { fiscalYear, period } = last;
  for (let i = 0; i < n; i++) {
    out.unshift({ fiscalYear, period });
    period -= 1;
    if (period < 1) {
      fiscalYear -= 1;
      period = periodsInYear(fiscalYear);
    }
  }
  return out;
}
