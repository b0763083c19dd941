// SLA drill-down links. Every number on the SLA page (and in the scorecard API) links to the order
// list with a filter whose rows are exactly the orders behind the number. The order list's
// parser (app/domain/orders/query.ts, H3) reads these params; the SLA-only ones were added there
// for this page. Params used:
//   fiscal=FY2026 | FY2026-Q2 | FY2026-P03 | FY2026-W07   promised date in that fiscal period
//   measured=1                                           measured orders (delivered, promised, not cancelled)
//   otif=met|missed, ontime=met|missed, infull=met|missed measured orders that met / missed it
//   fill=short                                           measured orders with a line shipped short
//   lead_time_over=<business minutes>                    measured orders whose lead time exceeds it
//   site=<site id>                                       one ship-to site
//   late_over / late_upto=<business minutes>             measured orders late by more than / at most
//   carrier=<name>, no_carrier=1, priority=<priority>    the "why orders missed" groups
import { and, eq, type SQL } from "drizzle-orm";
import { orders } from "#db/schema/index";
import { formatPeriodKey, type PeriodKey } from "#app/domain/sla/periods";

export interface SlaDrillDown {
  fiscal?: PeriodKey;
  measured?: boolean;
  otif?: "met" | "missed";
  ontime?: "met" | "missed";
  infull?: "met" | "missed";
  fill?: "short" | "full";
  leadTimeOver?: number;
  lateOver?: number;
  lateUpTo?: number;
  site?: string | null;
  carrier?: string;
  noCarrier?: boolean;
  priority?: string;
}

/** The orders of a fiscal period (stored keys of the promised date). */
export function fiscalCondition(key: PeriodKey): SQL {
  const year = eq(orders.fiscalYear, key.fiscalYear);
  switch (key.granularity) {
    case "year":
      return year;
    case "quarter":
      return and(year, eq(orders.fiscalQuarter, key.index)) as SQL;
    case "period":
      return and(year, eq(orders.fiscalPeriod, key.index)) as SQL;
    case "week":
      return and(year, eq(orders.fiscalWeek, key.index)) as SQL;
  }
}

/** The query string (without "?") of a drill-down. */
export function drillDownParams(f: SlaDrillDown): string {
  const p = new URLSearchParams();
  if (f.fiscal) p.set("fiscal", formatPeriodKey(f.fiscal));
  if (f.measured) p.set("measured", "1");
  if (f.otif) p.set("otif", f.otif);
  if (f.ontime) p.set("ontime", f.ontime);
  if (f.infull) p.set("infull", f.infull);
  if (f.fill) p.set("fill", f.fill);
  if (f.leadTimeOver !== undefined) p.set("lead_time_over", String(f.leadTimeOver));
  if (f.lateOver !== undefined) p.set("late_over", String(f.lateOver));
  if (f.lateUpTo !== undefined) p.set("late_upto", String(f.lateUpTo));
  if (f.site) p.set("site", f.site);
  if (f.carrier !== undefined) p.set("carrier", f.carrier);
  if (f.noCarrier) p.set("no_carrier", "1");
  if (f.priority) p.set("priority", f.priority);
  return p.toString();
}

/** `/orders?...` for a drill-down. */
export function drillDownHref(f: SlaDrillDown): string {
  return `/orders?${drillDownParams(f)}`;
}
