// Hand-computed SLA metrics on real compiled calendars. Every expected figure is worked out in
// the comment next to it, from the calendar's definition, not from the code.
import { describe, expect, it } from "vitest";
import { compileCalendar } from "../calendar/index";
import type { CalendarDefinition, TimeInterval, WeekdayKey } from "../calendar/types";
import { metricCalendarOf } from "./calendar-adapter";
import { addDays, computeOrderMetrics, lineInFull, notMeasuredReason, type OrderFacts } from "./metrics";

const nineToFive: TimeInterval[] = [{ start: "08:00", end: "17:00" }];
const weekdays = (hours: TimeInterval[]): Record<WeekdayKey, TimeInterval[]> => ({
  "1": hours,
  "2": hours,
  "3": hours,
  "4": hours,
  "5": hours,
  "6": [],
  "7": [],
});

function calendar(overrides: Partial<CalendarDefinition> = {}) {
  const def: CalendarDefinition = {
    timeZone: "America/Chicago",
    weekStart: 7,
    weeklyHours: weekdays(nineToFive),
    holidays: { country: "US" },
    closures: [],
    extraWorkingDays: [],
    fiscal: { kind: "calendar", startMonth: 1 },
    ...overrides,
  };
  return metricCalendarOf(compileCalendar(def, { fromYear: 2025, toYear: 2027 }));
}

const chicago = calendar();
const noTolerance = { onTimeToleranceDays: 0, inFullTolerancePct: 0 };
const at = (iso: string) => Date.parse(iso);

function order(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    status: "delivered",
    promisedDate: "2026-03-10",
    orderedAt: at("2026-03-02T15:00:00Z"),
    shippedAt: at("2026-03-05T15:00:00Z"),
    deliveredAt: at("2026-03-09T15:00:00Z"),
    lines: [
      { qtyOrdered: 10, qtyShipped: 10 },
      { qtyOrdered: 4, qtyShipped: 4 },
    ],
    ...overrides,
  };
}

describe("on time, in the tenant's local dates", () => {
  it("counts a delivery at 23:30 local on the promised date as on time, though it is the next day in UTC", () => {
    // 2026-03-10 23:30 CDT (UTC-5 since 8 March) = 2026-03-11 04:30 UTC.
    const m = computeOrderMetrics(order({ deliveredAt: at("2026-03-11T04:30:00Z") }), chicago, noTolerance);
    expect(m.onTime).toBe(true);
    expect(m.otif).toBe(true);
  });

  it("counts a delivery at 00:30 local the day after the promised date as late", () => {
    // 2026-03-11 00:30 CDT = 2026-03-11 05:30 UTC: local date 11 March > promised 10 March.
    const m = computeOrderMetrics(order({ deliveredAt: at("2026-03-11T05:30:00Z") }), chicago, noTolerance);
    expect(m.onTime).toBe(false);
    expect(m.otif).toBe(false);
  });

  it("counts a delivery late in the evening in Tokyo by the Tokyo date, not the UTC date", () => {
    const tokyo = calendar({ timeZone: "Asia/Tokyo", holidays: { country: "JP" } });
    // 2026-03-10 08:00 JST = 2026-03-09 23:00 UTC: local 10 March, promised 9 March -> late.
    const m = computeOrderMetrics(
      order({ promisedDate: "2026-03-09", deliveredAt: at("2026-03-09T23:00:00Z") }),
      tokyo,
      noTolerance,
    );
    expect(m.onTime).toBe(false);
  });

  it("judges a delivery on a public holiday by its date like any other day", () => {
    // Christmas Day 2025 (Thursday) is a US public holiday; 10:00 CST = 16:00 UTC.
    const delivered = at("2025-12-25T16:00:00Z");
    const early = computeOrderMetrics(
      order({ promisedDate: "2025-12-26", deliveredAt: delivered }),
      chicago,
      noTolerance,
    );
    const late = computeOrderMetrics(
      order({ promisedDate: "2025-12-24", deliveredAt: delivered }),
      chicago,
      noTolerance,
    );
    expect(early.onTime).toBe(true);
    expect(late.onTime).toBe(false);
  });

  it("allows the contracted tolerance in calendar days after the promised date", () => {
    const delivered = at("2026-03-12T15:00:00Z"); // 12 March local, promised 10 March
    expect(
      computeOrderMetrics(order({ deliveredAt: delivered }), chicago, { ...noTolerance, onTimeToleranceDays: 1 })
        .onTime,
    ).toBe(false);
    expect(
      computeOrderMetrics(order({ deliveredAt: delivered }), chicago, { ...noTolerance, onTimeToleranceDays: 2 })
        .onTime,
    ).toBe(true);
  });
});

describe("lead time in business minutes", () => {
  it("skips a public holiday: Christmas Eve 16:00 to Boxing Day 09:00 is two working hours", () => {
    // 24 Dec 16:00-17:00 = 60 min; 25 Dec holiday = 0; 26 Dec 08:00-09:00 = 60 min. CST = UTC-6.
    const m = computeOrderMetrics(
      order({
        promisedDate: "2025-12-29",
        orderedAt: at("2025-12-24T22:00:00Z"),
        shippedAt: at("2025-12-26T15:00:00Z"),
      }),
      chicago,
      noTolerance,
    );
    expect(m.leadTimeMinutes).toBe(120);
  });

  it("counts working hours across the spring-forward weekend by local clock hours", () => {
    // Fri 6 March 16:00 CST (22:00Z) -> Mon 9 March 10:00 CDT (15:00Z): Fri 60 + Mon 120 = 180 min.
    // (A clock that ignored the DST change would put Monday 10:00 at 16:00Z.)
    const m = computeOrderMetrics(
      order({ orderedAt: at("2026-03-06T22:00:00Z"), shippedAt: at("2026-03-09T15:00:00Z") }),
      chicago,
      noTolerance,
    );
    expect(m.leadTimeMinutes).toBe(180);
  });

  it("counts a 24x7 calendar's lead time across the night clocks go forward as the real 23 hours", () => {
    const berlin = calendar({ timeZone: "Europe/Berlin", holidays: { country: "DE" }, always: true });
    // Sat 28 March 12:00 CET (11:00Z) -> Sun 29 March 12:00 CEST (10:00Z) = 23 h = 1380 min.
    const m = computeOrderMetrics(
      order({ orderedAt: at("2026-03-28T11:00:00Z"), shippedAt: at("2026-03-29T10:00:00Z") }),
      berlin,
      noTolerance,
    );
    expect(m.leadTimeMinutes).toBe(1380);
  });

  it("has no lead time before the order ships", () => {
    const m = computeOrderMetrics(
      order({ status: "picked", shippedAt: null, deliveredAt: null }),
      chicago,
      noTolerance,
    );
    expect(m.leadTimeMinutes).toBeNull();
    expect(m.measurable).toBe(false);
  });
});

describe("in full and fill rates", () => {
  it("is in full only when every line ships its ordered quantity", () => {
    const m = computeOrderMetrics(
      order({
        lines: [
          { qtyOrdered: 10, qtyShipped: 10 },
          { qtyOrdered: 4, qtyShipped: 3 },
          { qtyOrdered: 6, qtyShipped: 6 },
        ],
      }),
      chicago,
      noTolerance,
    );
    expect(m.inFull).toBe(false);
    expect(m.otif).toBe(false);
    expect(m.onTime).toBe(true);
    // Units 19 of 20; lines 2 of 3 shipped complete.
    expect([m.unitsShipped, m.unitsOrdered, m.linesFilled, m.linesOrdered]).toEqual([19, 20, 2, 3]);
  });

  it("accepts a short line within the tolerance percentage for in full, but not for the line fill rate", () => {
    // 95 of 100 units with 5% tolerance: needed 95 -> in full; the line is still not filled.
    const facts = order({ lines: [{ qtyOrdered: 100, qtyShipped: 95 }] });
    const m = computeOrderMetrics(facts, chicago, { ...noTolerance, inFullTolerancePct: 5 });
    expect(m.inFull).toBe(true);
    expect(m.linesFilled).toBe(0);
    expect(computeOrderMetrics(facts, chicago, { ...noTolerance, inFullTolerancePct: 4 }).inFull).toBe(false);
  });

  it("does not let over-shipping one line make up for a short one", () => {
    const m = computeOrderMetrics(
      order({
        lines: [
          { qtyOrdered: 10, qtyShipped: 14 },
          { qtyOrdered: 10, qtyShipped: 6 },
        ],
      }),
      chicago,
      noTolerance,
    );
    // Units shipped are capped per line: 10 + 6 = 16 of 20.
    expect(m.unitsShipped).toBe(16);
    expect(m.inFull).toBe(false);
  });

  it("compares fractional quantities exactly", () => {
    expect(lineInFull({ qtyOrdered: 0.3, qtyShipped: 0.1 + 0.2 }, 0)).toBe(true);
  });
});

describe("which orders are measured and where they count", () => {
  it("puts an order in the fiscal period of its promised date", () => {
    const acme = calendar({ fiscal: { kind: "445", yearEnd: { rule: "last", weekday: 6, month: 12 }, naming: "end" } });
    // FY2026 ends Sat 26 Dec 2026 and starts Sun 28 Dec 2025; periods of 4-4-5 weeks: P12 is the
    // last 5 weeks, 22 Nov - 26 Dec 2026. 23 Nov 2026 is in P12, Q4, week 48.
    const m = computeOrderMetrics(order({ promisedDate: "2026-11-23" }), acme, noTolerance);
    expect(m.fiscal).toEqual({ fiscalYear: 2026, quarter: 4, period: 12, week: 48 });
  });

  it("measures only delivered, promised, not cancelled orders", () => {
    const open = computeOrderMetrics(order({ status: "in_transit", deliveredAt: null }), chicago, noTolerance);
    const cancelled = computeOrderMetrics(order({ status: "cancelled" }), chicago, noTolerance);
    const unpromised = computeOrderMetrics(order({ promisedDate: null }), chicago, noTolerance);
    for (const m of [open, cancelled, unpromised]) {
      expect(m.measurable).toBe(false);
      expect(m.otif).toBeNull();
    }
    expect(open.fiscal).not.toBeNull();
    expect(unpromised.fiscal).toBeNull();
    expect(cancelled.leadTimeMinutes).toBeNull();
  });
});

describe("addDays", () => {
  it("crosses month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("how late, in business minutes", () => {
  it("is 0 for an order on time", () => {
    expect(computeOrderMetrics(order(), chicago, noTolerance).lateMinutes).toBe(0);
  });

  it("counts working time from the end of the promised day to the delivery", () => {
    // Promised Tue 10 March; delivered Wed 11 March 10:30 CDT (15:30 UTC): 08:00-10:30 = 150 minutes.
    const m = computeOrderMetrics(order({ deliveredAt: at("2026-03-11T15:30:00Z") }), chicago, noTolerance);
    expect(m.onTime).toBe(false);
    expect(m.lateMinutes).toBe(150);
  });

  it("starts after the tolerance days, and skips the weekend", () => {
    // Promised Fri 13 March + 1 day tolerance = Sat 14 March is the last on-time day. Delivered
    // Mon 16 March 09:00 CDT (14:00 UTC): Sat and Sun are not working days, Mon 08:00-09:00 = 60.
    const m = computeOrderMetrics(
      order({ promisedDate: "2026-03-13", deliveredAt: at("2026-03-16T14:00:00Z") }),
      chicago,
      { onTimeToleranceDays: 1, inFullTolerancePct: 0 },
    );
    expect(m.lateMinutes).toBe(60);
  });

  it("is null for an order that is not measured", () => {
    expect(computeOrderMetrics(order({ deliveredAt: null }), chicago, noTolerance).lateMinutes).toBeNull();
  });
});

describe("lines in full within the tolerance", () => {
  it("counts a line 2% short as in full under a 5% tolerance, but not as filled", () => {
    const m = computeOrderMetrics(
      order({
        lines: [
          { qtyOrdered: 100, qtyShipped: 98 },
          { qtyOrdered: 4, qtyShipped: 4 },
        ],
      }),
      chicago,
      { onTimeToleranceDays: 0, inFullTolerancePct: 5 },
    );
    expect(m).toMatchObject({ linesOrdered: 2, linesFilled: 1, linesInFull: 2, inFull: true });
  });
});

describe("why an order is not measured", () => {
  it("names the first reason that applies", () => {
    const base = { status: "delivered", promisedDate: "2026-03-10", deliveredAt: 1, lineCount: 2 };
    expect(notMeasuredReason(base)).toBeNull();
    expect(notMeasuredReason({ ...base, status: "cancelled", promisedDate: null })).toBe("cancelled");
    expect(notMeasuredReason({ ...base, promisedDate: null, deliveredAt: null })).toBe("no-promised-date");
    expect(notMeasuredReason({ ...base, deliveredAt: null })).toBe("not-delivered");
    expect(notMeasuredReason({ ...base, lineCount: 0 })).toBe("no-lines");
  });
});
