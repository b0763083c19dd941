// Property tests for fiscal calendars: for random rules and dates, the date lies in its period,
// quarter, week and year; consecutive days advance the calendar one step at a time; years have the
// documented length; and the year's name follows the naming convention.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { fiscalPeriodOfDate, fiscalPeriodsOfYear, type CalendarDefinition, type FiscalDefinition } from "./index";

const fiscalArb: fc.Arbitrary<FiscalDefinition> = fc.oneof(
  fc.record({
    kind: fc.constant("calendar" as const),
    startMonth: fc.integer({ min: 1, max: 12 }),
    naming: fc.constantFrom("end" as const, "start" as const),
  }),
  fc.record({
    kind: fc.constantFrom("445" as const, "454" as const, "544" as const),
    yearEnd: fc.record({
      rule: fc.constantFrom("last" as const, "nearest" as const),
      weekday: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const, 7 as const),
      month: fc.integer({ min: 1, max: 12 }),
    }),
    naming: fc.constantFrom("end" as const, "start" as const),
  }),
);

const defArb = fc
  .tuple(fiscalArb, fc.constantFrom(1 as const, 7 as const, 3 as const))
  .map(([fiscal, weekStart]): CalendarDefinition => ({
    timeZone: "Australia/Sydney",
    weekStart,
    weeklyHours: { "1": [], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [] },
    holidays: null,
    closures: [],
    extraWorkingDays: [],
    fiscal,
  }));

const dateArb = fc
  .integer({ min: 0, max: 365 * 110 })
  .map((n) => Temporal.PlainDate.from("1990-01-01").add({ days: n }).toString());

const next = (date: string) => Temporal.PlainDate.from(date).add({ days: 1 }).toString();
const daysBetween = (a: string, b: string) =>
  Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: "days" }).days;

describe("fiscal calendars under random rules", () => {
  it("places a date inside its period, quarter, week and year", () => {
    fc.assert(
      fc.property(defArb, dateArb, (def, date) => {
        const p = fiscalPeriodOfDate(def, date);
        for (const s of [p, p.quarterSpan, p.weekSpan, p.year]) {
          expect(s.start <= date && date <= s.end).toBe(true);
          expect(s.endInstant).toBeGreaterThan(s.startInstant);
        }
        expect(p.quarter).toBe(Math.ceil(p.period / 3));
        expect(p.weekSpan.start >= p.year.start && p.weekSpan.end <= p.year.end).toBe(true);
        expect(p.week).toBeGreaterThanOrEqual(1);
        expect(p.week).toBeLessThanOrEqual(def.fiscal.kind === "calendar" ? 54 : 53);
      }),
      { numRuns: 400 },
    );
  });

  it("moves to the next day one step at a time", () => {
    fc.assert(
      fc.property(defArb, dateArb, (def, date) => {
        const today = fiscalPeriodOfDate(def, date);
        const tomorrow = fiscalPeriodOfDate(def, next(date));
        if (tomorrow.fiscalYear === today.fiscalYear) {
          expect(tomorrow.period - today.period).toBeGreaterThanOrEqual(0);
          expect(tomorrow.period - today.period).toBeLessThanOrEqual(1);
          expect(tomorrow.week - today.week).toBeGreaterThanOrEqual(0);
          expect(tomorrow.week - today.week).toBeLessThanOrEqual(1);
          if (tomorrow.period !== today.period) expect(tomorrow.start).toBe(next(today.end));
        } else {
          expect(tomorrow.fiscalYear).toBe(today.fiscalYear + 1);
          expect([tomorrow.period, tomorrow.week, tomorrow.quarter]).toEqual([1, 1, 1]);
          expect(today.period).toBe(12);
          expect(tomorrow.year.start).toBe(next(today.year.end));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives years of the documented length, named by the documented convention", () => {
    fc.assert(
      fc.property(defArb, fc.integer({ min: 1995, max: 2095 }), (def, fy) => {
        const periods = fiscalPeriodsOfYear(def, fy);
        const first = periods[0].start;
        const last = periods[11].end;
        const days = daysBetween(first, last) + 1;
        const fiscal = def.fiscal;
        if (fiscal.kind === "calendar") {
          expect([365, 366]).toContain(days);
          const named = fiscal.naming === "start" || fiscal.startMonth === 1 ? first : last;
          expect(Number(named.slice(0, 4))).toBe(fy);
        } else {
          expect([364, 371]).toContain(days);
          expect(periods.reduce((n, p) => n + p.weeks, 0)).toBe(days / 7);
          // The year ends within 6 days of the last day of the rule's month...
          const m = fiscal.yearEnd.month;
          const anchorYear = fiscal.naming === "start" && m !== 12 ? fy + 1 : fy;
          const monthEnd = Temporal.PlainDate.from({ year: anchorYear, month: m, day: 1 })
            .add({ months: 1 })
            .subtract({ days: 1 })
            .toString();
          expect(Math.abs(daysBetween(monthEnd, last))).toBeLessThanOrEqual(6);
          // ...on the rule's weekday.
          expect(Temporal.PlainDate.from(last).dayOfWeek).toBe(fiscal.yearEnd.weekday);
        }
        expect(fiscalPeriodOfDate(def, first)).toMatchObject({ fiscalYear: fy, period: 1, week: 1 });
        expect(fiscalPeriodOfDate(def, last)).toMatchObject({ fiscalYear: fy, period: 12 });
      }),
      { numRuns: 300 },
    );
  });
});
