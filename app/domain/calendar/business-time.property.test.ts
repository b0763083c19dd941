// Property tests: the compiled engine against a brute-force minute walk. The oracle builds each
// local day's working intervals straight from the definition with Temporal and date-holidays
// (no ZoneIndex, no merging, no binary search) and then tests every minute one by one.
import Holidays from "date-holidays";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  fiscalPeriodOf,
  isBusinessTime,
  localDate,
  validateCalendar,
  type CalendarDefinition,
  type CompiledCalendar,
  type TimeInterval,
} from "./index";

const MIN = 60_000;

interface ZoneCase {
  timeZone: string;
  holidays: CalendarDefinition["holidays"];
  /** Local dates around which instants cluster: both DST changes of 2024 where the zone has them. */
  focus: string[];
}

const ZONES: ZoneCase[] = [
  { timeZone: "America/Chicago", holidays: { country: "US" }, focus: ["2024-03-10", "2024-11-03", "2024-11-28"] },
  {
    timeZone: "Europe/Berlin",
    holidays: { country: "DE", region: "BY" },
    focus: ["2024-03-31", "2024-10-27", "2024-05-30"],
  },
  { timeZone: "Australia/Sydney", holidays: { country: "AU", region: "NSW" }, focus: ["2024-04-07", "2024-10-06"] },
  { timeZone: "Asia/Kolkata", holidays: { country: "IN" }, focus: ["2024-01-26", "2024-08-15"] },
  // Half-hour DST shift (02:00 -> 02:30 in October, 02:00 -> 01:30 in April).
  { timeZone: "Australia/Lord_Howe", holidays: { country: "AU", region: "NSW" }, focus: ["2024-04-07", "2024-10-06"] },
];

// ---------- the oracle ----------

function plainDate(date: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(date);
}

function wallInstant(zone: string, date: Temporal.PlainDate, hhmm: string): number {
  const d = hhmm === "24:00" ? date.add({ days: 1 }) : date;
  const time = hhmm === "24:00" ? "00:00" : hhmm;
  return d.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(zone, { disambiguation: "compatible" })
    .epochMilliseconds;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

function oracleHolidays(def: CalendarDefinition, years: number[]): Set<string> {
  const out = new Set<string>();
  if (!def.holidays) return out;
  const hd = def.holidays.region
    ? new Holidays(def.holidays.country, def.holidays.region)
    : new Holidays(def.holidays.country);
  for (const y of years) for (const h of hd.getHolidays(y)) if (h.type === "public") out.add(h.date.slice(0, 10));
  return out;
}

/** Working [start, end) instants of every day from `from` - 1 to `to`, and closure windows. */
function oracleSchedule(def: CalendarDefinition, from: string, to: string) {
  const holidays = oracleHolidays(def, [plainDate(from).year - 1, plainDate(from).year, plainDate(to).year]);
  const intervals: [number, number][] = [];
  const windows: [number, number][] = [];
  for (
    let d = plainDate(from).subtract({ days: 1 });
    Temporal.PlainDate.compare(d, plainDate(to)) <= 0;
    d = d.add({ days: 1 })
  ) {
    const iso = d.toString();
    const extra = def.extraWorkingDays.find((x) => x.date === iso);
    const wholeClosure = def.closures.some((c) => c.date === iso && c.start === undefined);
    const list: TimeInterval[] = extra
      ? extra.intervals
      : holidays.has(iso) || wholeClosure
        ? []
        : def.weeklyHours[String(d.dayOfWeek) as "1"];
    for (const iv of list) {
      const overnight = minutesOf(iv.end) <= minutesOf(iv.start);
      const start = wallInstant(def.timeZone, d, iv.start);
      const end = wallInstant(def.timeZone, overnight ? d.add({ days: 1 }) : d, iv.end);
      if (end > start) intervals.push([start, end]);
    }
    for (const c of def.closures) {
      if (c.date === iso && c.start !== undefined && c.end !== undefined) {
        windows.push([wallInstant(def.timeZone, d, c.start), wallInstant(def.timeZone, d, c.end)]);
      }
    }
  }
  const working = (t: number) =>
    def.always === true || (intervals.some(([s, e]) => t >= s && t < e) && !windows.some(([s, e]) => t >= s && t < e));
  return { working };
}

function oracleFor(def: CalendarDefinition, a: number, b: number) {
  const from = Temporal.Instant.fromEpochMilliseconds(Math.min(a, b)).toZonedDateTimeISO(def.timeZone).toPlainDate();
  const to = Temporal.Instant.fromEpochMilliseconds(Math.max(a, b)).toZonedDateTimeISO(def.timeZone).toPlainDate();
  return oracleSchedule(def, from.toString(), to.add({ days: 1 }).toString());
}

function walkMinutes(working: (t: number) => boolean, a: number, b: number): number {
  const sign = b >= a ? 1 : -1;
  const [lo, hi] = b >= a ? [a, b] : [b, a];
  let n = 0;
  for (let t = lo; t < hi; t += MIN) if (working(t)) n++;
  return n === 0 ? 0 : sign * n;
}

// ---------- generators ----------

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 1-3 ordered, non-overlapping intervals on a 15-minute grid inside one day. */
const randomDay = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((x, y) => x - y);
  const out: TimeInterval[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    out.push({ start: hhmm(sorted[i] * 15), end: hhmm(sorted[i + 1] * 15) });
  return out;
});

const TEMPLATES: TimeInterval[][] = [
  [],
  [{ start: "08:00", end: "17:00" }],
  [
    { start: "08:00", end: "12:00" },
    { start: "13:00", end: "17:30" },
  ],
  // Working through the DST change itself.
  [{ start: "01:00", end: "04:00" }],
  [
    { start: "01:00", end: "04:00" },
    { start: "22:00", end: "05:00" },
  ],
  // Overnight shift.
  [{ start: "22:00", end: "06:00" }],
  [{ start: "00:00", end: "24:00" }],
  // Starts inside the spring-forward gap in Chicago and Berlin.
  [{ start: "02:30", end: "09:30" }],
];

const dayTemplate: fc.Arbitrary<TimeInterval[]> = fc.oneof(
  { arbitrary: fc.constantFrom(...TEMPLATES), weight: 8 },
  { arbitrary: randomDay, weight: 1 },
);

function addDaysIso(date: string, days: number): string {
  return plainDate(date).add({ days }).toString();
}

interface Case {
  def: CalendarDefinition;
  baseDate: string;
  a: number;
  b: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    useHolidays: fc.boolean(),
    week: fc.tuple(dayTemplate, dayTemplate, dayTemplate, dayTemplate, dayTemplate, dayTemplate, dayTemplate),
    always: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    focusPick: fc.nat(),
    useFocus: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    randomDayOfYear: fc.integer({ min: 3, max: 350 }),
    shift: fc.integer({ min: -3, max: 1 }),
    closures: fc.array(
      fc.record({
        offset: fc.integer({ min: -1, max: 6 }),
        part: fc.option(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))),
      }),
      { maxLength: 3 },
    ),
    extras: fc.array(fc.record({ offset: fc.integer({ min: -1, max: 6 }), day: dayTemplate }), { maxLength: 2 }),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    spanMinutes: fc.integer({ min: 0, max: 5 * 1440 }),
    backwards: fc.boolean(),
  })
  .map((r) => {
    const baseDate = r.useFocus
      ? addDaysIso(r.zone.focus[r.focusPick % r.zone.focus.length], r.shift)
      : plainDate("2024-01-01").add({ days: r.randomDayOfYear }).toString();
    const extraDates = new Set<string>();
    const def: CalendarDefinition = {
      timeZone: r.zone.timeZone,
      weekStart: 1,
      weeklyHours: {
        "1": r.week[0],
        "2": r.week[1],
        "3": r.week[2],
        "4": r.week[3],
        "5": r.week[4],
        "6": r.week[5],
        "7": r.week[6],
      },
      holidays: r.useHolidays ? r.zone.holidays : null,
      closures: r.closures.map((c, i) => {
        const date = addDaysIso(baseDate, c.offset);
        if (!c.part) return { date, label: `closure ${i}` };
        const s = Math.min(c.part[0], c.part[1]);
        const e = Math.max(c.part[0], c.part[1]) === s ? s + 1 : Math.max(c.part[0], c.part[1]);
        return { date, start: hhmm(s * 15), end: hhmm(e * 15), label: `closure ${i}` };
      }),
      extraWorkingDays: r.extras
        .map((x, i) => ({ date: addDaysIso(baseDate, x.offset), intervals: x.day, label: `extra ${i}` }))
        .filter((x) => x.intervals.length > 0 && !extraDates.has(x.date) && (extraDates.add(x.date), true)),
      fiscal: { kind: "calendar", startMonth: 1 },
      always: r.always,
    };
    const startOfBase = wallInstant(def.timeZone, plainDate(baseDate), "00:00");
    const a = startOfBase + r.startMinute * MIN;
    const b = a + r.spanMinutes * MIN;
    return r.backwards ? { def, baseDate, a: b, b: a } : { def, baseDate, a, b };
  })
  .filter((c) => validateCalendar(c.def).ok);

const compiledCache = new WeakMap<CalendarDefinition, CompiledCalendar>();
function compiled(def: CalendarDefinition): CompiledCalendar {
  let cal = compiledCache.get(def);
  if (!cal) {
    cal = compileCalendar(def, { fromYear: 2023, toYear: 2025 });
    compiledCache.set(def, cal);
  }
  return cal;
}

const RUNS = 200;

describe("business time agrees with a brute-force minute walk", () => {
  it("counts the same working minutes between two instants (either order)", () => {
    fc.assert(
      fc.property(caseArb, ({ def, a, b }) => {
        const { working } = oracleFor(def, a, b);
        expect(businessMinutesBetween(compiled(def), a, b)).toBe(walkMinutes(working, a, b));
      }),
      { numRuns: RUNS },
    );
  });

  it("adds working minutes to the earliest instant completing them", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 100_000 }), ({ def, a, b }, pick) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const { working } = oracleFor(def, lo, hi);
        const available = walkMinutes(working, lo, hi);
        const n = available === 0 ? 0 : pick % (available + 1);
        let t = lo;
        let left = n;
        while (left > 0) {
          if (working(t)) left--;
          t += MIN;
        }
        expect(addBusinessMinutes(compiled(def), lo, n)).toBe(t);
      }),
      { numRuns: RUNS },
    );
  });

  it("subtracts working minutes to the latest instant covering them", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 100_000 }), ({ def, a, b }, pick) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const { working } = oracleFor(def, lo, hi);
        const available = walkMinutes(working, lo, hi);
        fc.pre(available > 0);
        const n = 1 + (pick % available);
        let t = hi;
        let left = n;
        while (left > 0) {
          t -= MIN;
          if (working(t)) left--;
        }
        expect(addBusinessMinutes(compiled(def), hi, -n)).toBe(t);
      }),
      { numRuns: RUNS },
    );
  });

  it("says an instant is working exactly when the walk does, and places it in its local date and fiscal spans", () => {
    fc.assert(
      fc.property(caseArb, ({ def, a }) => {
        const { working } = oracleFor(def, a, a + MIN);
        const cal = compiled(def);
        expect(isBusinessTime(cal, a)).toBe(working(a));
        expect(localDate(cal, a)).toBe(
          Temporal.Instant.fromEpochMilliseconds(a).toZonedDateTimeISO(def.timeZone).toPlainDate().toString(),
        );
        const pos = fiscalPeriodOf(cal, a);
        for (const span of [pos, pos.weekSpan, pos.quarterSpan]) {
          expect(span.startInstant <= a && a < span.endInstant).toBe(true);
          expect(span.startInstant).toBe(
            Temporal.PlainDate.from(span.start).toZonedDateTime({ timeZone: def.timeZone }).epochMilliseconds,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is additive over consecutive spans and inverts addBusinessMinutes", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 3 * 1440 }), ({ def, a, b }, extra) => {
        const cal = compiled(def);
        const c = Math.max(a, b) + extra * MIN;
        expect(businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c)).toBe(
          businessMinutesBetween(cal, a, c),
        );
        const n = businessMinutesBetween(cal, a, c);
        expect(businessMinutesBetween(cal, a, addBusinessMinutes(cal, a, n))).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });
});
