// What a lead reads beside the open counts: SLA breaches this week and the median first response
// in business time, per agent and per account. Pure: callers pass each escalation's SLA state and
// the start of the current week in its account's calendar.
import { Temporal } from "temporal-polyfill";
import type { ClockState, SlaState } from "./sla";

/** The windows a lead can read figures over: this week, or this week and the three before. */
export const LEAD_WINDOWS = ["week", "4w"] as const;
export type LeadWindow = (typeof LEAD_WINDOWS)[number];

/**
 * The instant a clock ran out, if it has: when its business minutes (pauses excluded) reached the
 * target. A clock that ran out and was then paused or stopped still breached at that instant.
 */
export function breachInstant(clock: ClockState): Date | null {
  return clock.breachedAt;
}

/** The first instant of the week containing `now`, in a zone, with weeks starting on `weekStart` (1 = Monday). */
export function weekStartOf(now: Date, timeZone: string, weekStart: number, weeksBack = 0): Date {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const back = (today.dayOfWeek - weekStart + 7) % 7;
  const first = today.subtract({ days: back + 7 * weeksBack });
  return new Date(first.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Where a window starts for one account: its current week's start, or three weeks before that. */
export function windowStart(window: LeadWindow, now: Date, timeZone: string, weekStart: number): Date {
  return weekStartOf(now, timeZone, weekStart, window === "week" ? 0 : 3);
}

/** One escalation as the lead figures need it. */
export interface LeadFacts {
  /** When its first-response clock ran out (null: it has not). */
  firstResponseBreachedAt: Date | null;
  /** When its resolution clock ran out (null: it has not). */
  resolutionBreachedAt: Date | null;
  /** When it was first answered (the first-response clock stopped); null while unanswered. */
  firstResponseAt: Date | null;
  /** Business minutes from raising to that answer (pauses excluded); null while unanswered. */
  firstResponseMinutes: number | null;
}

export function leadFacts(sla: SlaState): LeadFacts {
  const fr = sla.firstResponse;
  return {
    firstResponseBreachedAt: breachInstant(fr),
    resolutionBreachedAt: breachInstant(sla.resolution),
    firstResponseAt: fr.stoppedAt,
    firstResponseMinutes: fr.stoppedAt ? fr.elapsedMinutes : null,
  };
}

const at = (d: Date | null, from: Date, now: Date) =>
  d !== null && d.getTime() >= from.getTime() && d.getTime() <= now.getTime();

/** Either clock ran out in [from, now]. */
export function breachedSince(f: LeadFacts, from: Date, now: Date): boolean {
  return at(f.firstResponseBreachedAt, from, now) || at(f.resolutionBreachedAt, from, now);
}

/** First answered in [from, now]. */
export function answeredSince(f: LeadFacts, from: Date, now: Date): boolean {
  return f.firstResponseMinutes !== null && at(f.firstResponseAt, from, now);
}

/** The median; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LeadItem extends LeadFacts {
  /** Where each window starts in this escalation's account calendar. */
  windowStarts: Record<LeadWindow, Date>;
}

export interface LeadFigures {
  breachesThisWeek: number;
  /** Median business minutes to the first answer, over escalations answered in the window. */
  medianFirstResponse: Record<LeadWindow, number | null>;
  /** How many answers each median is over. */
  answered: Record<LeadWindow, number>;
}

export function emptyFigures(): LeadFigures {
  return { breachesThisWeek: 0, medianFirstResponse: { week: null, "4w": null }, answered: { week: 0, "4w": 0 } };
}

/** Figures per key (an agent, an account); `keys` given up front appear even with nothing to count. */
export function leadFiguresBy<T extends LeadItem>(
  items: readonly T[],
  keyOf: (item: T) => string,
  now: Date,
  keys: readonly string[] = [],
): Map<string, LeadFigures> {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) {
    const key = keyOf(item);
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups].map(([k, g]) => [k, leadFigures(g, now)]));
}

export function leadFigures(items: readonly LeadItem[], now: Date): LeadFigures {
  const out = emptyFigures();
  out.breachesThisWeek = items.filter((i) => breachedSince(i, i.windowStarts.week, now)).length;
  for (const w of LEAD_WINDOWS) {
    const minutes = items.filter((i) => answeredSince(i, i.windowStarts[w], now)).map((i) => i.firstResponseMinutes!);
    out.answered[w] = minutes.length;
    out.medianFirstResponse[w] = median(minutes);
  }
  return out;
}
