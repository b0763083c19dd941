// The KPIs customers see, with their written definitions ("how is this computed"), their
// targets and how a figure is compared with its target. The text must match ./metrics.ts.

export const KPI_IDS = ["otif", "onTime", "inFull", "fillRateUnits", "fillRateLines", "leadTime"] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface KpiDefinition {
  id: KpiId;
  label: string;
  unit: "%" | "business hours";
  /** Higher figures are better (percentages) or lower (lead time). */
  better: "higher" | "lower";
  /** Plain-language definition shown next to the number. */
  definition: string;
}

export const PERIOD_RULE =
  "An order counts in the fiscal period (week, period, quarter, year) of its promised delivery date, in your fiscal calendar — not the date it was placed or delivered.";

export const MEASURED_RULE =
  "An order is measured once it has been delivered, has a promised date and was not cancelled. Open orders are not scored yet; cancelled orders never are.";

export const ROUNDING_RULE =
  "Rounding: each order's lead time and lateness are stored in whole business minutes, rounded half up; quantities are compared in hundredths of a unit; percentages are shown to two decimals, rounded half up from the exact share; the average lead time is the sum of the orders' minutes divided by the number of orders, in hours to two decimals, rounded half up.";

/** The tolerances in force, in words (they come from the account's contracted targets). */
export function toleranceRule(t: { onTimeToleranceDays: number; inFullTolerancePct: number }): string {
  const days =
    t.onTimeToleranceDays === 0
      ? "On time means delivered on or before the promised date (no tolerance days)"
      : `On time allows ${t.onTimeToleranceDays} calendar day${t.onTimeToleranceDays === 1 ? "" : "s"} after the promised date`;
  const full =
    t.inFullTolerancePct === 0
      ? "a line is in full only when it ships its whole ordered quantity"
      : `a line is in full when it ships at least ${100 - t.inFullTolerancePct}% of its ordered quantity (rounded up to the hundredth of a unit)`;
  return `Tolerance: ${days}; ${full}. Lateness is counted in business time from the end of the last on-time day.`;
}

export const KPI_DEFINITIONS: Record<KpiId, KpiDefinition> = {
  otif: {
    id: "otif",
    label: "OTIF",
    unit: "%",
    better: "higher",
    definition:
      "On time in full: the share of measured orders that were both on time and in full. Decided per order, not by multiplying the two rates.",
  },
  onTime: {
    id: "onTime",
    label: "On time",
    unit: "%",
    better: "higher",
    definition:
      "The share of measured orders delivered on or before the promised date, plus the contracted tolerance in calendar days. The delivery date is the local date in your calendar's time zone, so a delivery at 23:30 your time on the promised date is on time.",
  },
  inFull: {
    id: "inFull",
    label: "In full",
    unit: "%",
    better: "higher",
    definition:
      "The share of measured orders where every line shipped at least its ordered quantity, less the contracted tolerance percentage.",
  },
  fillRateUnits: {
    id: "fillRateUnits",
    label: "Fill rate (units)",
    unit: "%",
    better: "higher",
    definition:
      "Units shipped divided by units ordered, over measured orders. Units shipped beyond a line's ordered quantity are not counted, so over-shipping one line cannot hide a short line.",
  },
  fillRateLines: {
    id: "fillRateLines",
    label: "Fill rate (lines)",
    unit: "%",
    better: "higher",
    definition:
      "Order lines shipped at their full ordered quantity divided by order lines ordered, over measured orders.",
  },
  leadTime: {
    id: "leadTime",
    label: "Lead time",
    unit: "business hours",
    better: "lower",
    definition:
      "Average time from order placed to shipped, counting only your working hours: weekly hours in your time zone, less public holidays and closures of your calendar.",
  },
};

/** Perfect order %: shown beside the KPIs per fiscal period (no contracted target yet). */
export const PERFECT_ORDER_DEFINITION =
  "Perfect order: the share of measured orders that were on time, in full, undamaged and with correct documents. An order is damaged when a damaged or claim_filed event was received for it, and its documents are wrong when a document_error event was; an order without such events is perfect when it is OTIF. Decided per order, shown to two decimals, rounded half up.";

/** Recovery time: shown beside perfect order per fiscal period. */
export const RECOVERY_TIME_DEFINITION =
  "Recovery time: for a measured order that missed OTIF and was escalated, the business time (your calendar's working hours) from its first escalation being raised to the last of its escalations being resolved; escalations closed as duplicates do not count, and an order with an escalation still unresolved is not yet recovered. The period's figure is the average over its recovered orders, in business hours to two decimals, rounded half up.";

/** A KPI figure against its target; null figure (nothing measured) has no verdict. */
export function kpiMet(kpi: KpiId, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return KPI_DEFINITIONS[kpi].better === "higher" ? value >= target - 1e-9 : value <= target + 1e-9;
}
