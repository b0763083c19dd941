// The escalation SLA clock: first-response and resolution targets in business minutes, paused
// while the escalation waits for the customer (and between a resolution and a reopen).
// Pure: the caller passes a BusinessClock built from the customer's calendar.
import type { Tier } from "./approval";
import type { EscalationStatus, Severity } from "./workflow";

/** Business time over one calendar. Minutes may be fractional; negative spans count as 0. */
export interface BusinessClock {
  minutesBetween(a: Date, b: Date): number;
  addMinutes(t: Date, minutes: number): Date;
}

/** Wall-clock time, for targets that run 24x7. */
export const ALWAYS_CLOCK: BusinessClock = {
  minutesBetween: (a, b) => Math.max(0, (b.getTime() - a.getTime()) / 60_000),
  addMinutes: (t, n) => new Date(t.getTime() + n * 60_000),
};

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** Count every minute, not only business hours (typical for P1). */
  twentyFourSeven: boolean;
}

export type SlaTargets = Record<Tier, Record<Severity, SlaTarget>>;

const t = (firstResponseMinutes: number, resolutionMinutes: number, twentyFourSeven = false): SlaTarget => ({
  firstResponseMinutes,
  resolutionMinutes,
  twentyFourSeven,
});

/** Platform defaults; platform admins may override per tenant and severity. */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  strategic: { P1: t(30, 240, true), P2: t(60, 480), P3: t(240, 1620), P4: t(480, 2700) },
  key: { P1: t(60, 480, true), P2: t(120, 960), P3: t(480, 2160), P4: t(960, 4320) },
  standard: { P1: t(120, 960), P2: t(240, 1620), P3: t(960, 3240), P4: t(1620, 5400) },
};

export type PauseReason = "awaiting_customer" | "resolved";

export interface PauseInterval {
  start: Date;
  /** null while the pause is still running. */
  end: Date | null;
  reason: PauseReason;
}

export type ClockStatus = "running" | "breaching_soon" | "breached" | "paused" | "met" | "missed";

export interface ClockState {
  targetMinutes: number;
  /** Business minutes counted so far (pauses excluded). */
  elapsedMinutes: number;
  /** Target minus elapsed; negative once breached. */
  remainingMinutes: number;
  /** The deadline; null while paused (it moves when the clock resumes). */
  dueAt: Date | null;
  status: ClockStatus;
  pausedSince: Date | null;
  pauseReason: PauseReason | null;
  stoppedAt: Date | null;
  /** When the budget ran out (kept while paused or after stopping); null if it has not. */
  breachedAt: Date | null;
}

/** Less than this share of the target left counts as "breaching soon"... */
export const SOON_SHARE = 0.25;
/** ...as does less than one business hour. */
export const SOON_MINUTES = 60;

function clip(
  pauses: readonly PauseInterval[],
  from: Date,
  to: Date,
): { start: Date; end: Date | null; reason: PauseReason }[] {
  return [...pauses]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .filter((p) => p.start.getTime() < to.getTime() && (p.end === null || p.end.getTime() > from.getTime()))
    .map((p) => ({
      start: p.start.getTime() < from.getTime() ? from : p.start,
      end: p.end === null ? null : p.end.getTime() > to.getTime() ? to : p.end,
      reason: p.reason,
    }));
}

/** One clock: started at `start`, stopped at `stoppedAt` (or still running at `now`). */
export function computeClock(
  clock: BusinessClock,
  start: Date,
  targetMinutes: number,
  pauses: readonly PauseInterval[],
  stoppedAt: Date | null,
  now: Date,
): ClockState {
  const end = stoppedAt ?? now;
  const within = clip(pauses, start, end);
  let paused = 0;
  for (const p of within) paused += clock.minutesBetween(p.start, p.end ?? end);
  const elapsedMinutes = Math.max(0, clock.minutesBetween(start, end) - paused);
  const remainingMinutes = targetMinutes - elapsedMinutes;
  const open = stoppedAt ? undefined : within.find((p) => p.end === null);

  // The deadline: spend the budget between pauses in order.
  let dueAt: Date | null = null;
  let cursor = start;
  let budget = targetMinutes;
  let found = false;
  for (const p of within) {
    if (p.start.getTime() > cursor.getTime()) {
      const span = clock.minutesBetween(cursor, p.start);
      if (span >= budget) {
        dueAt = clock.addMinutes(cursor, budget);
        found = true;
        break;
      }
      budget -= span;
    }
    if (p.end === null) {
      found = true; // paused with budget left: no deadline until the clock resumes
      break;
    }
    if (p.end.getTime() > cursor.getTime()) cursor = p.end;
  }
  if (!found) dueAt = clock.addMinutes(cursor, budget);

  let status: ClockStatus;
  if (stoppedAt) status = elapsedMinutes <= targetMinutes ? "met" : "missed";
  else if (open) status = "paused";
  else if (remainingMinutes <= 0) status = "breached";
  else if (remainingMinutes < targetMinutes * SOON_SHARE || remainingMinutes < SOON_MINUTES) status = "breaching_soon";
  else status = "running";
  const ranOut = stoppedAt ? elapsedMinutes > targetMinutes : remainingMinutes <= 0;
  const breachedAt = ranOut && dueAt ? new Date(Math.min(dueAt.getTime(), end.getTime())) : ranOut ? end : null;
  return {
    targetMinutes,
    elapsedMinutes,
    remainingMinutes,
    dueAt: open ? null : dueAt,
    status,
    pausedSince: open ? open.start : null,
    pauseReason: open ? open.reason : null,
    stoppedAt,
    breachedAt,
  };
}

export interface SlaFacts {
  status: EscalationStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  pauses: readonly PauseInterval[];
}

export interface SlaState {
  firstResponse: ClockState;
  resolution: ClockState;
  twentyFourSeven: boolean;
}

export function computeSla(facts: SlaFacts, target: SlaTarget, businessClock: BusinessClock, now: Date): SlaState {
  const clock = target.twentyFourSeven ? ALWAYS_CLOCK : businessClock;
  const done = facts.status === "resolved" || facts.status === "closed";
  const resolvedAt = done ? (facts.resolvedAt ?? now) : null;
  // A resolution without an earlier reply still answers the customer.
  const responded = facts.firstResponseAt ?? resolvedAt;
  return {
    firstResponse: computeClock(clock, facts.createdAt, target.firstResponseMinutes, facts.pauses, responded, now),
    resolution: computeClock(clock, facts.createdAt, target.resolutionMinutes, facts.pauses, resolvedAt, now),
    twentyFourSeven: target.twentyFourSeven,
  };
}

/** The clock that matters now: first response until answered, then resolution. */
export function activeClock(sla: SlaState): ClockState {
  return sla.firstResponse.stoppedAt ? sla.resolution : sla.firstResponse;
}

/** "2 h 05 min", "45 min", "27 h" (business hours; whole hours past two days). */
export function formatMinutes(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h >= 48 || rest === 0) return `${h} h`;
  return `${h} h ${String(rest).padStart(2, "0")} min`;
}
