// The staff satisfaction page's UI: per-account and per-agent summaries and the latest ratings.
import { Form, Link } from "@remix-run/react";
import { REPORT_WINDOWS, type SatisfactionSummary } from "#app/domain/joint/satisfaction";
import { useFormat, useT } from "#app/i18n/react";
import type { RatingsReport } from "#app/server/joint/ratings-report.server";
import { Button, Card, EmptyState, PageHeader, SelectField, Table } from "../ui";
import { Stars } from "./rating-card";

function SummaryCells({ s }: { s: SatisfactionSummary }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <td className="text-right">{f.number(s.count)}</td>
      <td className="text-right">
        {s.average === null ? "—" : t("joint.sla.averageValue", { average: f.number(s.average, 1) })}
      </td>
      <td className="text-right">{s.satisfiedPct === null ? "—" : f.percent(s.satisfiedPct / 100, 1)}</td>
      <td className="text-right whitespace-nowrap text-slate-600">{s.distribution.join(" · ")}</td>
    </>
  );
}

export function RatingsReportView({
  report,
  accounts,
}: {
  report: RatingsReport;
  accounts: { id: string; name: string }[];
}) {
  const t = useT();
  const f = useFormat();
  const summaryColumns = [
    { label: t("joint.sla.ratings"), align: "right" as const },
    { label: t("joint.sla.average"), align: "right" as const },
    { label: t("joint.sla.satisfied"), align: "right" as const },
    { label: t("joint.staff.distribution"), align: "right" as const },
  ];
  const scopedName = accounts.find((a) => a.id === report.tenantId)?.name;
  return (
    <div className="space-y-6">
      <PageHeader title={t("joint.staff.title")} description={t("joint.staff.description")} />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField label={t("joint.staff.window")} name="days" defaultValue={String(report.days)} className="w-48">
          {REPORT_WINDOWS.map((d) => (
            <option key={d} value={d}>
              {t("joint.staff.lastDays", { days: d })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("joint.staff.account")}
          name="tenant"
          defaultValue={report.tenantId ?? ""}
          className="w-64"
        >
          <option value="">{t("joint.staff.allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("joint.staff.show")}
        </Button>
      </Form>
      {report.accounts.length === 0 ? (
        <EmptyState title={t("joint.staff.empty")} />
      ) : (
        <>
          <Card title={t("joint.staff.byAccount")}>
            <div className="mt-3">
              <Table caption={t("joint.staff.byAccount")} columns={[t("joint.staff.account"), ...summaryColumns]}>
                {report.accounts.map((a) => (
                  <tr key={a.tenantId} data-testid={`account-${a.tenantId}`}>
                    <th scope="row" className="font-medium">
                      <Link to={`?days=${report.days}&tenant=${a.tenantId}`} className="text-brand-700 hover:underline">
                        {a.name}
                      </Link>
                    </th>
                    <SummaryCells s={a} />
                  </tr>
                ))}
              </Table>
            </div>
          </Card>
          <Card
            title={t("joint.staff.byAgent")}
            description={scopedName ? t("joint.staff.inAccount", { account: scopedName }) : undefined}
          >
            <div className="mt-3">
              <Table caption={t("joint.staff.byAgent")} columns={[t("joint.staff.agent"), ...summaryColumns]}>
                {report.agents.map((a) => (
                  <tr key={a.staffId ?? "none"} data-testid={`agent-${a.staffId ?? "none"}`}>
                    <th scope="row" className="font-medium">
                      {a.name ?? t("joint.staff.unassigned")}
                    </th>
                    <SummaryCells s={a} />
                  </tr>
                ))}
              </Table>
            </div>
          </Card>
          <Card title={t("joint.staff.recent")}>
            <ul className="mt-3 divide-y divide-slate-100">
              {report.recent.map((r) => (
                <li key={r.escalationId} className="py-3 text-sm">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <Stars score={r.score} label={t("joint.rating.stars", { score: r.score })} />
                    <Link to={`/staff/queue/${r.escalationId}`} className="font-medium text-brand-700 hover:underline">
                      {r.key}: {r.title}
                    </Link>
                    <span className="text-slate-600">{r.tenantName}</span>
                  </div>
                  {r.comment ? <p className="mt-1 break-words whitespace-pre-wrap">“{r.comment}”</p> : null}
                  <p className="mt-1 text-xs text-slate-500">
                    {t("joint.staff.ratedBy", {
                      name: r.ratedByName,
                      when: f.dateTime(r.ratedAt),
                      agent: r.agentName ?? t("joint.staff.unassigned"),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
