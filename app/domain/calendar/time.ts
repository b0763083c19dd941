// Local-date and wall-clock helpers, and a zone index that turns wall-clock times into instants
// without calling Temporal for every conversion. All arithmetic on "YYYY-MM-DD" uses Date.UTC,
// which ignores the process TZ, so results never depend on where the process runs.
import { Temporal } from "temporal-polyfill";

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const HHMM_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "HH:MM" -> minutes after midnight (0..1440; "24:00" = 1440), or null when malformed. */
export function parseHHMM(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const m = HHMM_RE.exec(text);
  if (!m) return null;
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** Days since 1970-01-01 of a valid "YYYY-MM-DD", or null when the text is not a real date. */
export function parseDate(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

export function dateToDays(date: string): number {
  const n = parseDate(date);
  if (n === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return n;
}

export function daysToDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function daysFromYmd(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** ISO weekday (1 = Monday) of a day number. 1970-01-01 was a Thursday. */
export function weekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDays(days: number): number {
  return new Date(days * DAY_MS).getUTCFullYear();
}

export function monthOfDays(days: number): number {
  return new Date(days * DAY_MS).getUTCMonth() + 1;
}

/** Whether the runtime knows this IANA zone. */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock (day number + minutes, minutes may exceed 1440) -> instant, Temporal 'compatible'. */
export function wallToInstantTemporal(zone: string, days: number, minutes: number): number {
  const d = days + Math.floor(minutes / 1440);
  const m = minutes - Math.floor(minutes / 1440) * 1440;
  const date = new Date(d * DAY_MS);
  return Temporal.PlainDateTime.from({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(m / 60),
    minute: m % 60,
  }).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
}

/**
 * The offsets a zone uses over a window of instants, as a transition list. `toInstant` resolves a
 * wall-clock time exactly like Temporal's disambiguation 'compatible': in a gap (spring forward)
 * the wall time is read with the offset before the gap, i.e. moved forward by the gap's length;
 * in an overlap (fall back) the earlier of the two instants is taken.
 */
export class ZoneIndex {
  /** transitions[i] = first instant using offsets[i + 1]; offsets[0] applies before transitions[0]. */
  private readonly transitions: number[] = [];
  private readonly offsets: number[] = [];

  constructor(
    readonly zone: string,
    readonly from: number,
    readonly to: number,
  ) {
    let zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
    this.offsets.push(zdt.offsetNanoseconds / 1e6);
    for (;;) {
      const next = zdt.getTimeZoneTransition("next");
      if (!next || next.epochMilliseconds > to) break;
      this.transitions.push(next.epochMilliseconds);
      this.offsets.push(next.offsetNanoseconds / 1e6);
      zdt = next;
    }
  }

  /** Offset (ms, local = utc + offset) in force at an instant inside [from, to]. */
  offsetAt(t: number): number {
    const tr = this.transitions;
    let lo = 0;
    let hi = tr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tr[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return this.offsets[lo];
  }

  /** Local wall-clock ms (a "local as UTC" timestamp) -> instant, 'compatible' disambiguation. */
  toInstant(local: number): number {
    const guess = local - this.offsetAt(local);
    // Offsets change by a few hours at most; look at the offsets around the guess.
    const o1 = this.offsetAt(guess - DAY_MS / 2);
    const o2 = this.offsetAt(guess + DAY_MS / 2);
    const c1 = local - o1;
    const c2 = local - o2;
    const ok1 = this.offsetAt(c1) === o1;
    const ok2 = this.offsetAt(c2) === o2;
    if (ok1 && ok2) return Math.min(c1, c2);
    if (ok1) return c1;
    if (ok2) return c2;
    // A gap: read the wall time with the offset in force before the gap.
    return local - o1;
  }

  /** Instant -> local day number. */
  dayOf(t: number): number {
    return Math.floor((t + this.offsetAt(t)) / DAY_MS);
  }

  covers(t: number): boolean {
    return t >= this.from && t <= this.to;
  }
}

/** Last day (day number) of the fiscal year anchored in `year` by a weekly year-end rule. */
export function weeklyYearEnd(
  rule: { rule: "last" | "nearest"; weekday: number; month: number },
  year: number,
): number {
  const last = daysFromYmd(year, rule.month + 1, 0);
  const wd = weekdayOfDays(last);
  if (rule.rule === "last") return last - ((wd - rule.weekday + 7) % 7);
  const forward = (rule.weekday - wd + 7) % 7;
  return forward <= 3 ? last + forward : last + forward - 7;
}
