// Recurring failures: the drill-down filter a count links to, written and read in one place so a
// count and the queue list behind it always mean the same set (resolved in [from, to) of one
// account, narrowed by cause, site or carrier of the escalation's order). Pure: no I/O.
import { isRootCause, type RootCause } from "./root-causes";

export interface RecurringFilter {
  tenantId: string;
  /** Resolution instant, half-open [from, to). */
  from: Date;
  to: Date;
  /** A cause, or "none" for resolutions without a recorded cause. */
  cause?: RootCause | "none";
  siteId?: string;
  carrier?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The staff queue URL that lists exactly the escalations of one count. */
export function recurringQueueLink(f: RecurringFilter): string {
  const p = new URLSearchParams({
    status: "all",
    tenant: f.tenantId,
    resolved_from: f.from.toISOString(),
    resolved_to: f.to.toISOString(),
  });
  if (f.cause) p.set("cause", f.cause);
  if (f.siteId) p.set("site", f.siteId);
  if (f.carrier) p.set("carrier", f.carrier);
  return `/staff/queue?${p.toString()}`;
}

const instant = (v: string | null): Date | null => {
  if (!v || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The drill-down filter of a queue URL, or null when the URL is not one (the queue then lists as usual). */
export function parseRecurringFilter(params: URLSearchParams): RecurringFilter | null {
  const tenantId = params.get("tenant") ?? "";
  const from = instant(params.get("resolved_from"));
  const to = instant(params.get("resolved_to"));
  if (!UUID.test(tenantId) || !from || !to || from >= to) return null;
  const out: RecurringFilter = { tenantId, from, to };
  const cause = params.get("cause");
  if (cause === "none" || isRootCause(cause)) out.cause = cause;
  const site = params.get("site");
  if (site && UUID.test(site)) out.siteId = site;
  const carrier = params.get("carrier")?.trim();
  if (carrier) out.carrier = carrier.slice(0, 100);
  return out;
}
