// Perfect order % on the SLA page: the selected period's figure (on time, in full, undamaged,
// documents correct) with what spoiled the others, per fiscal period beside OTIF, and its
// written definition.
import { Card, Table } from "#app/components/ui";
import { useFiscalLabel, useFormat, useT } from "#app/i18n/react";
import type { Scorecard } from "#app/server/sla/scorecard.server";

export function PerfectOrder({ sc }: { sc: Scorecard }) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  const p = sc.perfectOrder;
  const r = sc.recoveryTime;
  if (p.measured === 0) return null;
  const otifMissed = sc.kpis.find((k) => k.id === "otif")?.missedOrders ?? 0;
  const pct = (v: number | null) => (v === null ? "—" : f.percent(v / 100, 2, true));
  const trendTitle = sc.trend[0]?.granularity === "week" ? t("sla.perfect.trendWeeks") : t("sla.perfect.trendPeriods");
  return (
    <Card title={t("sla.perfect.title")} description={t("sla.def.perfectOrder")}>
      <div data-testid="perfect-order">
        <p className="mt-3 text-3xl font-semibold tabular-nums" data-testid="perfect-order-value">
          {pct(p.value)}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {t("sla.perfect.summary", {
            perfect: f.number(p.perfect),
            measured: f.number(p.measured),
            period: fiscal(sc.period.label),
          })}
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
          <li>{t("sla.perfect.notOtif", { count: f.number(otifMissed) })}</li>
          <li>{t("sla.perfect.damaged", { count: f.number(p.damaged) })}</li>
          <li>{t("sla.perfect.documentErrors", { count: f.number(p.documentErrors) })}</li>
        </ul>
        <h3 className="mt-5 text-base font-semibold">{t("sla.recovery.title")}</h3>
        <p className="mt-1 text-sm text-slate-600">{t("sla.def.recoveryTime")}</p>
        <p className="mt-2 text-sm text-slate-700" data-testid="recovery-time">
          {r.value === null
            ? t("sla.recovery.none", { unresolved: f.number(r.unresolved) })
            : t("sla.recovery.summary", {
                duration: t("common.businessTime", { duration: f.duration(Math.round(r.value * 60)) }),
                recovered: f.number(r.recovered),
                unresolved: f.number(r.unresolved),
              })}
        </p>
        <h3 className="mt-5 text-base font-semibold">{trendTitle}</h3>
        <Table
          className="mt-2"
          stacked
          caption={trendTitle}
          testId="perfect-order-trend"
          columns={[
            t("sla.perfect.col.period"),
            { label: t("sla.perfect.col.measured"), align: "right" },
            { label: t("sla.perfect.col.perfect"), align: "right" },
            { label: t("sla.kpi.otif"), align: "right" },
            { label: t("sla.recovery.col"), align: "right" },
          ]}
        >
          {sc.trend.map((x) => (
            <tr key={x.id}>
              <td>{fiscal(x.label)}</td>
              <td className="text-right tabular-nums">{f.number(x.measured)}</td>
              <td className="text-right tabular-nums">{pct(x.perfectOrder)}</td>
              <td className="text-right tabular-nums">{pct(x.otif)}</td>
              <td className="text-right tabular-nums">
                {x.recoveryTime === null ? "—" : f.duration(Math.round(x.recoveryTime * 60))}
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </Card>
  );
}
