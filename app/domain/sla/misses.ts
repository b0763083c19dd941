// Why orders missed: the measured orders of a period split by reason (late only, short only, both),
// late orders by how late in business time, and each of site, carrier and priority with its miss
// rate. Pure: the server reads one grouped count per combination (app/server/sla/misses.server.ts)
// and this sums them; every figure comes with the drill-down filter that lists exactly its orders.
import type { MissReason } from "./order-facts";

/** How late a late order was, in business minutes of the customer's calendar. Buckets partition 0..∞. */
export interface LateBucket {
  id: "upTo4h" | "upTo8h" | "upTo24h" | "over24h";
  /** Lateness > overMinutes (null: from 0 inclusive) and ≤ upToMinutes (null: no upper bound). */
  overMinutes: number | null;
  upToMinutes: number | null;
}

export const LATE_BUCKETS: readonly LateBucket[] = [
  { id: "upTo4h", overMinutes: null, upToMinutes: 4 * 60 },
  { id: "upTo8h", overMinutes: 4 * 60, upToMinutes: 8 * 60 },
  { id: "upTo24h", overMinutes: 8 * 60, upToMinutes: 24 * 60 },
  { id: "over24h", overMinutes: 24 * 60, upToMinutes: null },
];

/** The bucket of a lateness in business minutes (null when the lateness was not recorded). */
export function lateBucketOf(minutes: number | null): LateBucket["id"] | null {
  if (minutes === null) return null;
  const b = LATE_BUCKETS.find(
    (x) => (x.overMinutes === null || minutes > x.overMinutes) && (x.upToMinutes === null || minutes <= x.upToMinutes),
  );
  return b ? b.id : null;
}

/** One grouped count of measured orders, as the server reads it. */
export interface MissCountRow {
  onTime: boolean;
  inFull: boolean;
  siteId: string;
  carrier: string | null;
  priority: string;
  lateBucket: LateBucket["id"] | null;
  orders: number;
}

/** What a count is of, as a drill-down filter (the server turns it into an order-list link). */
export interface MissFilter {
  reason?: MissReason | "any";
  late?: LateBucket;
  site?: string;
  carrier?: { name: string | null };
  priority?: string;
}

export interface MissCount<Link> {
  orders: number;
  link: Link;
}

export interface MissGroup<Link> {
  /** Site id, carrier name ("" for orders without a carrier) or priority. */
  key: string;
  measured: number;
  /** Missed / measured, percent to two decimals; null when nothing was measured. */
  missRate: number | null;
  missed: MissCount<Link>;
  reasons: Record<MissReason, MissCount<Link>>;
}

export interface MissSummary<Link> {
  measured: number;
  missed: MissCount<Link>;
  reasons: Record<MissReason, MissCount<Link>>;
  /** Late orders (late only and late and short) by how late; `unrecorded` have no stored lateness. */
  lateBy: (MissCount<Link> & { bucket: LateBucket })[];
  lateUnrecorded: number;
  bySite: MissGroup<Link>[];
  byCarrier: MissGroup<Link>[];
  byPriority: MissGroup<Link>[];
}

export function reasonOf(onTime: boolean, inFull: boolean): MissReason | null {
  if (!onTime && !inFull) return "late-and-short";
  if (!onTime) return "late";
  if (!inFull) return "short";
  return null;
}

const REASONS: readonly MissReason[] = ["late", "short", "late-and-short"];
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Sums grouped counts into the breakdown. `link` builds the drill-down of a filter; `groupKeys`
 * lists the sites / priorities to show even without orders (carriers come from the data).
 */
export function summariseMisses<Link>(
  rows: readonly MissCountRow[],
  link: (f: MissFilter) => Link,
  groupKeys: { sites: readonly string[]; priorities: readonly string[] },
): MissSummary<Link> {
  const count = (pred: (r: MissCountRow) => boolean) => rows.filter(pred).reduce((n, r) => n + r.orders, 0);
  const isMiss = (r: MissCountRow) => reasonOf(r.onTime, r.inFull) !== null;
  const reasonsOf = (pred: (r: MissCountRow) => boolean, base: MissFilter) =>
    Object.fromEntries(
      REASONS.map((reason) => [
        reason,
        {
          orders: count((r) => pred(r) && reasonOf(r.onTime, r.inFull) === reason),
          link: link({ ...base, reason }),
        },
      ]),
    ) as Record<MissReason, MissCount<Link>>;
  const group = (key: string, pred: (r: MissCountRow) => boolean, base: MissFilter): MissGroup<Link> => {
    const measured = count(pred);
    const missed = count((r) => pred(r) && isMiss(r));
    return {
      key,
      measured,
      missRate: measured > 0 ? round2((100 * missed) / measured) : null,
      missed: { orders: missed, link: link({ ...base, reason: "any" }) },
      reasons: reasonsOf(pred, base),
    };
  };
  const byMissed = (a: MissGroup<Link>, b: MissGroup<Link>) =>
    b.missed.orders - a.missed.orders || (b.missRate ?? -1) - (a.missRate ?? -1) || a.key.localeCompare(b.key);
  const carriers = [...new Set(rows.map((r) => r.carrier))];
  const isLate = (r: MissCountRow) => !r.onTime;
  return {
    measured: count(() => true),
    missed: { orders: count(isMiss), link: link({ reason: "any" }) },
    reasons: reasonsOf(() => true, {}),
    lateBy: LATE_BUCKETS.map((bucket) => ({
      bucket,
      orders: count((r) => isLate(r) && r.lateBucket === bucket.id),
      link: link({ late: bucket }),
    })),
    lateUnrecorded: count((r) => isLate(r) && r.lateBucket === null),
    bySite: groupKeys.sites.map((s) => group(s, (r) => r.siteId === s, { site: s })).sort(byMissed),
    byCarrier: carriers.map((c) => group(c ?? "", (r) => r.carrier === c, { carrier: { name: c } })).sort(byMissed),
    byPriority: groupKeys.priorities.map((p) => group(p, (r) => r.priority === p, { priority: p })),
  };
}
