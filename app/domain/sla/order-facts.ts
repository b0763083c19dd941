// One order's SLA facts as customers see them (API rows, CSV, the order page): built from the
// metric columns stored by the recompute (./metrics.ts), so the facts of an order are exactly
// what the scorecard sums. Nothing here recomputes a figure.
import { notMeasuredReason, type NotMeasuredReason } from "./metrics";

/** What the stored metric columns hold for one order. */
export interface StoredOrderMetrics {
  status: string;
  promisedDate: string | null;
  deliveredAt: string | null;
  calendarVersion: number | null;
  measurable: boolean | null;
  onTime: boolean | null;
  inFull: boolean | null;
  otif: boolean | null;
  unitsOrdered: number | null;
  unitsShipped: number | null;
  linesOrdered: number | null;
  linesFilled: number | null;
  linesInFull: number | null;
  leadTimeMinutes: number | null;
  lateMinutes: number | null;
  fiscalYear: number | null;
  fiscalQuarter: number | null;
  fiscalPeriod: number | null;
  fiscalWeek: number | null;
}

/** Why a measured order missed OTIF: late only, short only, or both. */
export type MissReason = "late" | "short" | "late-and-short";
export const MISS_REASONS: readonly MissReason[] = ["late", "short", "late-and-short"];

/** Why a measured order missed OTIF, as the order list shows it (from its stored SLA facts). */
export interface OrderMissView {
  reason: MissReason;
  lateBusinessMinutes: number | null;
  linesShort: number;
  linesOrdered: number;
}

export interface OrderSlaFacts {
  measured: boolean;
  /** Why not measured; "not-computed" while a recompute has not reached the order yet. */
  notMeasuredReason: NotMeasuredReason | "not-computed" | null;
  /** Fiscal keys of the promised date (null without one). */
  fiscal: { year: number; quarter: number; period: number; week: number } | null;
  onTime: boolean | null;
  inFull: boolean | null;
  otif: boolean | null;
  missReason: MissReason | null;
  /** Order placed to shipped, in working minutes of the calendar (whole minutes, half up). */
  leadTimeBusinessMinutes: number | null;
  /** Working minutes after the last on-time day (0 when on time; whole minutes, half up). */
  lateBusinessMinutes: number | null;
  /** Units shipped count at most each line's ordered quantity. */
  units: { ordered: number; shipped: number };
  /** filled: shipped the full quantity; inFull: shipped in full within the tolerance. */
  lines: { ordered: number; filled: number; inFull: number };
  calendarVersion: number | null;
}

export function missReasonOf(onTime: boolean | null, inFull: boolean | null): MissReason | null {
  if (onTime === null || inFull === null) return null;
  if (!onTime && !inFull) return "late-and-short";
  if (!onTime) return "late";
  if (!inFull) return "short";
  return null;
}

export function orderSlaFacts(m: StoredOrderMetrics): OrderSlaFacts {
  const computed = m.calendarVersion !== null;
  const measured = computed && m.measurable === true;
  const reason = measured
    ? null
    : !computed
      ? "not-computed"
      : (notMeasuredReason({ ...m, lineCount: m.linesOrdered ?? 0 }) ?? "not-computed");
  return {
    measured,
    notMeasuredReason: reason,
    fiscal:
      m.fiscalYear !== null && m.fiscalQuarter !== null && m.fiscalPeriod !== null && m.fiscalWeek !== null
        ? { year: m.fiscalYear, quarter: m.fiscalQuarter, period: m.fiscalPeriod, week: m.fiscalWeek }
        : null,
    onTime: measured ? m.onTime : null,
    inFull: measured ? m.inFull : null,
    otif: measured ? m.otif : null,
    missReason: measured ? missReasonOf(m.onTime, m.inFull) : null,
    leadTimeBusinessMinutes: m.leadTimeMinutes,
    lateBusinessMinutes: measured ? m.lateMinutes : null,
    units: { ordered: m.unitsOrdered ?? 0, shipped: m.unitsShipped ?? 0 },
    lines: { ordered: m.linesOrdered ?? 0, filled: m.linesFilled ?? 0, inFull: m.linesInFull ?? 0 },
    calendarVersion: m.calendarVersion,
  };
}
