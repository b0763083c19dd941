import { describe, expect, it } from "vitest";
import { defaultCalendarFor } from "./defaults";
import { fiscalPeriodOfDate } from "./fiscal";
import { fiscalYearStructure } from "./fiscal-year";
import { dateToDays, daysToDate } from "./time";
import type { CalendarDefinition } from "./types";

const base = defaultCalendarFor({ timeZone: "Europe/Berlin", country: "DE", region: null });
const retail: CalendarDefinition = {
  ...base,
  fiscal: { kind: "445", yearEnd: { rule: "nearest", weekday: 6, month: 1 }, naming: "start" },
};
const july: CalendarDefinition = { ...base, weekStart: 1, fiscal: { kind: "calendar", startMonth: 7 } };

/** Every day of the year sits in exactly one week, period and quarter, and they agree with fiscalPeriodOfDate. */
function checkTiling(def: CalendarDefinition, fy: number) {
  const s = fiscalYearStructure(def, fy);
  for (const list of [s.weeks, s.periods, s.quarters]) {
    expect(list[0].start).toBe(s.start);
    expect(list[list.length - 1].end).toBe(s.end);
    for (let i = 1; i < list.length; i++) expect(dateToDays(list[i].start)).toBe(dateToDays(list[i - 1].end) + 1);
  }
  for (let d = dateToDays(s.start); d <= dateToDays(s.end); d += 5) {
    const date = daysToDate(d);
    const pos = fiscalPeriodOfDate(def, date);
    const week = s.weeks.find((w) => w.start <= date && date <= w.end);
    expect(week?.week).toBe(pos.week);
    expect(s.periods.find((p) => p.start <= date && date <= p.end)?.period).toBe(pos.period);
  }
  return s;
}

describe("fiscalYearStructure", () => {
  it("tiles a 4-4-5 year with 52 or 53 whole weeks, 12 periods and 4 quarters", () => {
    const s = checkTiling(retail, 2025);
    expect([52, 53]).toContain(s.weeks.length);
    expect(s.periods).toHaveLength(12);
    expect(s.quarters).toHaveLength(4);
    expect(s.periods.slice(0, 3).map((p) => p.weeks)).toEqual([4, 4, 5]);
  });

  it("tiles a July-June month-based year, with partial first and last weeks", () => {
    const s = checkTiling(july, 2026);
    expect(s.start).toBe("2025-07-01");
    expect(s.end).toBe("2026-06-30");
    expect(s.periods[0]).toMatchObject({ period: 1, start: "2025-07-01", end: "2025-07-31" });
    // 1 July 2025 was a Tuesday: with Monday week starts, week 1 is 1-6 July.
    expect(s.weeks[0]).toEqual({ week: 1, start: "2025-07-01", end: "2025-07-06" });
  });

  it("refuses a fiscal year outside 1900-2200", () => {
    expect(() => fiscalYearStructure(july, 1800)).toThrow(RangeError);
  });
});
