// Contracted SLA targets: each tier supplies defaults; platform admins may set a tenant's own.

export type Tier = "strategic" | "key" | "standard";

export interface SlaTargets {
  otifPct: number;
  onTimePct: number;
  inFullPct: number;
  fillRatePct: number;
  leadTimeHours: number;
  onTimeToleranceDays: number;
  inFullTolerancePct: number;
}

export const TIER_DEFAULT_TARGETS: Record<Tier, SlaTargets> = {
  strategic: {
    otifPct: 95,
    onTimePct: 97,
    inFullPct: 98,
    fillRatePct: 99,
    leadTimeHours: 120,
    onTimeToleranceDays: 0,
    inFullTolerancePct: 0,
  },
  key: {
    otifPct: 92,
    onTimePct: 95,
    inFullPct: 96,
    fillRatePct: 98,
    leadTimeHours: 80,
    onTimeToleranceDays: 0,
    inFullTolerancePct: 2,
  },
  standard: {
    otifPct: 88,
    onTimePct: 92,
    inFullPct: 94,
    fillRatePct: 97,
    leadTimeHours: 96,
    onTimeToleranceDays: 1,
    inFullTolerancePct: 5,
  },
};

/** Range checks shared by the admin form and the database CHECK constraints (0004_sla.sql). */
export function validateTargets(t: SlaTargets): Partial<Record<keyof SlaTargets, string>> {
  const errors: Partial<Record<keyof SlaTargets, string>> = {};
  const pct = (k: keyof SlaTargets, label: string) => {
    if (!Number.isFinite(t[k]) || t[k] < 0 || t[k] > 100) errors[k] = `${label} must be between 0 and 100.`;
  };
  pct("otifPct", "OTIF");
  pct("onTimePct", "On time");
  pct("inFullPct", "In full");
  pct("fillRatePct", "Fill rate");
  if (!Number.isFinite(t.leadTimeHours) || t.leadTimeHours <= 0 || t.leadTimeHours > 999_999)
    errors.leadTimeHours = "Lead time must be more than 0 business hours.";
  if (!Number.isInteger(t.onTimeToleranceDays) || t.onTimeToleranceDays < 0 || t.onTimeToleranceDays > 30)
    errors.onTimeToleranceDays = "On-time tolerance must be a whole number of days from 0 to 30.";
  if (!Number.isFinite(t.inFullTolerancePct) || t.inFullTolerancePct < 0 || t.inFullTolerancePct > 50)
    errors.inFullTolerancePct = "In-full tolerance must be between 0 and 50%.";
  return errors;
}
