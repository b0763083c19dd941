// Feed health: how fresh an account's data is per source (an ingest key). A source's usual
// interval is learned from the gaps between its recent deliveries (their median: one slow night
// or a burst of split batches does not move it), or configured by staff. A source is silent when
// nothing has arrived for well over that interval; the silence episode starts when the next
// delivery was due and ends with the next delivery. Pure: no I/O, times as Date, gaps in seconds.

/** How many recent gaps a source keeps (its history). */
export const GAP_HISTORY = 20;
/** Deliveries closer together than this are one delivery (a batch split in parts, a retry). */
export const BURST_GAP_S = 10;
/** Gaps needed before an interval is learned; until then a source is only "learning". */
export const MIN_SAMPLES = 5;
/** Silent after this many usual intervals without a delivery ... */
export const SILENCE_FACTOR = 3;
/** ... and never sooner than the usual interval plus this much (a 1-minute feed is not silent after 3). */
export const MIN_SLACK_S = 600;

export interface FeedHistory {
  lastArrivalAt: Date;
  /** Gaps between deliveries in seconds, oldest first, at most GAP_HISTORY. */
  gapsS: readonly number[];
}

/** The history after a delivery at `at` (the first delivery starts it with no gaps). */
export function recordArrival(prev: FeedHistory | null, at: Date): FeedHistory {
  if (!prev) return { lastArrivalAt: at, gapsS: [] };
  const gap = Math.round((at.getTime() - prev.lastArrivalAt.getTime()) / 1000);
  // Out of order (clock skew between processes) or part of a burst: the latest time stands, no gap.
  if (gap < BURST_GAP_S) return { lastArrivalAt: at > prev.lastArrivalAt ? at : prev.lastArrivalAt, gapsS: prev.gapsS };
  return { lastArrivalAt: at, gapsS: [...prev.gapsS, gap].slice(-GAP_HISTORY) };
}

/** The median of the recorded gaps (mean of the middle two for an even count); null below MIN_SAMPLES. */
export function learnedIntervalS(gapsS: readonly number[]): number | null {
  if (gapsS.length < MIN_SAMPLES) return null;
  const sorted = [...gapsS].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** The usual interval: configured by staff, else learned; null while neither is known. */
export function expectedIntervalS(gapsS: readonly number[], configuredS: number | null): number | null {
  return configuredS !== null && configuredS > 0 ? configuredS : learnedIntervalS(gapsS);
}

/** How long a source may be quiet before it counts as silent. */
export function silenceAfterS(expectedS: number): number {
  return Math.max(SILENCE_FACTOR * expectedS, expectedS + MIN_SLACK_S);
}

export type FeedStatus = "live" | "silent" | "learning";

export interface FeedState {
  status: FeedStatus;
  lastArrivalAt: Date;
  expectedIntervalS: number | null;
  /** Silent: when the delivery that did not come was due (the episode's start). Otherwise null. */
  silentSince: Date | null;
}

/** The source's state at `now`. */
export function feedState(history: FeedHistory, configuredS: number | null, now: Date): FeedState {
  const expected = expectedIntervalS(history.gapsS, configuredS);
  const base = { lastArrivalAt: history.lastArrivalAt, expectedIntervalS: expected };
  if (expected === null) return { ...base, status: "learning", silentSince: null };
  const quietS = (now.getTime() - history.lastArrivalAt.getTime()) / 1000;
  if (quietS <= silenceAfterS(expected)) return { ...base, status: "live", silentSince: null };
  return { ...base, status: "silent", silentSince: new Date(history.lastArrivalAt.getTime() + expected * 1000) };
}

/**
 * One silence episode per source and last delivery: the key under which staff are alerted once.
 * A delivery ends the episode; the next silence has a new last delivery and so a new key.
 */
export function episodeKey(sourceId: string, lastArrivalAt: Date): string {
  return `${sourceId}@${lastArrivalAt.toISOString()}`;
}
