import { describe, expect, it } from "vitest";
import { KPIS, KPI_IDS, kpiMessages, kpiMet, leadTimeOverMinutes, targetFor, type Aggregate } from "./kpis";
import { TIER_DEFAULT_TARGETS } from "./targets";

const agg: Aggregate = {
  orders: 12,
  measured: 10,
  onTime: 9,
  inFull: 8,
  otif: 7,
  unitsOrdered: 300,
  unitsShipped: 290,
  linesOrdered: 40,
  linesFilled: 37,
  shortOrders: 3,
  leadTimeOrders: 10,
  leadTimeMinutesSum: 6_010,
  leadTimeOver: 2,
};

describe("KPI registry", () => {
  it("has one entry per id, under its own id", () => {
    expect(Object.keys(KPIS)).toEqual([...KPI_IDS]);
    for (const id of KPI_IDS) expect(KPIS[id].id).toBe(id);
  });

  it("measures each KPI from the scorecard's sums", () => {
    const values = Object.fromEntries(KPI_IDS.map((id) => [id, KPIS[id].measure(agg)]));
    expect(values).toEqual({
      otif: { value: 70, numerator: 7, denominator: 10, missed: 3 },
      onTime: { value: 90, numerator: 9, denominator: 10, missed: 1 },
      inFull: { value: 80, numerator: 8, denominator: 10, missed: 2 },
      fillRateUnits: { value: 96.67, numerator: 290, denominator: 300, missed: 3 },
      fillRateLines: { value: 92.5, numerator: 37, denominator: 40, missed: 3 },
      leadTime: { value: 10.02, numerator: 100.17, denominator: 10, missed: 2 },
    });
  });

  it("has no value where nothing was measured", () => {
    const none = { ...agg, measured: 0, unitsOrdered: 0, linesOrdered: 0, leadTimeOrders: 0 };
    for (const id of KPI_IDS) expect(KPIS[id].measure(none).value).toBeNull();
  });

  it("compares each KPI with its contracted target, in the direction that is better", () => {
    const t = TIER_DEFAULT_TARGETS.key;
    expect(KPI_IDS.map((id) => targetFor(id, t))).toEqual([
      t.otifPct,
      t.onTimePct,
      t.inFullPct,
      t.fillRatePct,
      t.fillRatePct,
      t.leadTimeHours,
    ]);
    expect(kpiMet("otif", 92, 92)).toBe(true);
    expect(kpiMet("otif", 91.99, 92)).toBe(false);
    expect(kpiMet("leadTime", 80, 80)).toBe(true);
    expect(kpiMet("leadTime", 80.01, 80)).toBe(false);
    expect(kpiMet("leadTime", null, 80)).toBeNull();
  });

  it("links each KPI's misses to the order-list filter of those orders", () => {
    const t = TIER_DEFAULT_TARGETS.standard;
    expect(KPI_IDS.map((id) => KPIS[id].missedFilter(t))).toEqual([
      { otif: "missed" },
      { ontime: "missed" },
      { infull: "missed" },
      { fill: "short" },
      { fill: "short" },
      { leadTimeOver: leadTimeOverMinutes(t) },
    ]);
    expect(leadTimeOverMinutes({ leadTimeHours: 1.5 })).toBe(90);
  });

  it("names each KPI's texts in the catalogue", () => {
    expect(kpiMessages("fillRateUnits")).toEqual({
      name: "sla.kpi.fillRateUnits",
      definition: "sla.def.fillRateUnits",
      csvName: "sla.csv.kpiName.fillRateUnits",
    });
  });
});
