// The SLA scorecard page's UI (the route app/routes/sla.tsx loads the data): KPIs against contracted targets for one fiscal period of the customer's own
// calendar, a 12-period trend, a per-site breakdown and a drill-down link behind every number.
//
// Drill-down links go to the order list (/orders, H3) with these params, which its parser
// (app/domain/orders/query.ts) understands:
//   fiscal=FY2026 | FY2026-Q2 | FY2026-P03 | FY2026-W07   promised date in that fiscal period
//   measured=1                                           measured orders only
//   otif=met|missed, ontime=met|missed, infull=met|missed
//   fill=short                                           a line shipped short
//   lead_time_over=<business minutes>                    lead time above the target
//   site=<site id>
// This page's own params: period=this-period|last-quarter|FY2026-P03|..., site=<site id>.
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, cx } from "#app/components/ui";
import { KPI_DEFINITIONS } from "#app/domain/sla/definitions";
import { useFormat } from "#app/i18n/react";
import type { loadSlaPage } from "#app/server/sla/page.server";
import type { KpiResult, Scorecard, TrendPoint } from "#app/server/sla/scorecard.server";
import { Sparkline, TrendChart } from "./trend-chart";

const QUICK: { id: string; label: string }[] = [
  { id: "this-week", label: "This week" },
  { id: "this-period", label: "This period" },
  { id: "this-quarter", label: "This quarter" },
  { id: "this-year", label: "This year" },
  { id: "last-week", label: "Last week" },
  { id: "last-period", label: "Last period" },
  { id: "last-quarter", label: "Last quarter" },
  { id: "last-year", label: "Last year" },
];

const GRANULARITY_LABEL = { week: "Weeks", period: "Periods", quarter: "Quarters", year: "Years" } as const;

function formatValue(k: Pick<KpiResult, "unit" | "value">): string {
  if (k.value === null) return "—";
  return k.unit === "%" ? `${k.value.toFixed(1)}%` : `${k.value.toFixed(1)} h`;
}

function formatTarget(k: Pick<KpiResult, "unit" | "target" | "better">): string {
  const op = k.better === "higher" ? "≥" : "≤";
  return k.unit === "%" ? `${op} ${k.target}%` : `${op} ${k.target} business hours`;
}

function MetBadge({ met }: { met: boolean | null }) {
  if (met === null) return <Badge tone="slate">No data</Badge>;
  return met ? (
    <Badge tone="green">
      <span aria-hidden="true">✓&nbsp;</span>Target met
    </Badge>
  ) : (
    <Badge tone="red">
      <span aria-hidden="true">✗&nbsp;</span>Target missed
    </Badge>
  );
}

/** Counts in the page's locale (a hook: the formatter comes from the root's locale). */
function useNumberText(): (n: number) => string {
  const f = useFormat();
  return (n) => f.number(n, 1);
}

function KpiTile({ k, trend }: { k: KpiResult; trend: TrendPoint[] }) {
  const numberText = useNumberText();
  const what =
    k.id === "fillRateUnits"
      ? `${numberText(k.numerator)} of ${numberText(k.denominator)} units`
      : k.id === "fillRateLines"
        ? `${numberText(k.numerator)} of ${numberText(k.denominator)} lines`
        : k.id === "leadTime"
          ? `over ${numberText(k.denominator)} shipped orders`
          : `${numberText(k.numerator)} of ${numberText(k.denominator)} orders`;
  const missedLabel =
    k.id === "leadTime"
      ? "over target"
      : k.id === "fillRateUnits" || k.id === "fillRateLines"
        ? "with a short line"
        : k.id === "onTime"
          ? "late"
          : "missed";
  return (
    <li
      className={cx(
        "flex flex-col rounded-xl border bg-white p-4 shadow-sm",
        k.met === false ? "border-red-300" : k.met ? "border-emerald-300" : "border-slate-200",
      )}
      aria-labelledby={`kpi-${k.id}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={`kpi-${k.id}`} className="text-sm font-medium text-slate-700">
          {k.label}
        </h3>
        <MetBadge met={k.met} />
      </div>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-ink">
        <Link
          to={k.href}
          className="hover:underline"
          aria-label={`${k.label} ${formatValue(k)}: show the orders measured`}
        >
          {formatValue(k)}
        </Link>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Target {formatTarget(k)} · {what}
      </p>
      <div className="mt-2">
        <Sparkline
          values={trend.map((p) => p[TREND_KEY[k.id]] as number | null)}
          target={k.target}
          unit={k.unit === "%" ? "%" : "h"}
          label={k.label}
        />
      </div>
      <p className="mt-2 text-sm">
        {k.missedOrders > 0 ? (
          <Link to={k.missedHref} className="font-medium text-brand-700 hover:underline">
            {numberText(k.missedOrders)} orders {missedLabel} <span aria-hidden="true">→</span>
            <span className="sr-only"> ({k.label})</span>
          </Link>
        ) : (
          <span className="text-slate-500">No orders {missedLabel}</span>
        )}
      </p>
      <details className="mt-3 text-sm text-slate-600">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">How is this computed?</summary>
        <p className="mt-1">{k.definition}</p>
      </details>
    </li>
  );
}

const TREND_KEY: Record<KpiResult["id"], keyof TrendPoint> = {
  otif: "otif",
  onTime: "onTime",
  inFull: "inFull",
  fillRateUnits: "fillRateUnits",
  fillRateLines: "fillRateLines",
  leadTime: "leadTime",
};

/** "P03" / "W07" for the chart's axis. */
const shortLabel = (p: TrendPoint) => p.id.replace(/^FY\d{4}-/, "");

function Trend({ sc }: { sc: Scorecard }) {
  const target = sc.targets.otifPct;
  const weeks = sc.trend[0]?.granularity === "week";
  const title = `OTIF over the last ${sc.trend.length} fiscal ${weeks ? "weeks" : "periods"}`;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">
        Each point is one fiscal {weeks ? "week" : "period"}; the dashed line is your target ({target}%). Select a point
        to see the orders that missed.
      </p>
      <div className="mt-3">
        <TrendChart
          title={title}
          target={target}
          unit="%"
          better="higher"
          data={sc.trend.map((p) => ({
            id: p.id,
            label: p.label,
            short: shortLabel(p),
            value: p.otif,
            measured: p.measured,
            met: p.otifMet,
            href: p.href,
          }))}
        />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {weeks ? "Weeks" : "Periods"}: {sc.trend[0]?.label} to {sc.trend[sc.trend.length - 1]?.label}. Green points met
        the target, red ones missed it.
      </p>
    </Card>
  );
}

function SiteTable({ sc }: { sc: Scorecard }) {
  const ids = ["otif", "onTime", "inFull", "fillRateUnits", "leadTime"] as const;
  if (sc.sites.length === 0) return null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">By site</h2>
      <div className="relative mt-3 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">SLA figures per ship-to site for {sc.period.label}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">
                Site
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                Measured
              </th>
              {ids.map((id) => (
                <th key={id} scope="col" className="py-2 pr-4 text-right font-medium">
                  {KPI_DEFINITIONS[id].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sc.sites.map((s) => (
              <tr key={s.siteId} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {s.code} <span className="font-normal text-slate-600">{s.name}</span>
                </th>
                <td className="py-2 pr-4 text-right">
                  <Link to={s.href} className="hover:underline">
                    {s.measured}
                  </Link>
                </td>
                {ids.map((id) => {
                  const k = s.kpis.find((x) => x.id === id);
                  if (!k) return <td key={id} />;
                  const unit = KPI_DEFINITIONS[id].unit;
                  const text = formatValue({ unit, value: k.value });
                  return (
                    <td key={id} className="py-2 pr-4 text-right whitespace-nowrap">
                      {k.value === null ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <Link
                          to={k.missedHref}
                          className={cx(
                            "hover:underline",
                            k.met === false ? "font-semibold text-red-700" : "text-slate-800",
                          )}
                          aria-label={`${s.code} ${KPI_DEFINITIONS[id].label} ${text}, target ${k.met ? "met" : "missed"}: show the ${k.missedOrders} orders that missed`}
                        >
                          {text}
                          <span aria-hidden="true">{k.met ? " ✓" : " ✗"}</span>
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export function SlaPage() {
  const page = useLoaderData<typeof loadSlaPage>();
  const sc = page.scorecard;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/sla";
  const revalidator = useRevalidator();
  const recompute = sc.calendar.recompute;
  useEffect(() => {
    if (!recompute) return;
    const t = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(t);
  }, [recompute, revalidator]);
  const tz = sc.calendar.timeZone;
  const f = useFormat(tz);
  const numberText = useNumberText();
  const siteQuery = page.siteParam ? `&site=${encodeURIComponent(page.siteParam)}` : "";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Service levels"
        description={
          <>
            {sc.tenant.name} · measured in your calendar: <strong>{sc.calendar.label}</strong>
          </>
        }
      />
      {page.message ? <Alert>{page.message}</Alert> : null}
      <Card>
        <nav aria-label="Period" className="flex flex-wrap gap-2">
          {QUICK.map((q) => (
            <Link
              key={q.id}
              to={`/sla?period=${q.id}${siteQuery}`}
              aria-current={page.selected === q.id ? "page" : undefined}
              className={cx(
                "rounded-full border px-3 py-1 text-sm",
                page.selected === q.id
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {q.label}
            </Link>
          ))}
        </nav>
        <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
          <div className="w-full sm:w-auto sm:max-w-full">
            <label htmlFor="sla-period" className="block text-sm font-medium text-slate-800">
              Custom period
            </label>
            <select
              id="sla-period"
              name="period"
              defaultValue={page.selected}
              key={page.selected}
              className="mt-1 block w-full max-w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto"
            >
              <optgroup label="Relative">
                {QUICK.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
              </optgroup>
              {(["period", "quarter", "year", "week"] as const).map((g) => (
                <optgroup key={g} label={GRANULARITY_LABEL[g]}>
                  {page.choices[g].map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="w-full sm:w-auto sm:max-w-full">
            <label htmlFor="sla-site" className="block text-sm font-medium text-slate-800">
              Site
            </label>
            <select
              id="sla-site"
              name="site"
              defaultValue={page.siteParam}
              key={page.siteParam}
              className="mt-1 block w-full max-w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto"
            >
              <option value="">All sites</option>
              {page.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} — {s.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={loading}>
            {loading ? "Loading…" : "Show"}
          </Button>
        </Form>
      </Card>

      <section
        aria-labelledby="period-heading"
        aria-busy={loading || undefined}
        className={cx(loading && "opacity-60")}
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="period-heading" className="text-xl font-semibold">
            {sc.period.label}
            {sc.site ? ` · ${sc.site.code} ${sc.site.name}` : ""}
          </h2>
          <p className="text-sm text-slate-600">
            {f.dateRange(sc.period.start, sc.period.end)} ·{" "}
            <Link to={sc.orders.href} className="text-brand-700 hover:underline">
              {numberText(sc.orders.promised)} orders promised
            </Link>
            ,{" "}
            <Link to={sc.orders.measuredHref} className="text-brand-700 hover:underline">
              {numberText(sc.orders.measured)} measured
            </Link>
          </p>
        </div>
        {sc.orders.measured === 0 ? (
          <div className="mt-4">
            <EmptyState title="No measured orders in this period yet">
              Orders are measured once they are delivered. Try an earlier period, or{" "}
              <Link to={sc.orders.href} className="text-brand-700 underline">
                see the orders promised in it
              </Link>
              .
            </EmptyState>
          </div>
        ) : null}
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sc.kpis.map((k) => (
            <KpiTile key={k.id} k={k} trend={sc.trend} />
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">
          Targets:{" "}
          {sc.targets.source === "contract" ? "your contracted targets" : `the defaults of the ${sc.targets.tier} tier`}
          . On-time tolerance {sc.targets.onTimeToleranceDays} day(s); in-full tolerance {sc.targets.inFullTolerancePct}
          %.
        </p>
      </section>

      <Trend sc={sc} />
      <SiteTable sc={sc} />

      <Card>
        <h2 className="text-lg font-semibold">How these figures are computed</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{sc.rules.period}</li>
          <li>{sc.rules.measured}</li>
          <li>{sc.rules.tolerance}</li>
          <li>{sc.rules.rounding}</li>
          {sc.kpis.map((k) => (
            <li key={k.id}>
              <strong>{k.label}:</strong> {k.definition}
            </li>
          ))}
        </ul>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Calendar</dt>
          <dd>
            Version {sc.calendar.version === 0 ? "default (not yet saved)" : sc.calendar.version} — {sc.calendar.label}{" "}
            (
            <Link to="/calendar" className="text-brand-700 underline">
              hours, holidays, closures and fiscal periods
            </Link>
            )
          </dd>
          <dt className="font-medium text-slate-700">Time zone</dt>
          <dd>{tz} (all dates and times on this page)</dd>
          <dt className="font-medium text-slate-700">Last recomputed</dt>
          <dd>{sc.calendar.lastRecomputedAt ? f.dateTime(sc.calendar.lastRecomputedAt) : "never"}</dd>
        </dl>
        {recompute ? (
          <div className="mt-4" role="status" aria-live="polite">
            <p className="text-sm text-slate-700">
              Recomputing under the new calendar: {numberText(recompute.done)} of {numberText(recompute.total)} orders (
              {recompute.status}). Figures update when it finishes.
            </p>
            <progress className="mt-1 w-full" max={Math.max(1, recompute.total)} value={recompute.done}>
              {recompute.done} / {recompute.total}
            </progress>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
