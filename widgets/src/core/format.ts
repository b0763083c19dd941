// Dates and numbers in the widgets by the portal's rules (app/i18n/format.ts, whose options and
// helpers this imports, so the rules cannot drift): dates spell the month, times are 24-hour and
// name their zone by UTC offset ("1 Dec 2026, 14:30 GMT-6"), calendar dates are never shifted.
// Only what the widgets show is here, so the bundle does not carry the whole Formatter; the test
// beside this file checks every function against the portal's Formatter.
import {
  DATE,
  EMPTY,
  INTL_LOCALE,
  TIME,
  ZONE,
  calendarDay,
  sameEverywhere,
  toDate,
  type Formatter,
  type Instant,
} from "../../../app/i18n/format";
import type { Locale } from "../../../app/i18n/locales";

export type WidgetFormat = Pick<Formatter, "dateTime" | "calendarDate" | "dateRange" | "monthName" | "percent"> & {
  /** A number with at most one decimal ("30.3", "30,3"). */
  number(value: number | null | undefined): string;
};

const made = new Map<string, WidgetFormat>();

/** The formatter for a locale and the customer's zone (UTC when unknown or invalid). */
export function widgetFormat(locale: Locale, timeZone = "UTC"): WidgetFormat {
  const key = `${locale}|${timeZone}`;
  let f = made.get(key);
  if (f) return f;
  const intl = INTL_LOCALE[locale];
  const dtf = (o: Intl.DateTimeFormatOptions, tz: string) => new Intl.DateTimeFormat(intl, { ...o, timeZone: tz });
  let at: Intl.DateTimeFormat;
  try {
    at = dtf({ ...DATE, ...TIME, ...ZONE }, timeZone);
  } catch {
    at = dtf({ ...DATE, ...TIME, ...ZONE }, "UTC");
  }
  const day = dtf(DATE, "UTC");
  const num = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(intl, o);
  const one = num({ maximumFractionDigits: 1 });
  const pct = num({ style: "percent", maximumFractionDigits: 1 });
  const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);
  const text = (d: Date | null, fmt: Intl.DateTimeFormat) => (d ? sameEverywhere(fmt.format(d)) : EMPTY);
  f = {
    dateTime: (i: Instant | null | undefined) => text(toDate(i), at),
    calendarDate: (ymd) => text(calendarDay(ymd), day),
    dateRange(a, b) {
      const x = calendarDay(a);
      const y = calendarDay(b);
      if (!x || !y) return EMPTY;
      if (x.getTime() === y.getTime()) return text(x, day);
      // As the portal: Intl's Japanese range is "2026/11/01～2026/11/30", so two dates are joined.
      return locale === "ja" ? `${text(x, day)}～${text(y, day)}` : sameEverywhere(day.formatRange(x, y));
    },
    monthName: (month, width = "short") => dtf({ month: width }, "UTC").format(new Date(Date.UTC(2000, month - 1, 1))),
    number: (v) => (finite(v) ? sameEverywhere(one.format(v)) : EMPTY),
    percent: (v) => (finite(v) ? sameEverywhere(pct.format(v)) : EMPTY),
  };
  made.set(key, f);
  return f;
}

/** A code with no catalogue text ("claim_filed" from a newer API): "Claim filed". */
export function humanize(code: string | null | undefined): string {
  if (!code) return EMPTY;
  const s = code.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}
