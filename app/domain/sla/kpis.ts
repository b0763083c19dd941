// The KPI registry: every KPI customers see, with what each place that shows one needs to know
// (the scorecard, the SLA page, the CSV, the digest e-mail, the API): its unit, which way is
// better, the target it is compared with, how it is computed from the scorecard's sums, which
// orders its misses are, and the words for its counts and misses. The written definitions must
// match ./metrics.ts. Its texts in the reader's language are `kpiMessages(id)` in the catalogue
// (app/i18n/messages/sla/*.json): a KPI without them fails `npm run typecheck`.
import type { SlaTargets } from "./targets";

export const KPI_IDS = ["otif", "onTime", "inFull", "fillRateUnits", "fillRateLines", "leadTime"] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** The sums every scorecard figure is made of, over one group of orders (AGG in scorecard.server.ts). */
export interface Aggregate {
  orders: number;
  measured: number;
  onTime: number;
  inFull: number;
  otif: number;
  unitsOrdered: number;
  unitsShipped: number;
  linesOrdered: number;
  linesFilled: number;
  shortOrders: number;
  leadTimeOrders: number;
  leadTimeMinutesSum: number;
  leadTimeOver: number;
}

/** A KPI's figure over one aggregate. */
export interface KpiMeasure {
  /** Percent (0-100) or business hours, to two decimals; null when nothing was measured. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** Orders that missed (not OTIF, late, a line short, lead time over target). */
  missed: number;
}

/** The order-list filter of a KPI's misses (drill-down params; see app/server/sla/drilldown.server.ts). */
export type MissedFilter =
  { otif: "missed" } | { ontime: "missed" } | { infull: "missed" } | { fill: "short" } | { leadTimeOver: number };

/** The SlaTargets fields a KPI can be compared with (the others are tolerances). */
export type TargetKey = Exclude<keyof SlaTargets, "onTimeToleranceDays" | "inFullTolerancePct">;

export interface KpiSpec {
  id: KpiId;
  /** English name (the API's `label`; people read `kpiMessages(id).name`). */
  label: string;
  /** How the figure is written: a percentage (0-100) or business hours. */
  unit: "%" | "business hours";
  /** Higher figures are better (percentages) or lower (lead time). */
  better: "higher" | "lower";
  /** Plain-language definition (the API's; people read `kpiMessages(id).definition`). */
  definition: string;
  /** The contracted target it is compared with. */
  target: TargetKey;
  /** What its numerator and denominator count: the message `sla.what.<counts>`. */
  counts: "orders" | "units" | "lines" | "shipped";
  /** What its misses are called: the `kind` of `sla.missedLink` / `sla.noMissed`. */
  missedKind: "missed" | "late" | "fill" | "lead";
  /** A column of the SLA page's per-site table. */
  perSite: boolean;
  measure(a: Aggregate): KpiMeasure;
  missedFilter(targets: SlaTargets): MissedFilter;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** A share in percent to two decimals, rounded half up; null without a denominator. */
export const pct = (num: number, den: number): number | null => (den > 0 ? round2((100 * num) / den) : null);

/** A percentage KPI: num / den, with its misses. */
const share = (numerator: number, denominator: number, missed: number): KpiMeasure => ({
  value: pct(numerator, denominator),
  numerator,
  denominator,
  missed,
});

/** The business minutes above which an order's lead time misses the target. */
export const leadTimeOverMinutes = (t: Pick<SlaTargets, "leadTimeHours">) => Math.round(t.leadTimeHours * 60);

export const KPIS: { readonly [K in KpiId]: KpiSpec & { id: K } } = {
  otif: {
    id: "otif",
    label: "OTIF",
    unit: "%",
    better: "higher",
    definition:
      "On time in full: the share of measured orders that were both on time and in full. Decided per order, not by multiplying the two rates.",
    target: "otifPct",
    counts: "orders",
    missedKind: "missed",
    perSite: true,
    measure: (a) => share(a.otif, a.measured, a.measured - a.otif),
    missedFilter: () => ({ otif: "missed" }),
  },
  onTime: {
    id: "onTime",
    label: "On time",
    unit: "%",
    better: "higher",
    definition:
      "The share of measured orders delivered on or before the promised date, plus the contracted tolerance in calendar days. The delivery date is the local date in your calendar's time zone, so a delivery at 23:30 your time on the promised date is on time.",
    target: "onTimePct",
    counts: "orders",
    missedKind: "late",
    perSite: true,
    measure: (a) => share(a.onTime, a.measured, a.measured - a.onTime),
    missedFilter: () => ({ ontime: "missed" }),
  },
  inFull: {
    id: "inFull",
    label: "In full",
    unit: "%",
    better: "higher",
    definition:
      "The share of measured orders where every line shipped at least its ordered quantity, less the contracted tolerance percentage.",
    target: "inFullPct",
    counts: "orders",
    missedKind: "missed",
    perSite: true,
    measure: (a) => share(a.inFull, a.measured, a.measured - a.inFull),
    missedFilter: () => ({ infull: "missed" }),
  },
  fillRateUnits: {
    id: "fillRateUnits",
    label: "Fill rate (units)",
    unit: "%",
    better: "higher",
    definition:
      "Units shipped divided by units ordered, over measured orders. Units shipped beyond a line's ordered quantity are not counted, so over-shipping one line cannot hide a short line.",
    target: "fillRatePct",
    counts: "units",
    missedKind: "fill",
    perSite: true,
    measure: (a) => share(a.unitsShipped, a.unitsOrdered, a.shortOrders),
    missedFilter: () => ({ fill: "short" }),
  },
  fillRateLines: {
    id: "fillRateLines",
    label: "Fill rate (lines)",
    unit: "%",
    better: "higher",
    definition:
      "Order lines shipped at their full ordered quantity divided by order lines ordered, over measured orders.",
    target: "fillRatePct",
    counts: "lines",
    missedKind: "fill",
    perSite: false,
    measure: (a) => share(a.linesFilled, a.linesOrdered, a.shortOrders),
    missedFilter: () => ({ fill: "short" }),
  },
  leadTime: {
    id: "leadTime",
    label: "Lead time",
    unit: "business hours",
    better: "lower",
    definition:
      "Average time from order placed to shipped, counting only your working hours: weekly hours in your time zone, less public holidays and closures of your calendar.",
    target: "leadTimeHours",
    counts: "shipped",
    missedKind: "lead",
    perSite: true,
    measure: (a) => ({
      value: a.leadTimeOrders > 0 ? round2(a.leadTimeMinutesSum / a.leadTimeOrders / 60) : null,
      numerator: round2(a.leadTimeMinutesSum / 60),
      denominator: a.leadTimeOrders,
      missed: a.leadTimeOver,
    }),
    missedFilter: (t) => ({ leadTimeOver: leadTimeOverMinutes(t) }),
  },
};

/** The catalogue keys of a KPI's texts: its name, its definition and its CSV column name. */
export function kpiMessages<K extends KpiId>(id: K) {
  return { name: `sla.kpi.${id}`, definition: `sla.def.${id}`, csvName: `sla.csv.kpiName.${id}` } as const;
}

/** The target a KPI is compared with. */
export function targetFor(kpi: KpiId, t: SlaTargets): number {
  return t[KPIS[kpi].target];
}

/** A KPI figure against its target; null figure (nothing measured) has no verdict. */
export function kpiMet(kpi: KpiId, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return KPIS[kpi].better === "higher" ? value >= target - 1e-9 : value <= target + 1e-9;
}
