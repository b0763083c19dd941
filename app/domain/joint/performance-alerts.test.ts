import { describe, expect, it } from "vitest";
import {
  alertKey,
  detectBreaches,
  fillRatePct,
  isPerformanceKpi,
  otifPct,
  percentOf,
  underFloor,
  type PeriodFigures,
} from "./performance-alerts";
import { DEFAULT_REVIEW } from "./protocol";

/** A period with `measured` orders, `otif` of them OTIF, and units shipped of 1000 ordered. */
const period = (n: number, measured: number, otif: number, unitsShipped = 1000, shortOrders = 0): PeriodFigures => ({
  id: `FY2026-P${String(n).padStart(2, "0")}`,
  label: `P${n}`,
  measured,
  otif,
  unitsOrdered: 1000,
  unitsShipped,
  shortOrders,
});

const review = { otifFloorPct: 92, consecutivePeriods: 2, fillRateFloorPct: 95 };

describe("performance alerts", () => {
  it("computes figures to two decimals, half up, and none when nothing was measured", () => {
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 0)).toBeNull();
    expect(otifPct(period(1, 50, 46))).toBe(92);
    expect(otifPct(period(1, 0, 0))).toBeNull();
    expect(fillRatePct(period(1, 10, 10, 949.5))).toBe(94.95);
    expect(fillRatePct(period(1, 0, 0, 0))).toBeNull();
  });

  it("treats the floor itself as met", () => {
    expect(underFloor(92, 92)).toBe(false);
    expect(underFloor(91.99, 92)).toBe(true);
    expect(underFloor(null, 92)).toBe(false);
  });

  it("opens an OTIF alert when a run of consecutive periods under the floor reaches the count", () => {
    // P1 fine, P2 and P3 under 92 %: the run completes in P3.
    const got = detectBreaches([period(1, 50, 48), period(2, 50, 45), period(3, 40, 30)], review);
    expect(got).toEqual([
      {
        kpi: "otif",
        periodId: "FY2026-P03",
        periodLabel: "P3",
        floorPct: 92,
        periods: [
          { id: "FY2026-P02", label: "P2", value: 90, measured: 50, missed: 5 },
          { id: "FY2026-P03", label: "P3", value: 75, measured: 40, missed: 10 },
        ],
      },
    ]);
    expect(alertKey(got[0])).toBe("otif:FY2026-P03");
  });

  it("needs the periods to be consecutive: a period at the floor or with nothing measured breaks the run", () => {
    expect(
      detectBreaches([period(1, 50, 48), period(2, 50, 45), period(3, 50, 46), period(4, 50, 45)], review),
    ).toEqual([]);
    expect(detectBreaches([period(1, 50, 48), period(2, 50, 45), period(3, 0, 0), period(4, 50, 45)], review)).toEqual(
      [],
    );
  });

  it("opens one alert per run, however long it goes on, and a new one for a new run", () => {
    const periods = [
      period(1, 50, 50),
      period(2, 50, 40),
      period(3, 50, 40),
      period(4, 50, 40),
      period(5, 50, 50),
      period(6, 50, 40),
      period(7, 50, 40),
    ];
    expect(detectBreaches(periods, review).map(alertKey)).toEqual(["otif:FY2026-P03", "otif:FY2026-P07"]);
    // Three periods needed: only the first run is long enough.
    expect(detectBreaches(periods, { ...review, consecutivePeriods: 3 }).map(alertKey)).toEqual(["otif:FY2026-P04"]);
  });

  it("does not report a run that starts with the first period given (it may have started earlier)", () => {
    expect(detectBreaches([period(1, 50, 40), period(2, 50, 40), period(3, 50, 40)], review)).toEqual([]);
  });

  it("opens a fill-rate alert for every period under the floor, with the orders shipped short", () => {
    const got = detectBreaches([period(1, 20, 20, 1000), period(2, 20, 20, 940, 4), period(3, 20, 20, 950)], review);
    expect(got).toEqual([
      {
        kpi: "fill_rate",
        periodId: "FY2026-P02",
        periodLabel: "P2",
        floorPct: 95,
        periods: [{ id: "FY2026-P02", label: "P2", value: 94, measured: 20, missed: 4 }],
      },
    ]);
  });

  it("applies the defaults of a protocol not yet agreed and checks KPI names", () => {
    expect(DEFAULT_REVIEW).toEqual(review);
    const got = detectBreaches([period(1, 10, 10), period(2, 10, 9, 900, 3), period(3, 10, 9)], DEFAULT_REVIEW);
    expect(got.map(alertKey)).toEqual(["fill_rate:FY2026-P02", "otif:FY2026-P03"]);
    expect(isPerformanceKpi("otif")).toBe(true);
    expect(isPerformanceKpi("fill_rate")).toBe(true);
    expect(isPerformanceKpi("onTime")).toBe(false);
  });
});
