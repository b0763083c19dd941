import { describe, expect, it } from "vitest";
import { compileCalendar, fiscalPeriodOfDate, validateCalendar } from "#app/domain/calendar/index";
import { describeCalendar } from "#app/domain/sla/describe";
import { DEMO_TENANTS } from "./demo-tenants";
import { demoCalendars } from "./sla";

describe("demo calendars", () => {
  const calendars = demoCalendars(2026);

  it("give every demo tenant a valid calendar in its own time zone", () => {
    for (const t of DEMO_TENANTS) {
      const def = calendars[t.slug];
      expect(def, t.slug).toBeDefined();
      expect(validateCalendar(def), t.slug).toEqual({ ok: true });
      expect(def.timeZone).toBe(t.timeZone);
    }
  });

  it("use each customer's customary fiscal year", () => {
    const period = (slug: string, date: string) => {
      const p = fiscalPeriodOfDate(compileCalendar(calendars[slug], { fromYear: 2025, toYear: 2027 }), date);
      return [p.fiscalYear, p.period];
    };
    // Sakura: April start, named by the starting year; Deccan: April start, named by the ending year.
    expect(period("sakura", "2026-04-01")).toEqual([2026, 1]);
    expect(period("deccan", "2026-04-01")).toEqual([2027, 1]);
    // Southern Cross: the Australian July-June year; Nordwind: calendar year.
    expect(period("southerncross", "2026-07-15")).toEqual([2027, 1]);
    expect(period("nordwind", "2026-07-15")).toEqual([2026, 7]);
    // Acme: 4-4-5 weeks, FY2026 ends on the last Saturday of December 2026 (26 Dec).
    expect(period("acme", "2026-12-26")).toEqual([2026, 12]);
    expect(period("acme", "2026-12-27")).toEqual([2027, 1]);
  });

  it("are named in plain language", () => {
    expect(describeCalendar(calendars.acme)).toBe(
      "America/Chicago, Mon–Fri 06:00–22:00, US public holidays; fiscal: 4-4-5 weeks, year ends on the last Saturday of December",
    );
    expect(describeCalendar(calendars.nordwind)).toContain("DE-BY public holidays");
  });
});
