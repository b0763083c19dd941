// "Why orders missed" for the scorecard: one grouped count of the period's measured orders by
// verdict, site, carrier, priority and lateness bucket, summed by app/domain/sla/misses.ts. Every
// count links to the order list filtered with the same predicates (drilldown.server.ts), so the
// number and the list agree (tests/integration/sla-misses.test.ts).
import { and, eq, inArray, sql } from "drizzle-orm";
import { orders } from "#db/schema/index";
import { ORDER_PRIORITIES } from "#app/domain/orders/statuses";
import {
  LATE_BUCKETS,
  summariseMisses,
  type MissCountRow,
  type MissFilter,
  type MissSummary,
} from "#app/domain/sla/misses";
import type { PeriodKey } from "#app/domain/sla/periods";
import type { Tx } from "#app/server/tenant-db.server";
import { drillDownHref, fiscalCondition, type SlaDrillDown } from "./drilldown.server";

/** The breakdown as the scorecard carries it: counts with their order-list links. */
export type MissBreakdown = MissSummary<string> & {
  sites: { id: string; code: string; name: string }[];
};

/** The drill-down filter of one breakdown figure, on top of the period (and site) of the page. */
export function missDrillDown(base: SlaDrillDown, f: MissFilter): SlaDrillDown {
  const d: SlaDrillDown = { ...base };
  if (f.reason === "any") d.otif = "missed";
  if (f.reason === "late") Object.assign(d, { ontime: "missed", infull: "met" });
  if (f.reason === "short") Object.assign(d, { ontime: "met", infull: "missed" });
  if (f.reason === "late-and-short") Object.assign(d, { ontime: "missed", infull: "missed" });
  if (f.late) {
    d.ontime = "missed";
    if (f.late.overMinutes !== null) d.lateOver = f.late.overMinutes;
    // The first bucket starts at 0 inclusive: "at most" alone says it.
    if (f.late.upToMinutes !== null) d.lateUpTo = f.late.upToMinutes;
  }
  if (f.site) d.site = f.site;
  if (f.carrier) {
    if (f.carrier.name === null) d.noCarrier = true;
    else d.carrier = f.carrier.name;
  }
  if (f.priority) d.priority = f.priority;
  return d;
}

const BUCKET_SQL = sql.raw(
  `case ${LATE_BUCKETS.map(
    (b) =>
      `when ${[
        b.overMinutes === null ? "true" : `m_late_minutes > ${b.overMinutes}`,
        b.upToMinutes === null ? "true" : `m_late_minutes <= ${b.upToMinutes}`,
      ].join(" and ")} then '${b.id}'`,
  ).join(" ")} end`,
);

export async function loadMissBreakdown(
  tx: Tx,
  q: {
    tenantId: string;
    period: PeriodKey;
    siteIds: string[] | null;
    sites: { id: string; code: string; name: string }[];
    base: SlaDrillDown;
  },
): Promise<MissBreakdown> {
  const rows = await tx
    .select({
      onTime: orders.onTime,
      inFull: orders.inFull,
      siteId: orders.siteId,
      carrier: orders.carrier,
      priority: orders.priority,
      lateBucket: sql<string | null>`case when not ${orders.onTime} then ${BUCKET_SQL} end`,
      orders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, q.tenantId),
        fiscalCondition(q.period),
        eq(orders.measurable, true),
        // The same orders the scorecard's OTIF counts: a verdict on both halves.
        sql`${orders.onTime} is not null and ${orders.inFull} is not null`,
        ...(q.siteIds ? [inArray(orders.siteId, q.siteIds)] : []),
      ),
    )
    .groupBy(sql`1, 2, 3, 4, 5, 6`);
  const counted: MissCountRow[] = rows.map((r) => ({
    onTime: r.onTime === true,
    inFull: r.inFull === true,
    siteId: r.siteId,
    carrier: r.carrier,
    priority: r.priority,
    lateBucket: (r.lateBucket as MissCountRow["lateBucket"]) ?? null,
    orders: Number(r.orders),
  }));
  const sites = q.sites.filter((s) => !q.siteIds || q.siteIds.includes(s.id));
  const summary = summariseMisses(counted, (f) => drillDownHref(missDrillDown(q.base, f)), {
    sites: sites.map((s) => s.id),
    priorities: [...ORDER_PRIORITIES].reverse(),
  });
  return { ...summary, sites };
}
