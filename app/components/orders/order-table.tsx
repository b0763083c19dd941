// The order list's results: a sortable table on wide screens, cards on phones, keyset paging and
// the empty state. Sorting and paging are links, so the URL holds the whole state.
import { Link } from "@remix-run/react";
import type { OrderFilters, SortDir, SortKey } from "#app/domain/orders/query";
import type { OrderStatus } from "#app/domain/orders/statuses";
import { cx, EmptyState } from "../ui";
import { ordersHref } from "./filters";
import { DelayBadges, formatDate, formatInstantDate, formatMoney, OrderStatusBadge } from "./format";

export interface OrderRowView {
  id: string;
  orderNumber: string;
  customerPo: string | null;
  siteName: string;
  siteCode: string;
  status: OrderStatus;
  priority: string;
  orderedAt: string;
  requestedDate: string | null;
  promisedDate: string | null;
  predictedDate: string | null;
  deliveredAt: string | null;
  currency: string;
  value: string;
  late: boolean;
  atRisk: boolean;
}

export interface OrderResultsData {
  rows: OrderRowView[];
  next: string | null;
  prev: string | null;
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  timeZone: string;
  errors: Record<string, string> | null;
}

const COLUMNS: { key: SortKey | null; label: string; className?: string }[] = [
  { key: "number", label: "Order" },
  { key: null, label: "Customer PO" },
  { key: null, label: "Site" },
  { key: "status", label: "Status" },
  { key: "ordered", label: "Ordered" },
  { key: "requested", label: "Requested", className: "hidden xl:table-cell" },
  { key: "promised", label: "Promised" },
  { key: null, label: "Predicted" },
  { key: "delivered", label: "Delivered" },
  { key: null, label: "Value", className: "text-right" },
];

function SortHeader({ col, data }: { col: (typeof COLUMNS)[number]; data: OrderResultsData }) {
  if (!col.key) {
    return (
      <th scope="col" className={cx("px-3 py-3 whitespace-nowrap", col.className)}>
        {col.label}
      </th>
    );
  }
  const active = data.sort === col.key;
  const nextDir: SortDir = active
    ? data.dir === "asc"
      ? "desc"
      : "asc"
    : col.key === "ordered" || col.key === "delivered"
      ? "desc"
      : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (data.dir === "asc" ? "ascending" : "descending") : "none"}
      className={cx("px-3 py-3 whitespace-nowrap", col.className)}
    >
      <Link
        to={ordersHref(data.filters, col.key, nextDir)}
        preventScrollReset
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {col.label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
          {active ? (data.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {active
            ? `, sorted ${data.dir === "asc" ? "ascending" : "descending"}; select to reverse`
            : ", select to sort"}
        </span>
      </Link>
    </th>
  );
}

function Pager({ data }: { data: OrderResultsData }) {
  if (!data.next && !data.prev) return null;
  const link =
    "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  const off = "rounded-lg border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      {data.prev ? (
        <Link to={ordersHref(data.filters, data.sort, data.dir, { cursor: data.prev })} className={link} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          ← Previous
        </span>
      )}
      {data.next ? (
        <Link to={ordersHref(data.filters, data.sort, data.dir, { cursor: data.next })} className={link} rel="next">
          Next →
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}

export function OrderResults({ page, highlighted }: { page: OrderResultsData; highlighted?: ReadonlySet<string> }) {
  if (page.rows.length === 0) {
    if (page.errors) return null;
    return (
      <EmptyState title="No orders match — clear filters">
        <p>Nothing matches these filters right now.</p>
        <Link to="/orders?all=1" className="mt-3 inline-block font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  const tz = page.timeZone;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full text-sm" data-testid="orders-table">
          <caption className="sr-only">Orders; column headers with buttons sort the list</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.label} col={c} data={page} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((r) => (
              <tr
                key={r.id}
                data-order-id={r.id}
                className={cx("hover:bg-slate-50", highlighted?.has(r.id) && "row-updated")}
              >
                <td className="px-3 py-2.5 font-medium whitespace-nowrap">
                  <Link
                    to={`/orders/${r.id}`}
                    className="text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
                  >
                    {r.orderNumber}
                  </Link>
                  {r.priority !== "standard" ? (
                    <span className="ml-1.5 text-xs font-normal text-slate-500 capitalize">{r.priority}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{r.customerPo ?? "—"}</td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700" title={r.siteName}>
                  {r.siteCode}
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <span className="inline-flex gap-1">
                    <OrderStatusBadge status={r.status} />
                    <DelayBadges late={r.late} atRisk={r.atRisk} />
                  </span>
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatInstantDate(r.orderedAt, tz)}</td>
                <td className="hidden px-3 py-2.5 whitespace-nowrap text-slate-700 xl:table-cell">
                  {formatDate(r.requestedDate)}
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatDate(r.promisedDate)}</td>
                <td
                  className={cx(
                    "px-3 py-2.5 whitespace-nowrap",
                    r.atRisk ? "font-medium text-amber-800" : "text-slate-700",
                  )}
                >
                  {formatDate(r.predictedDate)}
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatInstantDate(r.deliveredAt, tz)}</td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums text-slate-700">
                  {formatMoney(r.value, r.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="md:hidden">
        <nav aria-label="Sort orders" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">Sort:</span>
          {COLUMNS.filter((c) => c.key).map((c) => {
            const key = c.key as SortKey;
            const active = page.sort === key;
            const nextDir: SortDir = active
              ? page.dir === "asc"
                ? "desc"
                : "asc"
              : key === "ordered" || key === "delivered"
                ? "desc"
                : "asc";
            return (
              <Link
                key={key}
                to={ordersHref(page.filters, key, nextDir)}
                aria-current={active ? "true" : undefined}
                className={cx(
                  "rounded-full border px-2.5 py-0.5",
                  active ? "border-brand-600 text-brand-700" : "border-slate-300 text-slate-700",
                )}
              >
                {c.label}
                {active ? (page.dir === "asc" ? " ▲" : " ▼") : ""}
              </Link>
            );
          })}
        </nav>
        <ul className="space-y-3" aria-label="Orders">
          {page.rows.map((r) => (
            <li
              key={r.id}
              data-order-id={r.id}
              className={cx(
                "rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
                highlighted?.has(r.id) && "row-updated",
              )}
            >
              <div className="flex items-start justify-between gap-2">
                <Link to={`/orders/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.orderNumber}
                </Link>
                <span className="inline-flex flex-wrap justify-end gap-1">
                  <OrderStatusBadge status={r.status} />
                  <DelayBadges late={r.late} atRisk={r.atRisk} />
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-600">
                <dt>PO</dt>
                <dd className="text-slate-800">{r.customerPo ?? "—"}</dd>
                <dt>Site</dt>
                <dd className="text-slate-800">{r.siteName}</dd>
                <dt>Ordered</dt>
                <dd className="text-slate-800">{formatInstantDate(r.orderedAt, tz)}</dd>
                <dt>Promised</dt>
                <dd className="text-slate-800">{formatDate(r.promisedDate)}</dd>
                {r.predictedDate ? (
                  <>
                    <dt>Predicted</dt>
                    <dd className="text-slate-800">{formatDate(r.predictedDate)}</dd>
                  </>
                ) : null}
                <dt>Value</dt>
                <dd className="text-slate-800">{formatMoney(r.value, r.currency)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </div>
      <Pager data={page} />
    </>
  );
}
