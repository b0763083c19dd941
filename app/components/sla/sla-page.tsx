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
import { useEffect, type ReactNode } from "react";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, SelectField, Table, cx } from "#app/components/ui";
import { KPIS, KPI_IDS, kpiMessages } from "#app/domain/sla/kpis";
import { FormattedMessage } from "react-intl";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT, type TFunction, useFiscalLabel } from "#app/i18n/react";
import { calendarSummary } from "./calendar-summary";
import type { loadSlaPage } from "#app/server/sla/page.server";
import type { KpiResult, Scorecard, TrendPoint } from "#app/server/sla/scorecard.server";
import { MissBreakdown } from "./miss-breakdown";
import { PerfectOrder } from "./perfect-order";
import { ScorecardDownload } from "./scorecard-download";
import { Sparkline, TrendChart } from "./trend-chart";

const QUICK: { id: string; label: MessageId }[] = [
  { id: "this-week", label: "sla.quick.this-week" },
  { id: "this-period", label: "sla.quick.this-period" },
  { id: "this-quarter", label: "sla.quick.this-quarter" },
  { id: "this-year", label: "sla.quick.this-year" },
  { id: "last-week", label: "sla.quick.last-week" },
  { id: "last-period", label: "sla.quick.last-period" },
  { id: "last-quarter", label: "sla.quick.last-quarter" },
  { id: "last-year", label: "sla.quick.last-year" },
];

const GRANULARITY_LABEL: Record<"week" | "period" | "quarter" | "year", MessageId> = {
  week: "sla.granularity.week",
  period: "sla.granularity.period",
  quarter: "sla.granularity.quarter",
  year: "sla.granularity.year",
};

/** One decimal, as a percentage or business hours, in the viewer's locale. */
function useValueText(): (k: Pick<KpiResult, "unit" | "value">) => string {
  const f = useFormat();
  const t = useT();
  return (k) => {
    if (k.value === null) return "—";
    return k.unit === "%" ? f.percent(k.value / 100, 1) : t("sla.hours", { value: f.number(k.value, 1) });
  };
}

function formatTarget(k: Pick<KpiResult, "unit" | "target" | "better">, t: TFunction): string {
  const op = k.better === "higher" ? "≥" : "≤";
  return k.unit === "%" ? t("sla.targetPct", { op, target: k.target }) : t("sla.targetHours", { op, target: k.target });
}

function MetBadge({ met }: { met: boolean | null }) {
  const t = useT();
  if (met === null) return <Badge tone="slate">{t("sla.noData")}</Badge>;
  return met ? (
    <Badge tone="green">
      <span aria-hidden="true">✓&nbsp;</span>
      {t("sla.targetMet")}
    </Badge>
  ) : (
    <Badge tone="red">
      <span aria-hidden="true">✗&nbsp;</span>
      {t("sla.targetMissed")}
    </Badge>
  );
}

/** Counts in the page's locale (a hook: the formatter comes from the root's locale). */
function useNumberText(): (n: number) => string {
  const f = useFormat();
  return (n) => f.number(n, 1);
}

/** One KPI against its target (value, target line, sparkline, misses); the quarterly review shows the same tiles. */
export function KpiTile({ k, trend }: { k: KpiResult; trend: TrendPoint[] }) {
  const numberText = useNumberText();
  const formatValue = useValueText();
  const t = useT();
  const spec = KPIS[k.id];
  const label = t(kpiMessages(k.id).name);
  const what = t(`sla.what.${spec.counts}`, {
    numerator: numberText(k.numerator),
    denominator: numberText(k.denominator),
  });
  const missedKind = spec.missedKind;
  return (
    <li
      className={cx(
        "flex flex-col rounded-xl border bg-white p-4 shadow-sm",
        k.met === false ? "border-red-300" : k.met ? "border-emerald-300" : "border-slate-200",
      )}
      aria-labelledby={`kpi-${k.id}`}
      data-kpi={k.id}
      data-value={k.value ?? ""}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={`kpi-${k.id}`} className="text-sm font-medium text-slate-700">
          {label}
        </h3>
        <MetBadge met={k.met} />
      </div>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-ink">
        <Link to={k.href} className="hover:underline" aria-label={t("sla.kpiLink", { label, value: formatValue(k) })}>
          {formatValue(k)}
        </Link>
      </p>
      <p className="mt-1 text-sm text-slate-600">{t("sla.targetLine", { target: formatTarget(k, t), what })}</p>
      <div className="mt-2">
        <Sparkline
          values={trend.map((p) => p[k.id])}
          target={k.target}
          unit={k.unit === "%" ? "%" : "h"}
          label={label}
        />
      </div>
      <p className="mt-2 text-sm">
        {k.missedOrders > 0 ? (
          <Link to={k.missedHref} className="font-medium text-brand-700 hover:underline">
            {t("sla.missedLink", { count: k.missedOrders, kind: missedKind })} <span aria-hidden="true">→</span>
            <span className="sr-only"> ({label})</span>
          </Link>
        ) : (
          <span className="text-slate-500">{t("sla.noMissed", { kind: missedKind })}</span>
        )}
      </p>
      <details className="mt-3 text-sm text-slate-600">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">{t("sla.howComputed")}</summary>
        <p className="mt-1">{t(kpiMessages(k.id).definition)}</p>
      </details>
    </li>
  );
}

/** "P03" / "W07" for the chart's axis. */
const shortLabel = (p: TrendPoint) => p.id.replace(/^FY\d{4}-/, "");

/** The OTIF trend chart of a scorecard (12 periods, or weeks in a week view). */
/** A scorecard's KPI tiles and the line naming the targets they are held to (SLA page, quarterly review). */
export function KpiTiles({ sc, className }: { sc: Scorecard; className?: string }) {
  const t = useT();
  return (
    <>
      <ul className={cx("mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3", className)}>
        {sc.kpis.map((k) => (
          <KpiTile key={k.id} k={k} trend={sc.trend} />
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">
        {t("sla.targets", {
          source: sc.targets.source === "contract" ? "contract" : "tier",
          tier: sc.targets.tier,
          days: sc.targets.onTimeToleranceDays,
          pct: sc.targets.inFullTolerancePct,
        })}
      </p>
    </>
  );
}

export function Trend({ sc }: { sc: Scorecard }) {
  const target = sc.targets.otifPct;
  const weeks = sc.trend[0]?.granularity === "week";
  const t = useT();
  const fiscal = useFiscalLabel();
  const title = t("sla.trend.title", { count: sc.trend.length, weeks: weeks ? "yes" : "no" });
  return (
    <Card title={title} description={t("sla.trend.intro", { weeks: weeks ? "yes" : "no", target })}>
      <div className="mt-3">
        <TrendChart
          title={title}
          target={target}
          unit="%"
          better="higher"
          data={sc.trend.map((p) => ({
            id: p.id,
            label: fiscal(p.label),
            short: shortLabel(p),
            value: p.otif,
            measured: p.measured,
            met: p.otifMet,
            href: p.href,
          }))}
        />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {t("sla.trend.range", {
          weeks: weeks ? "yes" : "no",
          from: fiscal(sc.trend[0]?.label ?? ""),
          to: fiscal(sc.trend[sc.trend.length - 1]?.label ?? ""),
        })}
      </p>
    </Card>
  );
}

export function SiteTable({ sc }: { sc: Scorecard }) {
  const ids = KPI_IDS.filter((id) => KPIS[id].perSite);
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  const formatValue = useValueText();
  if (sc.sites.length === 0) return null;
  return (
    <Card title={t("sla.sites.title")}>
      <Table
        className="mt-3"
        caption={t("sla.sites.caption", { period: fiscal(sc.period.label) })}
        columns={[
          t("sla.sites.site"),
          { label: t("sla.sites.measured"), align: "right" },
          ...ids.map((id) => ({ label: t(kpiMessages(id).name), align: "right" as const })),
        ]}
      >
        {sc.sites.map((s) => (
          <tr key={s.siteId}>
            <th scope="row" className="text-left font-medium">
              {s.code} <span className="font-normal text-slate-600">{s.name}</span>
            </th>
            <td className="text-right">
              <Link to={s.href} className="hover:underline">
                {f.number(s.measured)}
              </Link>
            </td>
            {ids.map((id) => {
              const k = s.kpis.find((x) => x.id === id);
              if (!k) return <td key={id} />;
              const unit = KPIS[id].unit;
              const text = formatValue({ unit, value: k.value });
              return (
                <td key={id} className="text-right whitespace-nowrap">
                  {k.value === null ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <Link
                      to={k.missedHref}
                      className={cx(
                        "hover:underline",
                        k.met === false ? "font-semibold text-red-700" : "text-slate-800",
                      )}
                      aria-label={t("sla.sites.cellLabel", {
                        site: s.code,
                        kpi: t(kpiMessages(id).name),
                        value: text,
                        met: k.met ? "yes" : "no",
                        count: k.missedOrders,
                      })}
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
      </Table>
    </Card>
  );
}

/** `notices`: what the account team tells the customer first (published recovery plans), under the heading. */
export function SlaPage({ notices }: { notices?: ReactNode } = {}) {
  const page = useLoaderData<typeof loadSlaPage>();
  const sc = page.scorecard;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/sla";
  const revalidator = useRevalidator();
  const recompute = sc.calendar.recompute;
  useEffect(() => {
    if (!recompute) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [recompute, revalidator]);
  const tz = sc.calendar.timeZone;
  const f = useFormat(tz);
  const numberText = useNumberText();
  const t = useT();
  const fiscal = useFiscalLabel();
  const siteQuery = page.siteParam ? `&site=${encodeURIComponent(page.siteParam)}` : "";
  const calendarText = calendarSummary(page.calendar, t, f);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("sla.title")}
        actions={
          <Link
            to="/review"
            className="rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {t("joint.quarterly.open")}
          </Link>
        }
        description={
          <FormattedMessage
            id="sla.description"
            values={{
              tenant: sc.tenant.name,
              calendar: calendarText,
              strong: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        }
      />
      {page.message ? <Alert>{t(page.message.id, page.message.values)}</Alert> : null}
      {notices}
      <Card>
        <nav aria-label={t("sla.period")} className="flex flex-wrap gap-2">
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
              {t(q.label)}
            </Link>
          ))}
        </nav>
        <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
          <SelectField fit label={t("sla.customPeriod")} name="period" defaultValue={page.selected} key={page.selected}>
            <optgroup label={t("sla.relative")}>
              {QUICK.map((q) => (
                <option key={q.id} value={q.id}>
                  {t(q.label)}
                </option>
              ))}
            </optgroup>
            {(["period", "quarter", "year", "week"] as const).map((g) => (
              <optgroup key={g} label={t(GRANULARITY_LABEL[g])}>
                {page.choices[g].map((c) => (
                  <option key={c.id} value={c.id}>
                    {fiscal(c.label)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField fit label={t("sla.site")} name="site" defaultValue={page.siteParam} key={page.siteParam}>
            <option value="">{t("sla.allSites")}</option>
            {page.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} — {s.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={loading}>
            {loading ? t("sla.loading") : t("sla.show")}
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
            {sc.site
              ? t("sla.periodAtSite", { period: fiscal(sc.period.label), code: sc.site.code, name: sc.site.name })
              : fiscal(sc.period.label)}
          </h2>
          <p className="text-sm text-slate-600">
            {f.dateRange(sc.period.start, sc.period.end)} ·{" "}
            <Link to={sc.orders.href} className="text-brand-700 hover:underline">
              {t("sla.ordersPromised", { count: numberText(sc.orders.promised) })}
            </Link>
            ,{" "}
            <Link to={sc.orders.measuredHref} className="text-brand-700 hover:underline">
              {t("sla.ordersMeasured", { count: numberText(sc.orders.measured) })}
            </Link>
          </p>
        </div>
        {sc.orders.measured === 0 ? (
          <div className="mt-4">
            <EmptyState title={t("sla.empty.title")}>
              <FormattedMessage
                id="sla.empty.body"
                values={{
                  link: (chunks) => (
                    <Link to={sc.orders.href} className="text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                }}
              />
            </EmptyState>
          </div>
        ) : null}
        <KpiTiles sc={sc} />
      </section>

      <MissBreakdown sc={sc} />
      <Trend sc={sc} />
      <PerfectOrder sc={sc} />
      <SiteTable sc={sc} />
      <ScorecardDownload choices={page.choices} siteParam={page.siteParam} />

      <Card title={t("sla.rules.title")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("sla.rules.period")}</li>
          <li>{t("sla.rules.measured")}</li>
          <li>
            {t("sla.rules.tolerance", {
              days: sc.targets.onTimeToleranceDays,
              pct: sc.targets.inFullTolerancePct,
              minPct: 100 - sc.targets.inFullTolerancePct,
            })}
          </li>
          <li>{t("sla.rules.rounding")}</li>
          {sc.kpis.map((k) => (
            <li key={k.id}>
              <strong>{t(kpiMessages(k.id).name)}:</strong> {t(kpiMessages(k.id).definition)}
            </li>
          ))}
        </ul>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("sla.calendar")}</dt>
          <dd>
            <FormattedMessage
              id="sla.calendarVersion"
              values={{
                version: sc.calendar.version === 0 ? "default" : String(sc.calendar.version),
                label: calendarText,
                link: (chunks) => (
                  <Link to="/calendar" className="text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              }}
            />
          </dd>
          <dt className="font-medium text-slate-700">{t("sla.timeZone")}</dt>
          <dd>{t("sla.timeZoneValue", { zone: tz })}</dd>
          <dt className="font-medium text-slate-700">{t("sla.lastRecomputed")}</dt>
          <dd>{sc.calendar.lastRecomputedAt ? f.dateTime(sc.calendar.lastRecomputedAt) : t("sla.never")}</dd>
        </dl>
        {recompute ? (
          <div className="mt-4" role="status" aria-live="polite">
            <p className="text-sm text-slate-700">
              {t("sla.recomputing", {
                done: numberText(recompute.done),
                total: numberText(recompute.total),
                status: recompute.status,
              })}
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
