// One order's SLA facts on the order page: whether it is measured (and why not), the fiscal
// period it counts in, the verdicts and the business-time figures behind them, so a customer
// can check the scorecard order by order. Self-contained: give it OrderListRow.sla.
import { Link } from "@remix-run/react";
import type { OrderSlaFacts as Facts } from "#app/domain/sla/order-facts";
import { Card, cx } from "#app/components/ui";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";

const NOT_MEASURED: Record<NonNullable<Facts["notMeasuredReason"]>, MessageId> = {
  cancelled: "sla.facts.notMeasured.cancelled",
  "no-promised-date": "sla.facts.notMeasured.noPromisedDate",
  "not-delivered": "sla.facts.notMeasured.notDelivered",
  "no-lines": "sla.facts.notMeasured.noLines",
  "not-computed": "sla.facts.notMeasured.notComputed",
};

const MISSED: Record<NonNullable<Facts["missReason"]>, MessageId> = {
  late: "sla.facts.missed.late",
  short: "sla.facts.missed.short",
  "late-and-short": "sla.facts.missed.lateAndShort",
};

function Verdict({ label, value }: { label: string; value: boolean | null }) {
  const t = useT();
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd
        className={cx(
          "mt-0.5 text-sm font-semibold",
          value === null ? "text-slate-500" : value ? "text-emerald-800" : "text-red-800",
        )}
      >
        {value === null ? "—" : t("sla.facts.yesNo", { value: value ? "yes" : "no" })}
      </dd>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

export function OrderSlaFacts({ sla }: { sla: Facts }) {
  const f = sla.fiscal;
  const t = useT();
  const fmt = useFormat();
  return (
    <Card>
      <div data-testid="order-sla-facts">
        <h2 className="mb-1 text-base font-semibold text-ink">{t("sla.facts.title")}</h2>
        <p className={cx("mb-3 text-sm", sla.missReason ? "text-red-800" : "text-slate-600")}>
          {sla.notMeasuredReason
            ? t(NOT_MEASURED[sla.notMeasuredReason])
            : sla.missReason
              ? t(MISSED[sla.missReason])
              : t("sla.facts.met")}
        </p>
        <dl className="grid grid-cols-3 gap-4">
          <Verdict label={t("sla.facts.onTime")} value={sla.onTime} />
          <Verdict label={t("sla.facts.inFull")} value={sla.inFull} />
          <Verdict label={t("sla.facts.otif")} value={sla.otif} />
        </dl>
        <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Fact label={t("sla.facts.countsIn")}>
            {f ? (
              <Link to={`/sla?period=FY${f.year}-P${pad(f.period)}`} className="text-brand-700 underline">
                {t("sla.facts.fiscal", { year: f.year, quarter: f.quarter, period: pad(f.period), week: pad(f.week) })}
              </Link>
            ) : (
              t("sla.facts.noPromisedDate")
            )}
          </Fact>
          <Fact label={t("sla.facts.leadTime")}>
            {sla.leadTimeBusinessMinutes === null ? (
              t("sla.facts.notShipped")
            ) : (
              <>
                {t("common.businessTime", { duration: fmt.duration(sla.leadTimeBusinessMinutes) })}{" "}
                <span className="text-slate-500">
                  {t("sla.facts.minutes", { minutes: sla.leadTimeBusinessMinutes })}
                </span>
              </>
            )}
          </Fact>
          <Fact label={t("sla.facts.lateBy")}>
            {sla.lateBusinessMinutes === null
              ? "—"
              : sla.lateBusinessMinutes === 0
                ? t("sla.facts.notLate")
                : `${t("common.businessTime", { duration: fmt.duration(sla.lateBusinessMinutes) })} ${t("sla.facts.minutes", { minutes: sla.lateBusinessMinutes })}`}
          </Fact>
          <Fact label={t("sla.facts.units")}>
            {sla.units.shipped} / {sla.units.ordered}
          </Fact>
          <Fact label={t("sla.facts.lines")}>
            {t("sla.facts.linesText", {
              filled: sla.lines.filled,
              ordered: sla.lines.ordered,
              inFull: sla.lines.inFull,
            })}
          </Fact>
          <Fact label={t("sla.facts.calendar")}>
            {sla.calendarVersion === null ? (
              "—"
            ) : (
              <Link to="/calendar" className="text-brand-700 underline">
                {t("sla.facts.calendarVersion", { version: sla.calendarVersion })}
              </Link>
            )}
          </Fact>
        </dl>
      </div>
    </Card>
  );
}
