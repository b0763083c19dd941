// The calendar line of the SLA page in each language, from the calendar's definition.
import { describe, expect, it } from "vitest";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { calendarSummary } from "./calendar-summary";
import { translator } from "#app/i18n/catalogue";
import { createFormatter } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";

const nineToFive = [{ start: "08:00", end: "17:00" }];
const calendar = (over: Partial<CalendarDefinition>): CalendarDefinition => ({
  timeZone: "Europe/Berlin",
  weekStart: 1,
  weeklyHours: {
    "1": nineToFive,
    "2": nineToFive,
    "3": nineToFive,
    "4": nineToFive,
    "5": nineToFive,
    "6": [],
    "7": [],
  },
  holidays: { country: "DE", region: "BY" },
  closures: [],
  extraWorkingDays: [],
  fiscal: { kind: "calendar", startMonth: 1 },
  ...over,
});
const line = (locale: Locale, def: CalendarDefinition) =>
  calendarSummary(def, translator(locale), createFormatter(locale, def.timeZone));

describe("calendarSummary", () => {
  it("reads in English as the stored label did", () => {
    expect(line("en", calendar({}))).toBe(
      "Europe/Berlin, Mon–Fri 08:00–17:00, DE-BY public holidays; fiscal: calendar months, fiscal year = calendar year",
    );
  });

  it("reads in German without English words", () => {
    const text = line(
      "de",
      calendar({ weeklyHours: { ...calendar({}).weeklyHours, "5": [{ start: "08:00", end: "14:00" }] } }),
    );
    expect(text).toBe(
      "Europe/Berlin, individuelle Arbeitszeiten je Wochentag, Feiertage DE-BY; Geschäftsjahr: Kalendermonate, Geschäftsjahr = Kalenderjahr",
    );
  });

  it("names a 4-4-5 year end and a July fiscal year in the reader's month and weekday names", () => {
    const weeks = calendar({ fiscal: { kind: "445", yearEnd: { rule: "last", weekday: 6, month: 8 } } });
    expect(line("en", weeks)).toContain("4-4-5 weeks, year ends on the last Saturday of August");
    expect(line("de", weeks)).toContain("Jahresende am letzten Samstag im August");
    expect(line("ja", weeks)).toContain("年度末は8月の最終土曜日");
    const july = calendar({ fiscal: { kind: "calendar", startMonth: 7, naming: "end" } });
    expect(line("de", july)).toContain("Geschäftsjahr beginnt im Juli");
  });

  it("says 24/7 and no public holidays where a calendar has them", () => {
    expect(line("ja", calendar({ always: true, holidays: null }))).toBe(
      "Europe/Berlin、24時間365日、祝日なし、会計年度：暦月、会計年度 = 暦年",
    );
  });
});
