// Known answers: business time on hand-checked days (holidays, DST nights, overnight shifts),
// holidays by country/region, fiscal calendars (including 53-week years), validation messages.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { translator } from "#app/i18n/catalogue";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  defaultCalendarFor,
  fiscalPeriodOf,
  fiscalPeriodOfDate,
  fiscalPeriodsOfYear,
  fiscalYearSpan,
  holidaysBetween,
  InvalidCalendarError,
  isBusinessTime,
  localDate,
  validateCalendar,
  workingIntervalsBetween,
  type CalendarDefinition,
  type TimeInterval,
} from "./index";

const OFFICE: TimeInterval[] = [{ start: "08:00", end: "17:00" }];

function calendar(overrides: Partial<CalendarDefinition> = {}): CalendarDefinition {
  return {
    timeZone: "America/Chicago",
    weekStart: 1,
    weeklyHours: { "1": OFFICE, "2": OFFICE, "3": OFFICE, "4": OFFICE, "5": OFFICE, "6": [], "7": [] },
    holidays: null,
    closures: [],
    extraWorkingDays: [],
    fiscal: { kind: "calendar", startMonth: 1 },
    ...overrides,
  };
}

function everyDay(intervals: TimeInterval[]): CalendarDefinition["weeklyHours"] {
  return {
    "1": intervals,
    "2": intervals,
    "3": intervals,
    "4": intervals,
    "5": intervals,
    "6": intervals,
    "7": intervals,
  };
}

/** Epoch ms of a local wall-clock time, e.g. at("2024-11-27T14:00", "America/Chicago"). */
function at(local: string, timeZone: string): number {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds;
}

describe("business minutes on known days", () => {
  it("skips US Thanksgiving between Wednesday afternoon and Friday morning", () => {
    const cal = compileCalendar(calendar({ holidays: { country: "US" } }), { fromYear: 2024, toYear: 2024 });
    const wed = at("2024-11-27T14:00", "America/Chicago");
    const fri = at("2024-11-29T10:00", "America/Chicago");
    expect(businessMinutesBetween(cal, wed, fri)).toBe(3 * 60 + 2 * 60);
    expect(businessMinutesBetween(cal, fri, wed)).toBe(-(5 * 60));
  });

  it("carries a Friday-afternoon deadline over the weekend", () => {
    const cal = compileCalendar(calendar(), { fromYear: 2024, toYear: 2024 });
    const friday = at("2024-06-07T16:30", "America/Chicago");
    expect(addBusinessMinutes(cal, friday, 60)).toBe(at("2024-06-10T08:30", "America/Chicago"));
    expect(addBusinessMinutes(cal, at("2024-06-10T08:30", "America/Chicago"), -60)).toBe(friday);
  });

  it("ends at the close of business when the minutes run out exactly there", () => {
    const cal = compileCalendar(calendar(), { fromYear: 2024, toYear: 2024 });
    const monday = at("2024-06-10T08:00", "America/Chicago");
    expect(addBusinessMinutes(cal, monday, 9 * 60)).toBe(at("2024-06-10T17:00", "America/Chicago"));
  });

  it.each([
    ["America/Chicago", "2024-03-10", 2 * 60],
    ["America/Chicago", "2024-11-03", 4 * 60],
    ["Europe/Berlin", "2024-03-31", 2 * 60],
    ["Europe/Berlin", "2024-10-27", 4 * 60],
    ["Australia/Sydney", "2024-10-06", 2 * 60],
    ["Australia/Sydney", "2024-04-07", 4 * 60],
    ["Asia/Kolkata", "2024-03-10", 3 * 60],
  ])("works real hours for 01:00-04:00 in %s on %s", (timeZone, date, minutes) => {
    const cal = compileCalendar(calendar({ timeZone, weeklyHours: everyDay([{ start: "01:00", end: "04:00" }]) }), {
      fromYear: 2024,
      toYear: 2024,
    });
    const day = Temporal.PlainDate.from(date);
    const start = day.toZonedDateTime({ timeZone }).epochMilliseconds;
    const end = day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
    expect(businessMinutesBetween(cal, start, end)).toBe(minutes);
  });

  it("counts an overnight shift for the day it starts on, so a holiday cancels that night's shift", () => {
    const def = calendar({
      timeZone: "Europe/Berlin",
      holidays: { country: "DE", region: "BY" },
      weeklyHours: everyDay([{ start: "22:00", end: "06:00" }]),
    });
    const cal = compileCalendar(def, { fromYear: 2024, toYear: 2024 });
    // Fronleichnam, Thursday 30 May 2024: Wednesday night's shift runs into it, Thursday night's does not exist.
    const wedNoon = at("2024-05-29T12:00", "Europe/Berlin");
    const friNoon = at("2024-05-31T12:00", "Europe/Berlin");
    expect(businessMinutesBetween(cal, wedNoon, friNoon)).toBe(8 * 60);
    expect(isBusinessTime(cal, at("2024-05-30T05:59", "Europe/Berlin"))).toBe(true);
    expect(isBusinessTime(cal, at("2024-05-30T23:00", "Europe/Berlin"))).toBe(false);
  });

  it("uses a half-hour offset zone's own midnight", () => {
    const cal = compileCalendar(calendar({ timeZone: "Asia/Kolkata" }), { fromYear: 2024, toYear: 2024 });
    const monday = at("2024-07-01T08:00", "Asia/Kolkata");
    expect(new Date(monday).toISOString()).toBe("2024-07-01T02:30:00.000Z");
    expect(localDate(cal, Date.parse("2024-06-30T18:29:00Z"))).toBe("2024-06-30");
    expect(localDate(cal, Date.parse("2024-06-30T18:30:00Z"))).toBe("2024-07-01");
    expect(businessMinutesBetween(cal, monday, at("2024-07-02T08:00", "Asia/Kolkata"))).toBe(9 * 60);
  });

  it("cuts part-day closures out and works extra days even on a holiday", () => {
    const def = calendar({
      holidays: { country: "US" },
      closures: [
        { date: "2024-12-24", start: "12:00", end: "17:00", label: "Christmas Eve afternoon" },
        { date: "2024-12-27", label: "Inventory" },
      ],
      extraWorkingDays: [{ date: "2024-12-25", intervals: [{ start: "10:00", end: "12:00" }], label: "Peak support" }],
    });
    const cal = compileCalendar(def, { fromYear: 2024, toYear: 2024 });
    const monday = at("2024-12-23T00:00", "America/Chicago");
    const saturday = at("2024-12-28T00:00", "America/Chicago");
    // Mon 9 h + Tue 4 h + Wed (holiday, extra) 2 h + Thu 9 h + Fri closed.
    expect(businessMinutesBetween(cal, monday, saturday)).toBe((9 + 4 + 2 + 9) * 60);
  });

  it("treats a 24x7 calendar as always working", () => {
    const cal = compileCalendar(calendar({ always: true, holidays: { country: "US" } }), {
      fromYear: 2024,
      toYear: 2024,
    });
    const a = at("2024-11-28T00:00", "America/Chicago");
    expect(businessMinutesBetween(cal, a, a + 86_400_000)).toBe(1440);
  });

  it("lists this week's working intervals for a preview", () => {
    const cal = compileCalendar(calendar(), { fromYear: 2024, toYear: 2024 });
    const week = workingIntervalsBetween(
      cal,
      at("2024-06-10T00:00", "America/Chicago"),
      at("2024-06-17T00:00", "America/Chicago"),
    );
    expect(week).toHaveLength(5);
    expect(week[0]).toEqual({
      start: at("2024-06-10T08:00", "America/Chicago"),
      end: at("2024-06-10T17:00", "America/Chicago"),
    });
  });

  it("refuses instants outside the compiled years with a RangeError", () => {
    const cal = compileCalendar(calendar(), { fromYear: 2024, toYear: 2024 });
    const inside = at("2024-06-10T08:00", "America/Chicago");
    expect(() => businessMinutesBetween(cal, inside, at("2025-01-02T08:00", "America/Chicago"))).toThrow(RangeError);
    expect(() => addBusinessMinutes(cal, inside, 10 * 365 * 24 * 60)).toThrow(/compile a wider range/);
    expect(() => businessMinutesBetween(cal, Number.NaN, inside)).toThrow(RangeError);
  });

  it("refuses to compile an invalid definition and names the fields", () => {
    try {
      compileCalendar(calendar({ timeZone: "Mars/Olympus" }), { fromYear: 2024, toYear: 2024 });
      expect.unreachable("compileCalendar accepted an unknown zone");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidCalendarError);
      expect((e as InvalidCalendarError).errors).toHaveProperty("timeZone");
    }
  });
});

describe("public holidays", () => {
  it("includes US Thanksgiving on the fourth Thursday of November", () => {
    const def = calendar({ holidays: { country: "US" } });
    expect(holidaysBetween(def, "2025-11-01", "2025-11-30").map((h) => h.date)).toContain("2025-11-27");
    expect(holidaysBetween(def, "2024-11-01", "2024-11-30").find((h) => h.date === "2024-11-28")?.name).toMatch(
      /Thanksgiving/,
    );
  });

  it("has Fronleichnam in Bavaria but not in Berlin, with DE-BY and BY both accepted", () => {
    const bavaria = holidaysBetween(
      calendar({ holidays: { country: "DE", region: "DE-BY" } }),
      "2024-05-01",
      "2024-06-30",
    );
    expect(bavaria).toContainEqual({ date: "2024-05-30", name: "Fronleichnam" });
    const bavariaShort = holidaysBetween(
      calendar({ holidays: { country: "DE", region: "BY" } }),
      "2024-05-30",
      "2024-05-30",
    );
    expect(bavariaShort).toHaveLength(1);
    const berlin = holidaysBetween(calendar({ holidays: { country: "DE", region: "BE" } }), "2024-05-30", "2024-05-30");
    expect(berlin).toEqual([]);
  });

  it("knows New South Wales' October Labour Day and India's Republic Day", () => {
    const nsw = holidaysBetween(calendar({ holidays: { country: "AU", region: "NSW" } }), "2024-10-01", "2024-10-31");
    expect(nsw.map((h) => h.date)).toEqual(["2024-10-07"]);
    const india = holidaysBetween(calendar({ holidays: { country: "IN" } }), "2025-01-01", "2025-01-31");
    expect(india.map((h) => h.date)).toContain("2025-01-26");
  });

  it("returns nothing for a calendar without holidays or an empty range", () => {
    expect(holidaysBetween(calendar(), "2024-01-01", "2024-12-31")).toEqual([]);
    expect(holidaysBetween(calendar({ holidays: { country: "US" } }), "2024-12-31", "2024-01-01")).toEqual([]);
  });
});

describe("fiscal calendars", () => {
  const retail = calendar({
    fiscal: { kind: "454", yearEnd: { rule: "nearest", weekday: 6, month: 1 }, naming: "start" },
  });

  it("gives the NRF retail year 2023 53 weeks, 29 Jan 2023 - 3 Feb 2024, the extra week in P12", () => {
    const fy = fiscalYearSpan(retail, 2023);
    expect([fy.start, fy.end, fy.weeks]).toEqual(["2023-01-29", "2024-02-03", 53]);
    const periods = fiscalPeriodsOfYear(retail, 2023);
    expect(periods.map((p) => p.weeks)).toEqual([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 5]);
    expect(periods[11]).toMatchObject({ period: 12, quarter: 4, start: "2023-12-31", end: "2024-02-03" });
    expect(fiscalPeriodOfDate(retail, "2024-02-03")).toMatchObject({ fiscalYear: 2023, period: 12, week: 53 });
    expect(fiscalPeriodOfDate(retail, "2024-02-04")).toMatchObject({
      fiscalYear: 2024,
      period: 1,
      week: 1,
      quarter: 1,
    });
  });

  it("gives neighbouring retail years 52 weeks", () => {
    expect(fiscalYearSpan(retail, 2022)).toMatchObject({ start: "2022-01-30", end: "2023-01-28", weeks: 52 });
    expect(fiscalYearSpan(retail, 2024)).toMatchObject({ start: "2024-02-04", end: "2025-02-01", weeks: 52 });
  });

  it("ends a 4-4-5 year on the last Saturday of September (a 53-week FY2023)", () => {
    const def = calendar({ fiscal: { kind: "445", yearEnd: { rule: "last", weekday: 6, month: 9 } } });
    expect(fiscalYearSpan(def, 2023)).toMatchObject({ start: "2022-09-25", end: "2023-09-30", weeks: 53 });
    expect(fiscalYearSpan(def, 2024)).toMatchObject({ start: "2023-10-01", end: "2024-09-28", weeks: 52 });
    const p = fiscalPeriodsOfYear(def, 2024);
    expect(p.map((x) => x.weeks)).toEqual([4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5]);
    expect(fiscalPeriodOfDate(def, "2023-12-30")).toMatchObject({ fiscalYear: 2024, quarter: 1, period: 3, week: 13 });
    expect(fiscalPeriodOfDate(def, "2023-12-31")).toMatchObject({ fiscalYear: 2024, quarter: 2, period: 4, week: 14 });
  });

  it("uses a 5-4-4 pattern and names a December year end by its own year even when it ends in January", () => {
    const def = calendar({ fiscal: { kind: "544", yearEnd: { rule: "nearest", weekday: 6, month: 12 } } });
    // The Saturday nearest 31 Dec 2021 is 1 Jan 2022.
    expect(fiscalYearSpan(def, 2021).end).toBe("2022-01-01");
    expect(fiscalPeriodOfDate(def, "2022-01-01").fiscalYear).toBe(2021);
    expect(fiscalPeriodOfDate(def, "2022-01-02")).toMatchObject({ fiscalYear: 2022, period: 1, week: 1 });
    expect(
      fiscalPeriodsOfYear(def, 2022)
        .slice(0, 3)
        .map((p) => p.weeks),
    ).toEqual([5, 4, 4]);
  });

  it("names a July-June year by the year it ends (Australia) and an April-March year by its start (Japan)", () => {
    const au = calendar({ timeZone: "Australia/Sydney", fiscal: { kind: "calendar", startMonth: 7 } });
    expect(fiscalPeriodOfDate(au, "2025-08-15")).toMatchObject({
      fiscalYear: 2026,
      quarter: 1,
      period: 2,
      label: "FY2026 P02 (Aug)",
    });
    expect(fiscalPeriodOfDate(au, "2026-06-30")).toMatchObject({ fiscalYear: 2026, quarter: 4, period: 12 });
    const jp = calendar({ timeZone: "Asia/Tokyo", fiscal: { kind: "calendar", startMonth: 4, naming: "start" } });
    expect(fiscalPeriodOfDate(jp, "2026-03-31")).toMatchObject({ fiscalYear: 2025, quarter: 4, period: 12 });
    expect(fiscalPeriodOfDate(jp, "2026-04-01")).toMatchObject({ fiscalYear: 2026, quarter: 1, period: 1 });
  });

  it("numbers month-based weeks from the week start, with a partial first week", () => {
    const monday = calendar({ weekStart: 1 });
    // 1 Jan 2025 is a Wednesday: week 1 is Wed-Sun, week 2 starts Monday 6 Jan.
    expect(fiscalPeriodOfDate(monday, "2025-01-05")).toMatchObject({
      week: 1,
      weekSpan: { start: "2025-01-01", end: "2025-01-05" },
    });
    expect(fiscalPeriodOfDate(monday, "2025-01-06")).toMatchObject({
      week: 2,
      weekSpan: { start: "2025-01-06", end: "2025-01-12" },
    });
    expect(fiscalPeriodOfDate(monday, "2025-12-31")).toMatchObject({
      week: 53,
      weekSpan: { start: "2025-12-29", end: "2025-12-31" },
    });
    const sunday = calendar({ weekStart: 7 });
    expect(fiscalPeriodOfDate(sunday, "2025-01-05").week).toBe(2);
  });

  it("places an instant by its local date in the calendar's zone, with period instants at local midnight", () => {
    const def = calendar({ timeZone: "America/Chicago" });
    const cal = compileCalendar(def, { fromYear: 2024, toYear: 2025 });
    // 2025-01-01T03:00Z is still New Year's Eve in Chicago.
    const pos = fiscalPeriodOf(cal, Date.parse("2025-01-01T03:00:00Z"));
    expect(pos).toMatchObject({ fiscalYear: 2024, period: 12, start: "2024-12-01", end: "2024-12-31" });
    expect(pos.startInstant).toBe(at("2024-12-01T00:00", "America/Chicago"));
    expect(pos.endInstant).toBe(at("2025-01-01T00:00", "America/Chicago"));
    expect(pos.year).toMatchObject({ start: "2024-01-01", end: "2024-12-31" });
    expect(pos.quarterSpan).toMatchObject({ start: "2024-10-01", end: "2024-12-31" });
  });

  it("covers every day of a year exactly once, in order", () => {
    for (const def of [retail, calendar({ fiscal: { kind: "calendar", startMonth: 4 } })]) {
      const periods = fiscalPeriodsOfYear(def, 2030);
      for (let i = 1; i < periods.length; i++) {
        expect(
          Temporal.PlainDate.from(periods[i - 1].end)
            .add({ days: 1 })
            .toString(),
        ).toBe(periods[i].start);
      }
      const next = fiscalPeriodsOfYear(def, 2031)[0];
      expect(Temporal.PlainDate.from(periods[11].end).add({ days: 1 }).toString()).toBe(next.start);
    }
  });
});

describe("validation messages keyed by field", () => {
  /** The errors as an English reader sees them (each is a catalogue message with its values). */
  function errorsOf(def: unknown): Record<string, string> {
    const r = validateCalendar(def);
    const t = translator("en");
    return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k, t(m.id, m.values)]));
  }

  it("accepts every demo tenant's default calendar", () => {
    for (const t of [
      { timeZone: "America/Chicago", country: "US", region: null },
      { timeZone: "Europe/Berlin", country: "DE", region: "BY" },
      { timeZone: "Asia/Tokyo", country: "JP", region: null },
      { timeZone: "Australia/Sydney", country: "AU", region: "NSW" },
      { timeZone: "Asia/Kolkata", country: "IN", region: null },
    ]) {
      expect(validateCalendar(defaultCalendarFor(t))).toEqual({ ok: true });
    }
  });

  it("rejects an unknown zone, an unknown region and a bad week start", () => {
    const errors = errorsOf(
      calendar({ timeZone: "Europe/Atlantis", holidays: { country: "DE", region: "XX" }, weekStart: 9 as 1 }),
    );
    expect(Object.keys(errors).sort()).toEqual(["holidays.region", "timeZone", "weekStart"]);
    expect(errors["holidays.region"]).toMatch(/BY/);
    expect(errorsOf(calendar({ holidays: { country: "ZZ" } }))).toHaveProperty("holidays.country");
  });

  it("rejects overlapping, empty and malformed intervals, including an overnight shift running into the next day", () => {
    const errors = errorsOf(
      calendar({
        weeklyHours: {
          "1": [
            { start: "08:00", end: "12:00" },
            { start: "11:30", end: "14:00" },
          ],
          "2": [{ start: "09:00", end: "09:00" }],
          "3": [{ start: "9am", end: "17:00" }],
          "4": [{ start: "22:00", end: "07:00" }],
          "5": [{ start: "06:00", end: "14:00" }],
          "6": [{ start: "08:00", end: "25:00" }],
          "7": [],
        },
      }),
    );
    expect(errors["weeklyHours.1"]).toMatch(/overlap/);
    expect(errors["weeklyHours.2.0"]).toMatch(/empty/);
    expect(errors["weeklyHours.3.0"]).toMatch(/Start/);
    expect(errors["weeklyHours.5"]).toMatch(/Thursday's overnight shift/);
    expect(errors["weeklyHours.6.0"]).toMatch(/End/);
  });

  it("rejects a week without working hours unless the calendar is 24x7", () => {
    const none = everyDay([]);
    expect(errorsOf(calendar({ weeklyHours: none }))).toHaveProperty("weeklyHours");
    expect(validateCalendar(calendar({ weeklyHours: none, always: true }))).toEqual({ ok: true });
  });

  it("rejects bad closures, duplicate extra days and fiscal rules that do not resolve", () => {
    const errors = errorsOf(
      calendar({
        closures: [
          { date: "2024-02-30", label: "no such day" },
          { date: "2024-03-01", start: "12:00", label: "half" },
          { date: "2024-03-02", start: "15:00", end: "09:00", label: "backwards" },
        ],
        extraWorkingDays: [
          { date: "2024-03-09", intervals: OFFICE, label: "a" },
          { date: "2024-03-09", intervals: [], label: "b" },
        ],
        fiscal: { kind: "445", yearEnd: { rule: "closest" as "last", weekday: 6, month: 13 } },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      "closures.0.date",
      "closures.1.end",
      "closures.2.end",
      "extraWorkingDays.1.date",
      "extraWorkingDays.1.intervals",
      "fiscal.yearEnd.month",
      "fiscal.yearEnd.rule",
    ]);
    expect(errorsOf(calendar({ fiscal: { kind: "calendar", startMonth: 0 } }))).toHaveProperty("fiscal.startMonth");
    expect(
      errorsOf(calendar({ fiscal: { kind: "13-periods" } as unknown as CalendarDefinition["fiscal"] })),
    ).toHaveProperty("fiscal.kind");
  });

  it("rejects things that are not calendars at all", () => {
    expect(errorsOf(null)).toHaveProperty("");
    expect(Object.keys(errorsOf({}))).toEqual(
      expect.arrayContaining(["timeZone", "weekStart", "weeklyHours", "closures", "extraWorkingDays", "fiscal"]),
    );
  });
});

describe("default calendars for tenants", () => {
  it("uses the tenant's zone, office hours, country holidays and local fiscal year", () => {
    const nordwind = defaultCalendarFor({ timeZone: "Europe/Berlin", country: "DE", region: "BY" });
    expect(nordwind).toMatchObject({
      timeZone: "Europe/Berlin",
      weekStart: 1,
      holidays: { country: "DE", region: "BY" },
    });
    expect(nordwind.weeklyHours["1"]).toEqual([{ start: "08:00", end: "17:00" }]);
    expect(nordwind.weeklyHours["6"]).toEqual([]);
    expect(defaultCalendarFor({ timeZone: "Australia/Sydney", country: "AU", region: "NSW" }).fiscal).toMatchObject({
      startMonth: 7,
    });
    expect(defaultCalendarFor({ timeZone: "Asia/Kolkata", country: "IN", region: null }).fiscal).toMatchObject({
      startMonth: 4,
    });
    expect(defaultCalendarFor({ timeZone: "America/Chicago", country: "US", region: null }).weekStart).toBe(7);
  });

  it("falls back to UTC and no holidays for unknown inputs", () => {
    const d = defaultCalendarFor({ timeZone: "Nowhere/Else", country: "ZZ", region: "QQ" });
    expect(d.timeZone).toBe("UTC");
    expect(d.holidays).toBeNull();
    expect(validateCalendar(d)).toEqual({ ok: true });
    expect(defaultCalendarFor({ timeZone: "Europe/Berlin", country: "DE", region: "XX" }).holidays).toEqual({
      country: "DE",
    });
  });
});
