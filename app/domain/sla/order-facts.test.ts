import { describe, expect, it } from "vitest";
import { missReasonOf, orderSlaFacts, type StoredOrderMetrics } from "./order-facts";

const stored = (over: Partial<StoredOrderMetrics> = {}): StoredOrderMetrics => ({
  status: "delivered",
  promisedDate: "2026-03-10",
  deliveredAt: "2026-03-11T15:30:00.000Z",
  calendarVersion: 2,
  measurable: true,
  onTime: false,
  inFull: true,
  otif: false,
  unitsOrdered: 14,
  unitsShipped: 14,
  linesOrdered: 2,
  linesFilled: 2,
  linesInFull: 2,
  leadTimeMinutes: 1_620,
  lateMinutes: 150,
  fiscalYear: 2026,
  fiscalQuarter: 1,
  fiscalPeriod: 3,
  fiscalWeek: 11,
  ...over,
});

describe("orderSlaFacts", () => {
  it("passes the stored figures through for a measured order and names the miss", () => {
    expect(orderSlaFacts(stored())).toMatchObject({
      measured: true,
      notMeasuredReason: null,
      fiscal: { year: 2026, quarter: 1, period: 3, week: 11 },
      otif: false,
      missReason: "late",
      lateBusinessMinutes: 150,
      leadTimeBusinessMinutes: 1_620,
      lines: { ordered: 2, filled: 2, inFull: 2 },
      calendarVersion: 2,
    });
  });

  it("says why an order is not measured and gives it no verdict", () => {
    const open = orderSlaFacts(stored({ status: "in_transit", deliveredAt: null, measurable: false, onTime: null }));
    expect(open).toMatchObject({ measured: false, notMeasuredReason: "not-delivered", onTime: null, otif: null });
    expect(orderSlaFacts(stored({ status: "cancelled", measurable: false })).notMeasuredReason).toBe("cancelled");
  });

  it("reports an order the recompute has not reached as not computed", () => {
    expect(orderSlaFacts(stored({ calendarVersion: null })).notMeasuredReason).toBe("not-computed");
  });
});

describe("missReasonOf", () => {
  it("is late, short, both, or none", () => {
    expect(missReasonOf(false, true)).toBe("late");
    expect(missReasonOf(true, false)).toBe("short");
    expect(missReasonOf(false, false)).toBe("late-and-short");
    expect(missReasonOf(true, true)).toBeNull();
    expect(missReasonOf(null, true)).toBeNull();
  });
});
