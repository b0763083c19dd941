// Compiling a calendar into sorted working intervals (epoch ms) with cumulative working time, and
// the queries on it: each is one or two binary searches over typed arrays.
import { Temporal } from "temporal-polyfill";
import { publicHolidaysOfYear } from "./holidays";
import {
  DAY_MS,
  MINUTE_MS,
  ZoneIndex,
  dateToDays,
  daysFromYmd,
  daysToDate,
  parseDate,
  parseHHMM,
  wallToInstantTemporal,
  weekdayOfDays,
} from "./time";
import type { CalendarDefinition, CompileOptions, CompiledCalendar, Holiday, WeekdayKey } from "./types";
import { calendarErrorText, validateCalendar } from "./validate";
import type { Localized } from "#app/i18n/localized";

/** Thrown by compileCalendar for a definition validateCalendar rejects; `errors` is field-keyed. */
export class InvalidCalendarError extends Error {
  constructor(readonly errors: Record<string, Localized>) {
    super(`invalid calendar: ${calendarErrorText(errors)}`);
    this.name = "InvalidCalendarError";
  }
}

const zones = new WeakMap<CompiledCalendar, ZoneIndex>();

/** Local minute ranges [start, end) of one day (end may pass 1440 for an overnight shift). */
type MinuteRange = [number, number];

function toMinuteRanges(list: readonly { start: string; end: string }[]): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const iv of list) {
    const s = parseHHMM(iv.start);
    let e = parseHHMM(iv.end);
    if (s === null || e === null || s === e) continue;
    if (e < s) e += 1440;
    out.push([s, e]);
  }
  return out;
}

/** Sorts and merges [start, end) pairs in place-style; touching intervals are joined. */
function mergePairs(pairs: [number, number][]): [number, number][] {
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) {
      if (p[1] > last[1]) last[1] = p[1];
    } else out.push([p[0], p[1]]);
  }
  return out;
}

/** intervals minus windows; both sorted and disjoint. */
function subtract(intervals: [number, number][], windows: [number, number][]): [number, number][] {
  if (windows.length === 0) return intervals;
  const out: [number, number][] = [];
  let w = 0;
  for (const [s0, e] of intervals) {
    let s = s0;
    while (w < windows.length && windows[w][1] <= s) w++;
    let k = w;
    while (k < windows.length && windows[k][0] < e) {
      if (windows[k][0] > s) out.push([s, windows[k][0]]);
      s = Math.max(s, windows[k][1]);
      if (s >= e) break;
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/**
 * Compiles a definition over the local calendar years [fromYear, toYear]. Per local date: an
 * extra working day's intervals, else nothing on a public holiday or whole-day closure, else the
 * weekday's intervals; an overnight shift belongs to the day it starts on. Wall-clock times become
 * instants with Temporal's disambiguation 'compatible' (a time inside a DST gap moves forward by
 * the gap, a repeated time takes its first occurrence), so 01:00-04:00 lasts 2 real hours on a
 * spring-forward night and 4 on a fall-back night; an interval whose end lands at or before its
 * start after that is dropped. Part-day closures are then cut out. Throws InvalidCalendarError.
 */
export function compileCalendar(def: CalendarDefinition, opts: CompileOptions): CompiledCalendar {
  const check = validateCalendar(def);
  if (!check.ok) throw new InvalidCalendarError(check.errors);
  const { fromYear, toYear } = opts;
  if (
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    fromYear > toYear ||
    fromYear < 1900 ||
    toYear > 2200
  ) {
    throw new RangeError(`compile range must be whole years with 1900 <= fromYear <= toYear <= 2200`);
  }
  const firstDay = daysFromYmd(fromYear, 1, 1);
  const lastDay = daysFromYmd(toYear, 12, 31);
  const zone = new ZoneIndex(def.timeZone, (firstDay - 3) * DAY_MS, (lastDay + 4) * DAY_MS);
  const rangeStart = zone.toInstant(firstDay * DAY_MS);
  const rangeEnd = zone.toInstant((lastDay + 1) * DAY_MS);

  let pairs: [number, number][];
  if (def.always) {
    pairs = [[rangeStart, rangeEnd]];
  } else {
    const holidays = new Set<number>();
    if (def.holidays) {
      for (let y = fromYear - 1; y <= toYear; y++) {
        for (const h of publicHolidaysOfYear(def.holidays, y)) holidays.add(dateToDays(h.date));
      }
    }
    const closedDays = new Set<number>();
    const windows: [number, number][] = [];
    for (const c of def.closures) {
      const day = dateToDays(c.date);
      const s = c.start === undefined ? null : parseHHMM(c.start);
      const e = c.end === undefined ? null : parseHHMM(c.end);
      if (s === null || e === null) closedDays.add(day);
      else windows.push([zone.toInstant(day * DAY_MS + s * MINUTE_MS), zone.toInstant(day * DAY_MS + e * MINUTE_MS)]);
    }
    const extras = new Map<number, MinuteRange[]>();
    for (const x of def.extraWorkingDays) extras.set(dateToDays(x.date), toMinuteRanges(x.intervals));
    const weekly = new Map<number, MinuteRange[]>();
    for (let wd = 1; wd <= 7; wd++) weekly.set(wd, toMinuteRanges(def.weeklyHours[String(wd) as WeekdayKey] ?? []));

    pairs = [];
    for (let day = firstDay - 1; day <= lastDay; day++) {
      const ranges =
        extras.get(day) ?? (holidays.has(day) || closedDays.has(day) ? [] : weekly.get(weekdayOfDays(day))!);
      for (const [s, e] of ranges) {
        const a = zone.toInstant(day * DAY_MS + s * MINUTE_MS);
        const b = zone.toInstant(day * DAY_MS + e * MINUTE_MS);
        if (b > a) pairs.push([a, b]);
      }
    }
    pairs = subtract(mergePairs(pairs), mergePairs(windows.filter(([a, b]) => b > a)));
  }

  const clipped: [number, number][] = [];
  for (const [a, b] of pairs) {
    const s = Math.max(a, rangeStart);
    const e = Math.min(b, rangeEnd);
    if (e > s) clipped.push([s, e]);
  }
  const n = clipped.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    starts[i] = clipped[i][0];
    ends[i] = clipped[i][1];
    cum[i + 1] = cum[i] + (ends[i] - starts[i]);
  }
  const compiled: CompiledCalendar = Object.freeze({
    definition: def,
    fromYear,
    toYear,
    rangeStart,
    rangeEnd,
    starts,
    ends,
    cum,
  });
  zones.set(compiled, zone);
  return compiled;
}

function describe(t: number): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
}

function assertInRange(cal: CompiledCalendar, t: number): void {
  if (!(t >= cal.rangeStart && t <= cal.rangeEnd)) {
    throw new RangeError(
      `instant ${describe(t)} is outside this compiled calendar (${cal.fromYear}-${cal.toYear} in ${cal.definition.timeZone}); compile a wider range`,
    );
  }
}

/** Index of the last interval starting at or before t, or -1. */
function lastStartAtOrBefore(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Working ms in [rangeStart, t). */
function workedBefore(cal: CompiledCalendar, t: number): number {
  const i = lastStartAtOrBefore(cal.starts, t);
  if (i < 0) return 0;
  const s = cal.starts[i];
  const e = cal.ends[i];
  return cal.cum[i] + (t < e ? t - s : e - s);
}

/**
 * Working minutes between two instants (epoch ms): positive when b > a, negative when b < a,
 * fractional when the instants are not on minute boundaries. Throws RangeError outside the
 * compiled range.
 */
export function businessMinutesBetween(cal: CompiledCalendar, a: number, b: number): number {
  const { rangeStart, rangeEnd } = cal;
  // One combined check keeps the hot path to two comparisons per instant (NaN fails them too).
  if (!(a >= rangeStart && a <= rangeEnd && b >= rangeStart && b <= rangeEnd)) {
    assertInRange(cal, a);
    assertInRange(cal, b);
  }
  return (workedBefore(cal, b) - workedBefore(cal, a)) / MINUTE_MS;
}

/**
 * The instant `minutes` working minutes after t (before t when negative). Forward: the earliest
 * instant u >= t with businessMinutesBetween(t, u) = minutes, so a result that completes a
 * working interval is that interval's end, not the next start. Backward: the latest such u <= t.
 * 0 returns t. Throws RangeError when t or the result is outside the compiled range.
 */
export function addBusinessMinutes(cal: CompiledCalendar, t: number, minutes: number): number {
  assertInRange(cal, t);
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be a finite number, got ${minutes}`);
  if (minutes === 0) return t;
  const target = workedBefore(cal, t) + minutes * MINUTE_MS;
  const { starts, cum } = cal;
  const n = starts.length;
  const total = cum[n];
  const outOfRange = () =>
    new RangeError(
      `adding ${minutes} business minutes to ${describe(t)} leaves the compiled range ${cal.fromYear}-${cal.toYear}; compile a wider range`,
    );
  if (target < 0 || target > total) throw outOfRange();
  // Forward: first interval whose cumulative end reaches the target; backward: first one passing it.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const endCum = cum[mid + 1];
    if (minutes > 0 ? endCum >= target : endCum > target) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= n) throw outOfRange();
  return starts[lo] + (target - cum[lo]);
}

/** Whether an instant is working time (interval starts inclusive, ends exclusive). */
export function isBusinessTime(cal: CompiledCalendar, t: number): boolean {
  assertInRange(cal, t);
  const i = lastStartAtOrBefore(cal.starts, t);
  return i >= 0 && t < cal.ends[i];
}

/** Working intervals overlapping [a, b), clipped to it (for previews such as "this week's hours"). */
export function workingIntervalsBetween(cal: CompiledCalendar, a: number, b: number): { start: number; end: number }[] {
  assertInRange(cal, a);
  assertInRange(cal, b);
  const out: { start: number; end: number }[] = [];
  let i = Math.max(0, lastStartAtOrBefore(cal.starts, a));
  for (; i < cal.starts.length && cal.starts[i] < b; i++) {
    const s = Math.max(a, cal.starts[i]);
    const e = Math.min(b, cal.ends[i]);
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function isCompiled(cal: CompiledCalendar | CalendarDefinition): cal is CompiledCalendar {
  return (cal as CompiledCalendar).starts instanceof Float64Array;
}

/** The local date ("YYYY-MM-DD") of an instant in the calendar's zone; works outside the compiled range too. */
export function localDate(cal: CompiledCalendar | CalendarDefinition, t: number): string {
  if (!Number.isFinite(t)) throw new RangeError(`not an instant: ${t}`);
  if (isCompiled(cal)) {
    const zone = zones.get(cal);
    if (zone && zone.covers(t)) return daysToDate(zone.dayOf(t));
    return Temporal.Instant.fromEpochMilliseconds(t)
      .toZonedDateTimeISO(cal.definition.timeZone)
      .toPlainDate()
      .toString();
  }
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(cal.timeZone).toPlainDate().toString();
}

/** Epoch ms of local midnight starting a date ('compatible' when midnight is skipped by DST). */
export function startOfLocalDate(cal: CompiledCalendar | CalendarDefinition, date: string): number {
  const days = dateToDays(date);
  if (isCompiled(cal)) {
    const zone = zones.get(cal);
    if (zone && zone.covers(days * DAY_MS - DAY_MS) && zone.covers(days * DAY_MS + DAY_MS)) {
      return zone.toInstant(days * DAY_MS);
    }
    return wallToInstantTemporal(cal.definition.timeZone, days, 0);
  }
  return wallToInstantTemporal(cal.timeZone, days, 0);
}

/** Public holidays (type "public") of the definition's country/region with from <= date <= to. */
export function holidaysBetween(def: CalendarDefinition, fromDate: string, toDate: string, lang?: string): Holiday[] {
  const from = parseDate(fromDate);
  const to = parseDate(toDate);
  if (from === null || to === null) throw new RangeError(`holidaysBetween needs YYYY-MM-DD dates`);
  if (!def.holidays || to < from) return [];
  const y0 = Number(fromDate.slice(0, 4));
  const y1 = Number(toDate.slice(0, 4));
  if (y1 - y0 > 200) throw new RangeError(`holidaysBetween: range too long`);
  const seen = new Map<string, Holiday>();
  for (let y = y0 - 1; y <= y1; y++) {
    for (const h of publicHolidaysOfYear(def.holidays, y, lang)) {
      if (h.date >= fromDate && h.date <= toDate && !seen.has(h.date)) seen.set(h.date, h);
    }
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
