// On the SLA page: reliability and satisfaction per fiscal period, side by side — OTIF, how fast
// escalations were first answered, and how the customer rated their resolutions.
import { useFormat, useT, useFiscalLabel } from "#app/i18n/react";
import type { SatisfactionPoint } from "#app/server/joint/satisfaction-trend.server";
import { Card, Table } from "../ui";

export function SatisfactionByPeriod({ points }: { points: SatisfactionPoint[] }) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  const pct = (v: number | null) => (v === null ? "—" : f.percent(v / 100, 1));
  const rows = [...points].reverse();
  return (
    <Card title={t("joint.sla.title")} description={t("joint.sla.description")}>
      <div className="mt-3">
        <Table
          stacked
          caption={t("joint.sla.caption")}
          columns={[
            t("joint.sla.period"),
            { label: t("joint.sla.otif"), align: "right" },
            { label: t("joint.sla.raised"), align: "right" },
            { label: t("joint.sla.responseMet"), align: "right" },
            { label: t("joint.sla.responseHours"), align: "right" },
            { label: t("joint.sla.ratings"), align: "right" },
            { label: t("joint.sla.average"), align: "right" },
            { label: t("joint.sla.satisfied"), align: "right" },
          ]}
        >
          {rows.map((p) => (
            <tr key={p.id} data-testid={`satisfaction-${p.id}`}>
              <th scope="row" className="font-medium whitespace-nowrap max-sm:block">
                {fiscal(p.label)}
              </th>
              <td className="text-right">{pct(p.otif)}</td>
              <td className="text-right">{f.number(p.raised)}</td>
              <td className="text-right">{pct(p.responseMetPct)}</td>
              <td className="text-right">
                {p.responseHours === null ? "—" : t("joint.sla.hours", { hours: f.number(p.responseHours, 1) })}
              </td>
              <td className="text-right">{f.number(p.count)}</td>
              <td className="text-right">
                {p.average === null ? "—" : t("joint.sla.averageValue", { average: f.number(p.average, 1) })}
              </td>
              <td className="text-right">{pct(p.satisfiedPct)}</td>
            </tr>
          ))}
        </Table>
      </div>
      <p className="mt-3 text-xs text-slate-500">{t("joint.sla.definition")}</p>
    </Card>
  );
}
