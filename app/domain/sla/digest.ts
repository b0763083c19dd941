// The SLA digest e-mail's pure rules: when a subscriber is due a digest for a closed fiscal week
// or period, and the scale of the e-mail-safe trend bars (table cells with widths, no images).
export type DigestCadence = "week" | "period";
export const DIGEST_CADENCES: readonly DigestCadence[] = ["week", "period"];

export function isDigestCadence(v: unknown): v is DigestCadence {
  return v === "week" || v === "period";
}

/**
 * A subscriber is due the digest of a closed period when they subscribed (or last changed the
 * cadence) on or before its last day: subscribing is not a flood of old digests, and the period
 * that was running when they subscribed is the first one they get.
 */
export function isDigestDue(subscribedOn: string, periodEnd: string, today: string): boolean {
  return periodEnd < today && subscribedOn <= periodEnd;
}

export interface BarScale {
  /** Left edge of the bars, percent (a multiple of 10). */
  min: number;
  max: number;
  /** Width of a value's bar, 0-100 (percent of the bar track); 0 for no value. */
  width(value: number | null): number;
}

/**
 * The trend's bars start at a round figure below the lowest value and the target (never below
 * 0), so 79% and 85% do not look alike; the scale is printed beside the bars.
 */
export function digestBarScale(values: (number | null)[], target: number): BarScale {
  const seen = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.min(target, ...seen);
  const min = Math.max(0, Math.min(90, Math.floor((low - 5) / 10) * 10));
  const max = 100;
  return {
    min,
    max,
    width: (v) => (v === null ? 0 : Math.max(1, Math.min(100, Math.round(((v - min) / (max - min)) * 100)))),
  };
}
