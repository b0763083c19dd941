// The one formatting module: every date, time, duration, number, percentage and amount the
// portal, the widgets, e-mails and exports show goes through a Formatter. Pure (Intl only), so
// the server and the browser produce the same text and the widgets can bundle it.
//
// The rules, applied everywhere:
// - Dates spell the month ("1 Dec 2026", "1. Dez. 2026", "2026年12月1日"): never ambiguous
//   between day-first and month-first readers.
// - Times are 24-hour and always name their zone by UTC offset ("14:30 GMT-6"): the same form for
//   every zone and every locale, unlike abbreviations ("CST" for Chicago but "GMT+9" for Tokyo).
// - Calendar dates ("YYYY-MM-DD", already in the customer's calendar) are never shifted by a zone.
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/** The Intl locale each catalogue locale formats with. English is international English. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", de: "de-DE", ja: "ja-JP" };

/** What a missing value prints. */
export const EMPTY = "—";

// Building an Intl formatter costs ~0.1 ms, using one ~2 µs: a 50-row list formats hundreds of
// values per render, so formatters are built once per (locale, options) and reused.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => F,
): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    // Options come from code, zones and currencies from data: bounded, but keep a cap.
    if (cache.size > 500) cache.clear();
    cache.set(key, f);
  }
  return f;
}

const dtf = (locale: string, o: Intl.DateTimeFormatOptions) =>
  cached("dt", locale, o, () => new Intl.DateTimeFormat(locale, o));
const nf = (locale: string, o: Intl.NumberFormatOptions) =>
  cached("nf", locale, o, () => new Intl.NumberFormat(locale, o));
const rtf = (locale: string, o: Intl.RelativeTimeFormatOptions) =>
  cached("rt", locale, o, () => new Intl.RelativeTimeFormat(locale, o));

export type Instant = string | number | Date;

export function toDate(value: Instant | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-12-01" (or an ISO string starting with one) as midnight UTC, or null. */
export function calendarDay(value: string | null | undefined): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

function validZone(timeZone: string): string {
  try {
    dtf("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * ICU versions disagree on which space they print: Node here (ICU 78) joins a date range with thin
 * spaces ("22 Nov\u2009–\u200926 Dec"), Chromium with plain ones, and older browsers print a plain
 * space where newer ones put a narrow no-break space before "PM". A page is rendered on the server
 * and hydrated in the browser from the same data, so any difference is a hydration mismatch: React
 * then throws the server HTML away and renders the whole document again in the browser (clicks and
 * reads meanwhile hit detached elements). Both spaces become a plain one, so the text is the same
 * everywhere.
 */
export function sameEverywhere(text: string): string {
  return text.replace(/[\u2009\u202f]/g, " ");
}

// The rules as Intl options, exported for the widgets' formatter (widgets/src/core/format.ts), which
// applies them without bundling the whole Formatter.
export const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
export const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
export const ZONE: Intl.DateTimeFormatOptions = { timeZoneName: "shortOffset" };

/** Hours and minutes in each locale's usual abbreviations ("2 h 15 min", "2 Std. 15 Min.", "2時間15分"). */
const DURATION: Record<Locale, { h: string; min: string; sep: string }> = {
  en: { h: "h", min: "min", sep: " " },
  de: { h: "Std.", min: "Min.", sep: " " },
  ja: { h: "時間", min: "分", sep: "" },
};

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export interface Formatter {
  readonly locale: Locale;
  readonly timeZone: string;
  /** The same rules in another zone (e.g. the account's local time beside the viewer's). */
  inZone(timeZone: string): Formatter;
  /** The day an instant falls on in the zone: "1 Dec 2026". */
  date(instant: Instant | null | undefined): string;
  /** A calendar date ("2026-12-01") as written, no zone shift: "1 Dec 2026". */
  calendarDate(ymd: string | null | undefined): string;
  /** A calendar date with its weekday: "Tue, 1 Dec 2026". */
  weekdayDate(ymd: string | null | undefined): string;
  /** Two calendar dates as one range: "1–30 Nov 2026". */
  dateRange(startYmd: string, endYmd: string): string;
  /** A month (1–12) by its short name ("Nov", "Nov.", "11月") or its full name ("November"). */
  monthName(month: number, width?: "short" | "long"): string;
  /** An ISO weekday (1 = Monday … 7 = Sunday) by its short ("Mon", "Mo.", "月") or full name. */
  weekdayName(isoDay: number, width?: "short" | "long"): string;
  /**
   * A wall-clock time in the formatter's zone without the zone ("09:00"): only where the zone is
   * stated once for a whole table of hours (working hours of a calendar).
   */
  clock(instant: Instant | null | undefined): string;
  /** Time of day with the zone: "14:30 GMT-6". */
  time(instant: Instant | null | undefined): string;
  /** Date, time and zone: "1 Dec 2026, 14:30 GMT-6". */
  dateTime(instant: Instant | null | undefined): string;
  /**
   * The same instant in another zone ("2 Dec 2026, 05:30 GMT+9" beside this zone's time), or null
   * when that zone's clocks read the same as this one's then (nothing worth showing twice).
   */
  dateTimeIn(instant: Instant | null | undefined, otherZone: string): string | null;
  /** The zone's name at an instant (default now): "GMT-6". */
  zoneName(instant?: Instant): string;
  /** "in 3 hours", "2 days ago", "now" (under a minute). */
  relative(instant: Instant | null | undefined, now: Instant): string;
  /** Whole minutes as hours and minutes: "2 h 15 min", "45 min". */
  duration(minutes: number | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A number with exactly this many decimals ("92.30", "92,30"): figures read side by side. */
  fixed(value: number | null | undefined, fractionDigits: number): string;
  /** A ratio (0.923) as a percentage: "92.3%"; `fixed` keeps trailing zeros ("92.30%") for figures read side by side. */
  percent(ratio: number | null | undefined, maximumFractionDigits?: number, fixed?: boolean): string;
  /** An amount in a currency: "€1,234.50", "1.234,50 €", "US$1,234.50". */
  money(amount: string | number | null | undefined, currency: string): string;
}

export function createFormatter(locale: string, timeZone: string): Formatter {
  const loc: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const intl = INTL_LOCALE[loc];
  const tz = validZone(timeZone);
  // Japanese date ranges from Intl fall back to "2026/11/01～2026/11/30": join two dates instead.
  const range = (a: Date, b: Date) =>
    loc === "ja"
      ? `${dtf(intl, { ...DATE, timeZone: "UTC" }).format(a)}～${dtf(intl, { ...DATE, timeZone: "UTC" }).format(b)}`
      : sameEverywhere(dtf(intl, { ...DATE, timeZone: "UTC" }).formatRange(a, b));

  const f: Formatter = {
    locale: loc,
    timeZone: tz,
    inZone: (other) => createFormatter(loc, other),
    date(instant) {
      const d = toDate(instant);
      return d ? sameEverywhere(dtf(intl, { ...DATE, timeZone: tz }).format(d)) : EMPTY;
    },
    calendarDate(ymd) {
      const d = calendarDay(ymd);
      return d ? sameEverywhere(dtf(intl, { ...DATE, timeZone: "UTC" }).format(d)) : EMPTY;
    },
    weekdayDate(ymd) {
      const d = calendarDay(ymd);
      return d ? sameEverywhere(dtf(intl, { ...DATE, weekday: "short", timeZone: "UTC" }).format(d)) : EMPTY;
    },
    monthName(month, width = "short") {
      return dtf(intl, { month: width, timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
    },
    weekdayName(isoDay, width = "short") {
      // 3 Jan 2000 was a Monday.
      return dtf(intl, { weekday: width, timeZone: "UTC" }).format(new Date(Date.UTC(2000, 0, 2 + isoDay)));
    },
    dateRange(startYmd, endYmd) {
      const a = calendarDay(startYmd);
      const b = calendarDay(endYmd);
      if (!a || !b) return EMPTY;
      return a.getTime() === b.getTime() ? f.calendarDate(startYmd) : range(a, b);
    },
    clock(instant) {
      const d = toDate(instant);
      return d ? sameEverywhere(dtf(intl, { ...TIME, timeZone: tz }).format(d)) : EMPTY;
    },
    time(instant) {
      const d = toDate(instant);
      return d ? sameEverywhere(dtf(intl, { ...TIME, ...ZONE, timeZone: tz }).format(d)) : EMPTY;
    },
    dateTime(instant) {
      const d = toDate(instant);
      return d ? sameEverywhere(dtf(intl, { ...DATE, ...TIME, ...ZONE, timeZone: tz }).format(d)) : EMPTY;
    },
    dateTimeIn(instant, otherZone) {
      if (!toDate(instant)) return null;
      const there = createFormatter(loc, otherZone).dateTime(instant);
      return there === f.dateTime(instant) ? null : there;
    },
    zoneName(instant = Date.now()) {
      const d = toDate(instant) ?? new Date();
      const part = dtf(intl, { ...ZONE, timeZone: tz })
        .formatToParts(d)
        .find((p) => p.type === "timeZoneName");
      return sameEverywhere(part?.value ?? tz);
    },
    relative(instant, now) {
      const d = toDate(instant);
      const n = toDate(now);
      if (!d || !n) return EMPTY;
      const diff = d.getTime() - n.getTime();
      const abs = Math.abs(diff);
      const fmt = rtf(intl, { numeric: "auto" });
      for (const [unit, ms] of RELATIVE_UNITS) {
        if (abs >= ms) return sameEverywhere(fmt.format(Math.round(diff / ms), unit));
      }
      return sameEverywhere(fmt.format(0, "second"));
    },
    duration(minutes) {
      if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return EMPTY;
      const total = Math.round(Math.abs(minutes));
      const h = Math.floor(total / 60);
      const m = total % 60;
      const u = DURATION[loc];
      const n = (v: number) => nf(intl, { maximumFractionDigits: 0 }).format(v);
      const sign = minutes < 0 ? "−" : "";
      const hours = `${n(h)}${u.sep}${u.h}`;
      const mins = `${n(m)}${u.sep}${u.min}`;
      if (h === 0) return sign + mins;
      return sign + (m === 0 ? hours : `${hours} ${mins}`);
    },
    number(value, maximumFractionDigits = 1) {
      if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
      return sameEverywhere(nf(intl, { maximumFractionDigits }).format(value));
    },
    fixed(value, fractionDigits) {
      if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
      return nf(intl, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
    },
    percent(ratio, maximumFractionDigits = 1, fixed = false) {
      if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return EMPTY;
      const minimumFractionDigits = fixed ? maximumFractionDigits : 0;
      return sameEverywhere(nf(intl, { style: "percent", minimumFractionDigits, maximumFractionDigits }).format(ratio));
    },
    money(amount, currency) {
      if (amount === null || amount === undefined || amount === "") return EMPTY;
      const n = typeof amount === "number" ? amount : Number(amount);
      if (!Number.isFinite(n)) return EMPTY;
      try {
        return sameEverywhere(nf(intl, { style: "currency", currency }).format(n));
      } catch {
        // An unknown currency code from data: show the amount and the code rather than fail.
        return `${nf(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
      }
    },
  };
  return f;
}
