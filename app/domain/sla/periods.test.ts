import { describe, expect, it } from "vitest";
import {
  formatPeriodKey,
  parsePeriodKey,
  parsePeriodSelection,
  precedingPeriods,
  resolvePeriod,
  type FiscalLookup,
} from "./periods";

describe("period keys", () => {
  it("round-trips years, quarters, periods and weeks", () => {
    for (const k of ["FY2026", "FY2026-Q2", "FY2026-P03", "FY2027-W53"]) {
      const parsed = parsePeriodKey(k);
      expect(parsed).not.toBeNull();
      expect(formatPeriodKey(parsed!)).toBe(k);
    }
  });

  it("refuses keys that are not periods", () => {
    for (const k of [
      "",
      "2026",
      "FY26",
      "FY2026-Q5",
      "FY2026-P00",
      "FY2026-P14",
      "FY2026-W55",
      "FY2026-X01",
      "FY2026-P03;drop",
    ]) {
      expect(parsePeriodKey(k)).toBeNull();
    }
  });

  it("reads relative selections", () => {
    expect(parsePeriodSelection("last-quarter")).toEqual({ kind: "relative", which: "last", granularity: "quarter" });
    expect(parsePeriodSelection("next-quarter")).toBeNull();
  });
});

describe("resolving this and last", () => {
  // A month-based year starting in July: 15 Aug 2026 is FY2027 P02, Q1, week 7.
  const lookup: FiscalLookup = {
    today: "2026-08-15",
    keysOfDate: (d) =>
      d === "2026-08-15"
        ? { fiscalYear: 2027, quarter: 1, period: 2, week: 7 }
        : d === "2026-08-08"
          ? { fiscalYear: 2027, quarter: 1, period: 2, week: 6 }
          : { fiscalYear: 0, quarter: 0, period: 0, week: 0 },
    periodsInYear: () => 12,
  };
  it("steps back across the fiscal year boundary for last quarter", () => {
    expect(resolvePeriod({ kind: "relative", which: "last", granularity: "quarter" }, lookup)).toEqual({
      granularity: "quarter",
      fiscalYear: 2026,
      index: 4,
    });
  });
  it("uses the week seven days ago for last week", () => {
    expect(formatPeriodKey(resolvePeriod({ kind: "relative", which: "last", granularity: "week" }, lookup))).toBe(
      "FY2027-W06",
    );
  });
  it("lists the 12 periods ending with a given one, oldest first", () => {
    const slots = precedingPeriods({ fiscalYear: 2027, period: 2 }, 12, () => 12);
    expect(slots[0]).toEqual({ fiscalYear: 2026, period: 3 });
    expect(slots[11]).toEqual({ fiscalYear: 2027, period: 2 });
  });
});
