// The order list's results in ONE markup: a table that is a list of cards below 1280 px and a full
// table from 1280 px (the rules are in app/tailwind.css, `.ol`), a column chooser whose choice is
// kept in a cookie, keyset paging and the empty state. Sorting and paging are links, so the URL
// holds the whole state.
// Not the shared `Table` (ui.tsx): this table never scrolls sideways but turns into cards, hides
// the customer's chosen columns and labels card cells from CSS variables, all by the `.ol` rules,
// and its headings are sort links with aria-sort; Table's scroll box and cell padding would fight them.
import { Link } from "@remix-run/react";
import { useState, type CSSProperties } from "react";
import { defaultDir, type OrderFilters, type SortDir, type SortKey } from "#app/domain/orders/query";
import type { OrderStatus } from "#app/domain/orders/statuses";
import type { OrderMissView } from "#app/domain/sla/order-facts";
import { cx, EmptyState } from "../ui";
import { ordersHref } from "./filters";
import { missReason, priorityLabel, statusLabel, statusTone } from "./format";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT, type TFunction } from "#app/i18n/react";

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
  lateState: "open" | "delivered" | null;
  atRisk: boolean;
  /** Why a measured order missed its SLA; only on an SLA drill-down (see missReason). */
  miss?: OrderMissView;
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
  hiddenColumns: OptionalColumn[];
}

/** Columns a customer may hide; order number, status and promised date always show. */
export const OPTIONAL_COLUMNS = ["po", "site", "ord", "req", "pred", "del", "val"] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export const COLUMNS_COOKIE = "sl_order_cols";

type ColumnId = "num" | "st" | "prom" | OptionalColumn;
const COLUMNS: { id: ColumnId; label: MessageId; sort?: SortKey }[] = [
  { id: "num", label: "orders.col.num", sort: "number" },
  { id: "po", label: "orders.col.po" },
  { id: "site", label: "orders.col.site" },
  { id: "st", label: "orders.col.st", sort: "status" },
  { id: "ord", label: "orders.col.ord", sort: "ordered" },
  { id: "req", label: "orders.col.req", sort: "requested" },
  { id: "prom", label: "orders.col.prom", sort: "promised" },
  { id: "pred", label: "orders.col.pred" },
  { id: "del", label: "orders.col.del", sort: "delivered" },
  { id: "val", label: "orders.col.val" },
];
const LABEL = Object.fromEntries(COLUMNS.map((c) => [c.id, c.label])) as Record<ColumnId, MessageId>;

/** Reads the hidden-column cookie value ("po.req"); unknown names are dropped. */
export function parseHiddenColumns(value: string | null | undefined): OptionalColumn[] {
  if (!value) return [];
  const all: readonly string[] = OPTIONAL_COLUMNS;
  return [...new Set(value.split(".").filter((c) => all.includes(c)))] as OptionalColumn[];
}

function nextDir(data: OrderResultsData, key: SortKey): SortDir {
  if (data.sort !== key) return defaultDir(key);
  return data.dir === "asc" ? "desc" : "asc";
}

function SortHeader({ id, data }: { id: ColumnId; data: OrderResultsData }) {
  const t = useT();
  const col = COLUMNS.find((c) => c.id === id);
  if (!col?.sort) {
    return (
      <th scope="col" className={`c-${id}`}>
        {t(LABEL[id])}
      </th>
    );
  }
  const active = data.sort === col.sort;
  return (
    <th
      scope="col"
      className={`c-${id}`}
      aria-sort={active ? (data.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        to={ordersHref(data.filters, col.sort, nextDir(data, col.sort))}
        preventScrollReset
        className="inline-flex items-center gap-1"
      >
        {t(col.label)}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
          {active ? (data.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{t("orders.sort.state", { state: active ? data.dir : "none" })}</span>
      </Link>
    </th>
  );
}

/** Sort links for the card layout (the table's headers sort from 1280 px). */
function CardSort({ data }: { data: OrderResultsData }) {
  const t = useT();
  return (
    <nav aria-label={t("orders.sort.label")} className="ol-sort">
      <span className="text-slate-600">{t("orders.sort.sort")}</span>
      {COLUMNS.filter((c) => c.sort).map((c) => {
        const key = c.sort as SortKey;
        const active = data.sort === key;
        return (
          <Link
            key={key}
            to={ordersHref(data.filters, key, nextDir(data, key))}
            aria-current={active ? "true" : undefined}
            className={cx(
              "rounded-full border px-2.5 py-0.5",
              active ? "border-brand-600 text-brand-700" : "border-slate-300 text-slate-700",
            )}
          >
            {t(c.label)}
            {active ? (data.dir === "asc" ? " ▲" : " ▼") : ""}
          </Link>
        );
      })}
    </nav>
  );
}

export function ColumnChooser({
  hidden,
  onChange,
}: {
  hidden: OptionalColumn[];
  onChange: (hidden: OptionalColumn[]) => void;
}) {
  const t = useT();
  const toggle = (c: OptionalColumn, show: boolean) => {
    const next = show ? hidden.filter((h) => h !== c) : [...hidden, c];
    // A year-long cookie read by the loader, so the next page load renders the same columns.
    document.cookie = `${COLUMNS_COOKIE}=${next.join(".")}; Path=/orders; Max-Age=31536000; SameSite=Lax`;
    onChange(next);
  };
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        {t("orders.columns.button", {
          hidden: hidden.length ? "yes" : "no",
          shown: OPTIONAL_COLUMNS.length - hidden.length + 3,
          total: COLUMNS.length,
        })}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-2 w-56 space-y-1 rounded-xl border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t("orders.columns.legend")}</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={!hidden.includes(c)}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
              className="h-4 w-4"
            />
            {t(LABEL[c])}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function Pager({ data }: { data: OrderResultsData }) {
  const t = useT();
  if (!data.next && !data.prev) return null;
  const link =
    "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  const off = "rounded-lg border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label={t("orders.pager.label")} className="mt-4 flex items-center justify-between gap-3">
      {data.prev ? (
        <Link to={ordersHref(data.filters, data.sort, data.dir, { cursor: data.prev })} className={link} rel="prev">
          {t("orders.pager.prev")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {t("orders.pager.prev")}
        </span>
      )}
      {data.next ? (
        <Link to={ordersHref(data.filters, data.sort, data.dir, { cursor: data.next })} className={link} rel="next">
          {t("orders.pager.next")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {t("orders.pager.next")}
        </span>
      )}
    </nav>
  );
}

/** Card labels, set once on the table as custom properties (see `.ol` in app/tailwind.css). */
function labelVars(t: TFunction): CSSProperties {
  return Object.fromEntries(
    [...OPTIONAL_COLUMNS, "prom" as const].map((c) => [`--l-${c}`, JSON.stringify(t(LABEL[c]))]),
  ) as CSSProperties;
}

function Row({ r, tz, showMiss, updated }: { r: OrderRowView; tz: string; showMiss: boolean; updated: boolean }) {
  const f = useFormat(tz);
  const t = useT();
  const miss = showMiss && r.miss ? missReason(t, r.miss) : null;
  return (
    <tr className={updated ? "row-updated" : undefined}>
      <td className="c-num">
        <Link to={`/orders/${r.id}`}>{r.orderNumber}</Link>
        {r.priority !== "standard" ? <span className="pri">{priorityLabel(t, r.priority)}</span> : null}
      </td>
      <td className="c-po">{r.customerPo ?? "—"}</td>
      <td className="c-site" title={r.siteName}>
        {r.siteCode}
      </td>
      <td className="c-st">
        <span className={`b b-${statusTone(r.status)}`}>{statusLabel(t, r.status)}</span>
        {r.lateState === "open" ? (
          <span className="b b-red">{t("orders.late")}</span>
        ) : r.lateState === "delivered" ? (
          <span className="b b-amber">{t("orders.deliveredLate")}</span>
        ) : r.atRisk ? (
          <span className="b b-amber">{t("orders.atRisk")}</span>
        ) : null}
        {miss ? <span className="c-miss">{miss}</span> : null}
      </td>
      <td className="c-ord">{f.date(r.orderedAt)}</td>
      <td className="c-req">{f.calendarDate(r.requestedDate)}</td>
      <td className="c-prom">{f.calendarDate(r.promisedDate)}</td>
      <td className={cx("c-pred", r.atRisk && "risk")}>{f.calendarDate(r.predictedDate)}</td>
      <td className="c-del">{f.date(r.deliveredAt)}</td>
      <td className="c-val num">{f.money(r.value, r.currency)}</td>
    </tr>
  );
}

export function OrderResults({
  page,
  highlighted,
  hidden,
  showMiss,
}: {
  page: OrderResultsData;
  highlighted?: ReadonlySet<string>;
  hidden: OptionalColumn[];
  showMiss: boolean;
}) {
  const t = useT();
  if (page.rows.length === 0) {
    if (page.errors) return null;
    return (
      <EmptyState title={t("orders.empty.title")}>
        <p>{t("orders.empty.body")}</p>
        <Link to="/orders?all=1" className="mt-3 inline-block font-medium text-brand-700 underline">
          {t("orders.list.clearFilters")}
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <CardSort data={page} />
      <table className={cx("ol", ...hidden.map((h) => `h-${h}`))} style={labelVars(t)} data-testid="orders-table">
        <caption className="sr-only">{t("orders.table.caption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.id} id={c.id} data={page} />
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <Row key={r.id} r={r} tz={page.timeZone} showMiss={showMiss} updated={highlighted?.has(r.id) ?? false} />
          ))}
        </tbody>
      </table>
      <Pager data={page} />
    </>
  );
}

/** The chooser's state: starts from the cookie the loader read, follows the customer's changes. */
export function useHiddenColumns(initial: OptionalColumn[]): [OptionalColumn[], (h: OptionalColumn[]) => void] {
  return useState<OptionalColumn[]>(initial);
}
