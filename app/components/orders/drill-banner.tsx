// Arriving from an SLA number: say which number ("FY2026 P12 · OTIF missed · 8 orders"), offer the
// way back to that period on the SLA page, and a way to drop the SLA filter.
import { Link } from "@remix-run/react";
import { formatPeriodKey } from "#app/domain/sla/periods";
import type { OrderFilters, SortDir, SortKey } from "#app/domain/orders/query";
import { ordersHref, withoutDrill } from "./filters";
import { plural } from "./format";

const METRIC_LABEL = { otif: "OTIF", ontime: "On time", infull: "In full" } as const;

/** The banner's title parts, or null when the list is not an SLA drill-down. */
export function drillParts(f: OrderFilters): string[] | null {
  const parts: string[] = [];
  if (f.fiscal) parts.push(formatPeriodKey(f.fiscal).replace("-", " "));
  for (const [m, v] of Object.entries(f.metrics) as [keyof typeof METRIC_LABEL, "met" | "missed"][])
    parts.push(`${METRIC_LABEL[m]} ${v}`);
  if (f.sla?.fill === "short") parts.push("Shipped short");
  if (f.sla?.fill === "full") parts.push("Shipped in full");
  if (f.sla?.leadTimeOver != null)
    parts.push(`Lead time over ${plural(Math.round(f.sla.leadTimeOver / 60), "business hour", "business hours")}`);
  if (f.sla?.measured && parts.length === (f.fiscal ? 1 : 0)) parts.push("Measured orders");
  return parts.length ? parts : null;
}

export function DrillBanner({
  filters,
  sort,
  dir,
  total,
}: {
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  total: number | null;
}) {
  const parts = drillParts(filters);
  if (!parts) return null;
  const back = new URLSearchParams();
  if (filters.fiscal) back.set("period", formatPeriodKey(filters.fiscal));
  if (filters.site.length === 1) back.set("site", filters.site[0]);
  const title = [...parts, ...(total === null ? [] : [plural(total, "order", "orders")])].join(" · ");
  return (
    <section
      aria-label="From the SLA scorecard"
      data-testid="drill-banner"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <div>
        <p className="text-xs font-medium tracking-wide text-sky-800 uppercase">From the SLA scorecard</p>
        <p className="text-base font-semibold">{title}</p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link to={`/sla${back.size ? `?${back}` : ""}`} className="font-medium text-brand-700 underline">
          ← Back to SLA
        </Link>
        <Link to={ordersHref(withoutDrill(filters), sort, dir)} className="font-medium text-brand-700 underline">
          Remove SLA filter
        </Link>
      </div>
    </section>
  );
}
