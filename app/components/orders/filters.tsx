// The order list's filter panel (a GET form: the URL holds all state) and the status chips.
import { Form, Link, useSubmit } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import {
  DATE_FIELDS,
  defaultDir,
  type DueFilter,
  type LateFilter,
  filtersToParams,
  queryToParams,
  type DateField,
  type OrderFilters,
  type SortDir,
  type SortKey,
} from "#app/domain/orders/query";
import { ORDER_PRIORITIES, ORDER_STATUSES, type OrderStatus } from "#app/domain/orders/statuses";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT, useTMaybe } from "#app/i18n/react";
import { DateInput as DayInput } from "../date-input";
import { Button, cx, FieldError } from "../ui";
import { priorityLabel, statusLabel } from "./format";

export interface SiteOptionView {
  id: string;
  code: string;
  name: string;
  city: string;
}

/** /orders?<filters with a change> (no cursor: any filter change starts at the first page). */
export function ordersHref(filters: OrderFilters, sort: SortKey, dir: SortDir, extra?: Record<string, string>): string {
  const p = queryToParams({ filters, sort, dir });
  for (const [k, v] of Object.entries(extra ?? {})) p.set(k, v);
  const s = p.toString();
  return s ? `/orders?${s}` : "/orders?all=1";
}

const DATE_LABELS: Record<DateField, MessageId> = {
  ordered: "orders.filter.date.ordered",
  requested: "orders.filter.date.requested",
  promised: "orders.filter.date.promised",
  delivered: "orders.filter.date.delivered",
};

/** SLA drill-down parameters (set by the SLA page's links): kept as hidden fields while filtering. */
export const DRILL_KEYS = [
  "fiscal",
  "otif",
  "ontime",
  "infull",
  "measured",
  "fill",
  "lead_time_over",
  "late_over",
  "late_upto",
  "carrier",
  "no_carrier",
] as const;

export function withoutDrill(f: OrderFilters): OrderFilters {
  return { ...f, fiscal: null, metrics: {}, sla: undefined };
}

const LATE_OPTIONS: { value: LateFilter | ""; label: MessageId }[] = [
  { value: "", label: "orders.filter.any" },
  { value: "open", label: "orders.filter.lateOpen" },
  { value: "delivered", label: "orders.filter.lateDelivered" },
  { value: "any", label: "orders.filter.lateAny" },
];

const DUE_OPTIONS: { value: DueFilter | ""; label: MessageId }[] = [
  { value: "", label: "orders.filter.anyTime" },
  { value: "today", label: "orders.filter.dueToday" },
  { value: "week", label: "orders.filter.dueWeek" },
];

function CheckGroup({
  legend,
  name,
  options,
  selected,
  error,
  columns = 1,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
  columns?: 1 | 2;
}) {
  const errorId = `filter-${name}-error`;
  const tm = useTMaybe();
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={cx("mt-1 grid gap-x-3 gap-y-1", columns === 2 && "grid-cols-2")}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
              className="h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-500"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} error={tm(error)} />
    </fieldset>
  );
}

function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  error,
}: {
  legend: string;
  name: string;
  options: { value: V | ""; label: string }[];
  value: V | null;
  error?: string;
}) {
  const tm = useTMaybe();
  return (
    <fieldset aria-describedby={error ? `filter-${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={(value ?? "") === o.value}
              className="h-4 w-4 shrink-0"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`filter-${name}-error`} error={tm(error)} />
    </fieldset>
  );
}

function DateInput({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: string | null;
  error?: string;
}) {
  const id = `filter-${name}`;
  const tm = useTMaybe();
  return (
    <div>
      <label htmlFor={id} className="block text-xs text-slate-600">
        {label}
      </label>
      <DayInput
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(
          "mt-0.5 block w-full min-w-0 rounded-md border bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none",
          error ? "border-red-500" : "border-slate-300",
        )}
      />
      <FieldError id={`${id}-error`} error={tm(error)} />
    </div>
  );
}

/** How many filters beside search and status are in force (shown on the Filters button). */
function panelFilterCount(f: OrderFilters): number {
  const dates = DATE_FIELDS.filter((d) => f.dates[d].from || f.dates[d].to).length;
  return f.site.length + f.priority.length + (f.late ? 1 : 0) + (f.atRisk ? 1 : 0) + (f.due ? 1 : 0) + dates;
}

/**
 * Search and filters: one GET form (the URL holds all state). Search is always in view; the other
 * filters open below it as a full-width panel, so the list below keeps the page's whole width.
 */
export function OrderFilterPanel({
  filters,
  sort,
  dir,
  sites,
  errors,
  busy,
  tools,
}: {
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  sites: SiteOptionView[];
  errors: Record<string, string>;
  busy: boolean;
  /** Controls that sit at the end of the search row (the column chooser). */
  tools?: ReactNode;
}) {
  const submit = useSubmit();
  const t = useT();
  const tm = useTMaybe();
  const [open, setOpen] = useState(Object.keys(errors).some((k) => k !== "q"));
  // Drop empty fields so the URL stays short and shareable; without JS the plain GET still works.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const clean = new URLSearchParams();
    for (const [k, v] of fd.entries()) if (typeof v === "string" && v.trim() !== "") clean.append(k, v.trim());
    submit(clean, { method: "get", action: "/orders" });
  };
  const anyDate = DATE_FIELDS.some((f) => filters.dates[f].from || filters.dates[f].to);
  const dateErrors = Object.keys(errors).some((k) => /_(from|to)$/.test(k));
  // Keyed by the filter state so the uncontrolled inputs reset when the URL changes (chips, clear).
  const key = queryToParams({ filters, sort, dir }).toString();
  // Filters without a visible field travel as hidden ones: the SLA drill-down always, and the
  // panel's filters while it is closed (its fields are not rendered then).
  const carried = [...filtersToParams(filters).entries()].filter(
    ([k]) => k !== "q" && (!open || (DRILL_KEYS as readonly string[]).includes(k)),
  );
  const count = panelFilterCount(filters);
  return (
    <Form
      key={key}
      id="order-filters"
      method="get"
      action="/orders"
      onSubmit={onSubmit}
      aria-label={t("orders.filter.label")}
      className="mb-4"
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">
            {t("orders.filter.search")}
          </label>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder={t("orders.filter.searchPlaceholder")}
            aria-describedby={cx("filter-q-hint", errors.q && "filter-q-error")}
            aria-invalid={errors.q ? true : undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? t("orders.filter.loading") : t("orders.filter.search")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          aria-expanded={open}
          aria-controls="order-filter-panel"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("orders.filter.hide") : t("orders.filter.filters", { count })}
        </Button>
        {tools}
      </div>
      <p id="filter-q-hint" className="mt-1 text-xs text-slate-500">
        {t("orders.filter.searchHint")}
      </p>
      <FieldError id="filter-q-error" error={tm(errors.q)} />
      {/* Rendered only while open: closed, it would add ~12 KB to every list page's HTML. */}
      <div
        id="order-filter-panel"
        hidden={!open}
        className="mt-3 grid gap-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 xl:grid-cols-4"
      >
        {open ? (
          <>
            <CheckGroup
              legend={t("orders.filter.status")}
              name="status"
              columns={2}
              options={ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
              selected={filters.status}
              error={errors.status}
            />
            <div className="space-y-4">
              <RadioGroup
                legend={t("orders.filter.late")}
                name="late"
                options={LATE_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))}
                value={filters.late}
                error={errors.late}
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">{t("orders.filter.risk")}</legend>
                <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="at_risk" value="1" defaultChecked={filters.atRisk} className="h-4 w-4" />
                  {t("orders.filter.atRisk")}
                </label>
                <FieldError id="filter-at_risk-error" error={tm(errors.at_risk)} />
              </fieldset>
              <RadioGroup
                legend={t("orders.filter.due")}
                name="due"
                options={DUE_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))}
                value={filters.due}
                error={errors.due}
              />
            </div>
            <div className="space-y-4">
              {sites.length > 0 ? (
                <CheckGroup
                  legend={t("orders.filter.site")}
                  name="site"
                  options={sites.map((s) => ({
                    value: s.id,
                    label: t("orders.filter.siteOption", { name: s.name, city: s.city }),
                  }))}
                  selected={filters.site}
                  error={errors.site}
                />
              ) : null}
              <CheckGroup
                legend={t("orders.filter.priority")}
                name="priority"
                options={ORDER_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
                selected={filters.priority}
                error={errors.priority}
              />
            </div>
            <details open={anyDate || dateErrors}>
              <summary className="cursor-pointer text-sm font-medium text-slate-800">
                {t("orders.filter.dates")}
              </summary>
              <div className="mt-2 space-y-3">
                {DATE_FIELDS.map((f) => (
                  <fieldset key={f}>
                    <legend className="text-xs font-medium text-slate-700">{t(DATE_LABELS[f])}</legend>
                    <div className="grid grid-cols-2 gap-2">
                      <DateInput
                        name={`${f}_from`}
                        label={t("orders.filter.from")}
                        value={filters.dates[f].from}
                        error={errors[`${f}_from`]}
                      />
                      <DateInput
                        name={`${f}_to`}
                        label={t("orders.filter.to")}
                        value={filters.dates[f].to}
                        error={errors[`${f}_to`]}
                      />
                    </div>
                  </fieldset>
                ))}
              </div>
            </details>
            <div className="flex flex-wrap items-center gap-3 sm:col-span-2 xl:col-span-4">
              <Button type="submit" disabled={busy}>
                {busy ? t("orders.filter.loading") : t("orders.filter.apply")}
              </Button>
              <Link
                to="/orders?all=1"
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {t("orders.list.clearFilters")}
              </Link>
            </div>
          </>
        ) : null}
      </div>
      {carried.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      {sort !== "ordered" ? <input type="hidden" name="sort" value={sort} /> : null}
      {dir !== defaultDir(sort) ? <input type="hidden" name="dir" value={dir} /> : null}
    </Form>
  );
}

/** One chip per status with its count under the other filters; a chip toggles that status. */
export function StatusChips({
  filters,
  sort,
  dir,
  counts,
}: {
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  counts: Record<OrderStatus, number>;
}) {
  const t = useT();
  const f = useFormat();
  const total = ORDER_STATUSES.reduce((n, s) => n + counts[s], 0);
  const allHref = ordersHref({ ...filters, status: [] }, sort, dir);
  return (
    <nav aria-label={t("orders.filter.status")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link
            to={allHref}
            aria-current={filters.status.length === 0 ? "true" : undefined}
            className={cx(
              "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
              filters.status.length === 0
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {t("orders.chips.all")} <span className="tabular-nums">{f.number(total)}</span>
          </Link>
        </li>
        {ORDER_STATUSES.filter((s) => counts[s] > 0 || filters.status.includes(s)).map((s) => {
          const on = filters.status.includes(s);
          const next = on ? filters.status.filter((x) => x !== s) : [...filters.status, s];
          return (
            <li key={s}>
              <Link
                to={ordersHref({ ...filters, status: next }, sort, dir)}
                aria-current={on ? "true" : undefined}
                data-testid={`chip-${s}`}
                className={cx(
                  "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
                  on
                    ? "border-brand-600 bg-brand-50 text-brand-700"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                {on ? <span aria-hidden="true">✓</span> : null}
                {statusLabel(t, s)} <span className="tabular-nums text-slate-500">{f.number(counts[s])}</span>
                <span className="sr-only">{t("orders.chips.selected", { on: on ? "yes" : "no" })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
