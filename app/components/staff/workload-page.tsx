// Leads: open escalations per owner and per account, by severity, with those breaching soon or
// breached, and the SLA figures of the week; every number links to the queue filtered to exactly
// those escalations.
import { Link } from "@remix-run/react";
import { ESCALATION_SEVERITIES } from "#app/domain/escalations/workflow";
import type { WorkloadCounts } from "#app/domain/escalations/workload";
import { useFormat, useT } from "#app/i18n/react";
import type { Workload, WorkloadLine } from "#app/server/escalations/workload.server";
import { Card, PageHeader, Table, type TableColumn } from "../ui";
import { WorkloadFigures } from "./workload-figures";

type Scope = ["assignee" | "tenant", string] | null;

function queueHref(scope: Scope, extra?: [string, string]): string {
  const p = new URLSearchParams({ status: "active" });
  if (scope) p.set(scope[0], scope[1]);
  if (extra) p.set(extra[0], extra[1]);
  return `/staff/queue?${p}`;
}

function WorkloadTable({
  caption,
  heading,
  lines,
  total,
  scopeOf,
  testId,
}: {
  caption: string;
  heading: string;
  lines: WorkloadLine[];
  total: WorkloadCounts;
  scopeOf: (line: WorkloadLine) => Scope;
  testId: string;
}) {
  const t = useT();
  const f = useFormat();
  const cell = (n: number, href: string, label: string) =>
    n > 0 ? (
      <Link to={href} className="text-brand-700 underline hover:no-underline" aria-label={label}>
        {f.number(n)}
      </Link>
    ) : (
      <span className="text-slate-400">{f.number(0)}</span>
    );
  const row = (name: string, c: WorkloadCounts, scope: Scope, key: string, isTotal = false) => (
    <tr
      key={key}
      data-testid={isTotal ? undefined : `${testId}-line`}
      className={isTotal ? "bg-slate-50 font-medium" : ""}
    >
      <th scope="row" className="font-medium">
        {name}
      </th>
      <td className="text-right" data-col="open">
        {cell(c.open, queueHref(scope), t("staff.workload.openOf", { count: c.open, name }))}
      </td>
      {ESCALATION_SEVERITIES.map((s) => (
        <td key={s} className="text-right" data-col={s}>
          {cell(
            c.bySeverity[s],
            queueHref(scope, ["severity", s]),
            t("staff.workload.severityOf", { count: c.bySeverity[s], severity: s, name }),
          )}
        </td>
      ))}
      <td className="text-right" data-col="breaching_soon">
        {cell(
          c.breachingSoon,
          queueHref(scope, ["sla", "breaching_soon"]),
          t("staff.workload.breachingSoonOf", { count: c.breachingSoon, name }),
        )}
      </td>
      <td className="text-right" data-col="breached">
        {cell(
          c.breached,
          queueHref(scope, ["sla", "breached"]),
          t("staff.workload.breachedOf", { count: c.breached, name }),
        )}
      </td>
    </tr>
  );
  const columns: TableColumn[] = [
    heading,
    { label: t("staff.workload.open"), align: "right" },
    ...ESCALATION_SEVERITIES.map((s): TableColumn => ({ label: s, align: "right" })),
    { label: t("staff.workload.breachingSoon"), align: "right" },
    { label: t("staff.workload.breached"), align: "right" },
  ];
  return (
    <Table columns={columns} caption={caption} stacked testId={testId} className="mt-2">
      {lines.map((l) => row(l.name, l.counts, scopeOf(l), l.id ?? "unassigned"))}
      {row(t("staff.workload.total"), total, null, "total", true)}
    </Table>
  );
}

export function WorkloadPage({ byOwner, byAccount, total, totalFigures }: Workload) {
  const t = useT();
  const ownerName = (l: WorkloadLine) => (l.id ? l.name : t("staff.workload.unassigned"));
  return (
    <div>
      <PageHeader
        title={t("staff.workload.title")}
        description={t("staff.workload.description")}
        actions={
          <Link to="/staff/queue?attention=1&status=active" className="text-sm text-brand-700 hover:underline">
            {t("staff.workload.attention")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title={t("staff.workload.byOwner")}>
          <WorkloadTable
            caption={t("staff.workload.byOwner")}
            heading={t("staff.workload.owner")}
            lines={byOwner.map((l) => ({ ...l, name: ownerName(l) }))}
            total={total}
            scopeOf={(l) => ["assignee", l.id ?? "unassigned"]}
            testId="workload-owner"
          />
        </Card>
        <Card title={t("staff.workload.byAccount")}>
          <WorkloadTable
            caption={t("staff.workload.byAccount")}
            heading={t("staff.workload.account")}
            lines={byAccount}
            total={total}
            scopeOf={(l) => ["tenant", l.id ?? ""]}
            testId="workload-account"
          />
        </Card>
        <Card title={t("staff.workload.slaHeading")} description={t("staff.workload.slaDescription")}>
          <h3 className="pt-4 text-sm font-semibold">{t("staff.workload.byOwner")}</h3>
          <WorkloadFigures
            caption={t("staff.workload.byOwner")}
            heading={t("staff.workload.owner")}
            lines={byOwner.map((l) => ({
              key: l.id ?? "unassigned",
              name: ownerName(l),
              scope: ["assignee", l.id ?? "unassigned"],
              figures: l.figures,
            }))}
            total={totalFigures}
            testId="figures-owner"
          />
          <h3 className="pt-4 text-sm font-semibold">{t("staff.workload.byAccount")}</h3>
          <WorkloadFigures
            caption={t("staff.workload.byAccount")}
            heading={t("staff.workload.account")}
            lines={byAccount.map((l) => ({
              key: l.id ?? "",
              name: l.name,
              scope: ["tenant", l.id ?? ""],
              figures: l.figures,
            }))}
            total={totalFigures}
            testId="figures-account"
          />
        </Card>
      </div>
    </div>
  );
}
