// Proactive performance alerts: when an account's KPIs fall under the floors its escalation
// protocol sets for a joint review (ReviewThresholds), the platform opens an internal alert for
// the account team. Two rules, over closed fiscal periods of the account's calendar, oldest first:
// - OTIF under `otifFloorPct` in `consecutivePeriods` consecutive periods: one alert per run,
//   keyed by the period that completes the run (a run that keeps going opens no second alert;
//   a new run after a period at or above the floor does);
// - fill rate (units) under `fillRateFloorPct` in any period: one alert for that period.
// A period with nothing measured has no figure: it breaks a run and never breaches a floor.
// Pure: storage, notices and the job live in app/server/joint/performance-alerts*.server.ts.
import type { ReviewThresholds } from "./protocol";

export const PERFORMANCE_KPIS = ["otif", "fill_rate"] as const;
export type PerformanceKpi = (typeof PERFORMANCE_KPIS)[number];
export const isPerformanceKpi = (v: unknown): v is PerformanceKpi =>
  typeof v === "string" && (PERFORMANCE_KPIS as readonly string[]).includes(v);

export const ALERT_STATUSES = ["open", "acknowledged", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The figures of one closed fiscal period (sums of the stored per-order metrics). */
export interface PeriodFigures {
  /** Period key, e.g. "FY2026-P03". */
  id: string;
  label: string;
  measured: number;
  otif: number;
  unitsOrdered: number;
  unitsShipped: number;
  /** Measured orders with a line shipped short. */
  shortOrders: number;
}

/** A period's figure in percent, two decimals, rounded half up from the exact share; null when none. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((numerator / denominator) * 10_000 + 1e-9) / 100;
}

export const otifPct = (p: PeriodFigures): number | null => (p.measured > 0 ? percentOf(p.otif, p.measured) : null);
export const fillRatePct = (p: PeriodFigures): number | null =>
  p.measured > 0 ? percentOf(p.unitsShipped, p.unitsOrdered) : null;

/** Under the floor: a figure strictly below it (a figure equal to the floor meets it). */
export const underFloor = (value: number | null, floorPct: number): boolean =>
  value !== null && value < floorPct - 1e-9;

export interface EvidencePeriod {
  id: string;
  label: string;
  /** The KPI's figure in percent. */
  value: number;
  measured: number;
  /** Measured orders that missed (not OTIF; shipped short for fill rate). */
  missed: number;
}

export interface Breach {
  kpi: PerformanceKpi;
  /** The period that completed the breach: the alert's dedupe period. */
  periodId: string;
  periodLabel: string;
  floorPct: number;
  /** The periods under the floor, oldest first (the whole run for OTIF). */
  periods: EvidencePeriod[];
}

/** What an alert stores as its evidence (internal: customers never read it). */
export interface PerformanceEvidence {
  periods: EvidencePeriod[];
  /** The orders that missed in those periods (the first few; `missedTotal` counts all). */
  missedOrders: { id: string; orderNumber: string; periodId: string }[];
  missedTotal: number;
}

/** At most this many missed orders are stored with an alert (the drill-down lists them all). */
export const EVIDENCE_ORDERS = 25;

/** The dedupe key of an alert: one per account (the table's tenant), KPI and period. */
export const alertKey = (b: Pick<Breach, "kpi" | "periodId">): string => `${b.kpi}:${b.periodId}`;

/**
 * The breaches the periods show against the thresholds. `periods` are consecutive closed fiscal
 * periods, oldest first. A run of OTIF periods under the floor that starts with the first period
 * given may have started earlier (outside the window), so it is not reported: it was reported,
 * or not, when the window still showed its start.
 */
export function detectBreaches(periods: readonly PeriodFigures[], review: ReviewThresholds): Breach[] {
  const out: Breach[] = [];
  const need = Math.max(1, Math.floor(review.consecutivePeriods));
  let runStart = -1;
  periods.forEach((p, i) => {
    const otif = otifPct(p);
    if (underFloor(otif, review.otifFloorPct)) {
      if (runStart < 0) runStart = i;
      const length = i - runStart + 1;
      if (length === need && runStart > 0) {
        out.push({
          kpi: "otif",
          periodId: p.id,
          periodLabel: p.label,
          floorPct: review.otifFloorPct,
          periods: periods.slice(runStart, i + 1).map((q) => evidence("otif", q, otifPct(q)!)),
        });
      }
    } else {
      runStart = -1;
    }
    const fill = fillRatePct(p);
    if (underFloor(fill, review.fillRateFloorPct)) {
      out.push({
        kpi: "fill_rate",
        periodId: p.id,
        periodLabel: p.label,
        floorPct: review.fillRateFloorPct,
        periods: [evidence("fill_rate", p, fill!)],
      });
    }
  });
  return out;
}

function evidence(kpi: PerformanceKpi, p: PeriodFigures, value: number): EvidencePeriod {
  return {
    id: p.id,
    label: p.label,
    value,
    measured: p.measured,
    missed: kpi === "otif" ? p.measured - p.otif : p.shortOrders,
  };
}
