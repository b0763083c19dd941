// The written rules of the scorecard ("how is this computed"): which period an order counts in,
// when it is measured, rounding, tolerance, and the figures shown beside the KPIs (perfect order,
// recovery time). The KPIs themselves are in ./kpis.ts. The text must match ./metrics.ts.

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

/** Perfect order %: shown beside the KPIs per fiscal period (no contracted target yet). */
export const PERFECT_ORDER_DEFINITION =
  "Perfect order: the share of measured orders that were on time, in full, undamaged and with correct documents. An order is damaged when a damaged or claim_filed event was received for it, and its documents are wrong when a document_error event was; an order without such events is perfect when it is OTIF. Decided per order, shown to two decimals, rounded half up.";

/** Recovery time: shown beside perfect order per fiscal period. */
export const RECOVERY_TIME_DEFINITION =
  "Recovery time: for a measured order that missed OTIF and was escalated, the business time (your calendar's working hours) from its first escalation being raised to the last of its escalations being resolved; escalations closed as duplicates do not count, and an order with an escalation still unresolved is not yet recovered. The period's figure is the average over its recovered orders, in business hours to two decimals, rounded half up.";
