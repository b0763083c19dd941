// Satisfaction after resolution: who may rate when, how long a rating stays editable, and the
// figures a set of ratings comes to. Pure: no I/O, no framework.

/** A rating can be changed for this many days after it was given. */
export const RATING_EDIT_DAYS = 7;
export const RATING_COMMENT_MAX = 2000;
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The windows (days) the staff satisfaction page offers. */
export const REPORT_WINDOWS = [30, 90, 365] as const;
export type ReportWindow = (typeof REPORT_WINDOWS)[number];

/** Only a resolved (or confirmed and closed) escalation is rated. */
export function canBeRated(status: string): boolean {
  return status === "resolved" || status === "closed";
}

/** Until when a rating given at `createdAt` can be changed. */
export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + RATING_EDIT_DAYS * DAY_MS);
}

export function isEditable(createdAt: Date, now: Date): boolean {
  return now.getTime() <= editableUntil(createdAt).getTime();
}

export interface SatisfactionSummary {
  count: number;
  /** Mean score, one decimal; null without ratings. */
  average: number | null;
  /** Share of 4 and 5 ("satisfied"), percent with one decimal; null without ratings. */
  satisfiedPct: number | null;
  /** Ratings per score, index 0 = score 1. */
  distribution: [number, number, number, number, number];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function summarize(scores: readonly number[]): SatisfactionSummary {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  let satisfied = 0;
  for (const s of scores) {
    distribution[s - 1] += 1;
    sum += s;
    if (s >= 4) satisfied += 1;
  }
  const count = scores.length;
  return {
    count,
    average: count ? round1(sum / count) : null,
    satisfiedPct: count ? round1((satisfied / count) * 100) : null,
    distribution,
  };
}

/**
 * The index of the half-open span [start, end) containing `at`, or -1. Spans are sorted and do
 * not overlap (fiscal periods); a binary search keeps bucketing a year of ratings cheap.
 */
export function spanIndex(spans: readonly { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
