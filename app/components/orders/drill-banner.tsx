// Arriving from an SLA number: say which number ("FY2026 P12 · OTIF missed · 8 orders"), offer the
// way back to that period on the SLA page, and a way to drop the SLA filter.
import { Link } from "@remix-run/react";
import { formatPeriodKey } from "#app/domain/sla/periods";
import type { OrderFilters, SortDir, SortKey } from "#app/domain/orders/query";
import { ordersHref, withoutDrill } from "./filters";
import { useT, type TFunction, useFiscalLabel } from "#app/i18n/react";

/** The "why orders missed" parts (SLA page): carrier, lateness range. */
function missParts(f: OrderFilters, t: TFunction): string[] {
  const parts: string[] = [];
  const hours = (m: number) => Math.round((m / 60) * 10) / 10;
  const { lateOver, lateUpTo, carrier, noCarrier } = f.sla ?? {};
  if (lateOver != null && lateUpTo != null)
    parts.push(t("sla.drill.lateBetween", { from: hours(lateOver), to: hours(lateUpTo) }));
  else if (lateOver != null) parts.push(t("sla.drill.lateOver", { hours: hours(lateOver) }));
  else if (lateUpTo != null) parts.push(t("sla.drill.lateUpTo", { hours: hours(lateUpTo) }));
  const names = [...(carrier ?? []), ...(noCarrier ? [t("sla.misses.noCarrier")] : [])];
  if (names.length) parts.push(t("sla.drill.carrier", { names: names.join(", ") }));
  return parts;
}

/** The banner's title parts, or null when the list is not an SLA drill-down. */
export function drillParts(f: OrderFilters, t: TFunction, fiscal: (label: string) => string): string[] | null {
  const parts: string[] = [];
  if (f.fiscal) parts.push(fiscal(formatPeriodKey(f.fiscal).replace("-", " ")));
  for (const [m, v] of Object.entries(f.metrics) as [string, "met" | "missed"][])
    parts.push(t("orders.drill.metric", { metric: m, value: v }));
  if (f.sla?.fill === "short") parts.push(t("orders.drill.short"));
  if (f.sla?.fill === "full") parts.push(t("orders.drill.full"));
  if (f.sla?.leadTimeOver != null)
    parts.push(t("orders.drill.leadTime", { hours: Math.round(f.sla.leadTimeOver / 60) }));
  parts.push(...missParts(f, t));
  if (f.sla?.measured && parts.length === (f.fiscal ? 1 : 0)) parts.push(t("orders.drill.measured"));
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
  const t = useT();
  const fiscal = useFiscalLabel();
  const parts = drillParts(filters, t, fiscal);
  if (!parts) return null;
  const back = new URLSearchParams();
  if (filters.fiscal) back.set("period", formatPeriodKey(filters.fiscal));
  if (filters.site.length === 1) back.set("site", filters.site[0]);
  const title = [...parts, ...(total === null ? [] : [t("orders.drill.orders", { count: total })])].join(" · ");
  return (
    <section
      aria-label={t("orders.drill.label")}
      data-testid="drill-banner"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <div>
        <p className="text-xs font-medium tracking-wide text-sky-800 uppercase">{t("orders.drill.label")}</p>
        <p className="text-base font-semibold">{title}</p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link to={`/sla${back.size ? `?${back}` : ""}`} className="font-medium text-brand-700 underline">
          {t("orders.drill.back")}
        </Link>
        <Link to={ordersHref(withoutDrill(filters), sort, dir)} className="font-medium text-brand-700 underline">
          {t("orders.drill.remove")}
        </Link>
      </div>
    </section>
  );
}
