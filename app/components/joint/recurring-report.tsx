// The staff recurring-failures page: per account, resolved escalations per fiscal period by root
// cause, site and carrier; every count links to the queue filtered to exactly those escalations.
import { Form, Link } from "@remix-run/react";
import { recurringQueueLink } from "#app/domain/joint/recurring";
import { ROOT_CAUSES, type RootCause } from "#app/domain/joint/root-causes";
import { useFormat, useT, useFiscalLabel } from "#app/i18n/react";
import type { RecurringAccount, RecurringReport, RecurringRow } from "#app/server/joint/recurring.server";
import { Badge, Button, Card, EmptyState, PageHeader, SelectField, Table } from "../ui";
import { causeLabelId } from "./root-cause-card";

const PERIOD_CHOICES = [3, 6, 12] as const;

type Narrow = { cause?: RootCause | "none"; siteId?: string; carrier?: string };

function CountRows({
  account,
  rows,
  name,
  narrow,
  repeatOf,
  testId,
  links,
}: {
  account: RecurringAccount;
  rows: RecurringRow[];
  name: (r: RecurringRow) => string;
  narrow: (r: RecurringRow) => Narrow;
  repeatOf?: (r: RecurringRow, period: number) => boolean;
  testId: string;
  links: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  return (
    <>
      {rows.map((r) => (
        <tr key={r.key} data-testid={`${testId}-${r.key}`}>
          <th scope="row" className="font-medium">
            {name(r)}
          </th>
          {r.counts.map((n, i) => {
            const p = account.periods[i];
            const repeat = repeatOf?.(r, i) ?? false;
            return (
              <td key={p.id} className={repeat ? "bg-amber-50 text-right font-semibold" : "text-right"}>
                {n === 0 ? (
                  <span className="text-slate-400">0</span>
                ) : !links ? (
                  <span data-count={n}>{f.number(n)}</span>
                ) : (
                  <Link
                    to={recurringQueueLink({
                      tenantId: account.tenantId,
                      from: new Date(p.from),
                      to: new Date(p.to),
                      ...narrow(r),
                    })}
                    className="text-brand-700 hover:underline"
                    aria-label={t("joint.recurring.countLabel", { count: n, row: name(r), period: fiscal(p.label) })}
                    data-count={n}
                  >
                    {f.number(n)}
                  </Link>
                )}
              </td>
            );
          })}
          <td className="text-right text-slate-600">{f.number(r.total)}</td>
        </tr>
      ))}
    </>
  );
}

/**
 * One account's counts by cause, site and carrier. `links`: each count opens its staff queue list
 * (staff pages); without, the counts are plain (the quarterly review, which customers read too).
 */
export function AccountSection({
  account,
  report,
  links = true,
  title,
  description,
}: {
  account: RecurringAccount;
  report: Pick<RecurringReport, "cause" | "threshold">;
  links?: boolean;
  /** The card's heading when not the account's name. */
  title?: string;
  description?: string;
}) {
  const t = useT();
  const fiscal = useFiscalLabel();
  const f = useFormat();
  const columns = [
    "",
    ...account.periods.map((p) => ({ label: fiscal(p.label), align: "right" as const })),
    { label: t("joint.recurring.total"), align: "right" as const },
  ];
  const causeName = (r: RecurringRow) => t(causeLabelId(r.key as RootCause | "none"));
  const narrowCause = report.cause ? { cause: report.cause } : {};
  const isRepeat = (r: RecurringRow, period: number) =>
    account.repeats.some((x) => x.cause === r.key && x.period === period);
  const total = account.resolved.reduce((a, b) => a + b, 0);
  return (
    <Card
      description={description}
      title={
        title ?? (
          <span className="flex flex-wrap items-center gap-2">
            {account.name}
            {account.tier === "strategic" ? <Badge tone="blue">{t("joint.recurring.strategic")}</Badge> : null}
          </span>
        )
      }
    >
      <div className="mt-3 space-y-6" data-testid={`recurring-${account.tenantId}`}>
        {total === 0 ? (
          <p className="text-sm text-slate-600">{t("joint.recurring.empty")}</p>
        ) : (
          <>
            <Table
              caption={`${account.name}: ${t("joint.recurring.byCause")}`}
              scrollLabel={links ? undefined : `${account.name}: ${t("joint.recurring.byCause")}`}
              columns={[t("joint.recurring.byCause"), ...columns.slice(1)]}
            >
              <CountRows
                account={account}
                rows={[{ key: "", label: null, counts: account.resolved, total }]}
                name={() => t("joint.recurring.resolved")}
                narrow={() => ({})}
                testId="resolved"
                links={links}
              />
              <CountRows
                account={account}
                rows={account.byCause}
                name={causeName}
                narrow={(r) => ({ cause: r.key as RootCause | "none" })}
                repeatOf={isRepeat}
                testId="cause"
                links={links}
              />
            </Table>
            {account.repeats.length ? (
              <p className="text-xs text-amber-800">
                {t("joint.recurring.repeat", { threshold: f.number(report.threshold) })}
              </p>
            ) : null}
            {account.bySite.length || account.byCarrier.length ? (
              <>
                {account.bySite.length ? (
                  <Table
                    caption={`${account.name}: ${t("joint.recurring.bySite")}`}
                    scrollLabel={links ? undefined : `${account.name}: ${t("joint.recurring.bySite")}`}
                    columns={[t("joint.recurring.bySite"), ...columns.slice(1)]}
                  >
                    <CountRows
                      account={account}
                      rows={account.bySite}
                      name={(r) => r.label ?? r.key}
                      narrow={(r) => ({ ...narrowCause, siteId: r.key })}
                      testId="site"
                      links={links}
                    />
                  </Table>
                ) : null}
                {account.byCarrier.length ? (
                  <Table
                    caption={`${account.name}: ${t("joint.recurring.byCarrier")}`}
                    scrollLabel={links ? undefined : `${account.name}: ${t("joint.recurring.byCarrier")}`}
                    columns={[t("joint.recurring.byCarrier"), ...columns.slice(1)]}
                  >
                    <CountRows
                      account={account}
                      rows={account.byCarrier}
                      name={(r) => r.key}
                      narrow={(r) => ({ ...narrowCause, carrier: r.key })}
                      testId="carrier"
                      links={links}
                    />
                  </Table>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-600">{t("joint.recurring.noOrders")}</p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

export function RecurringReportView({
  report,
  accounts,
}: {
  report: RecurringReport;
  accounts: { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("joint.recurring.title")} description={t("joint.recurring.description")} />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("joint.recurring.account")}
          name="tenant"
          defaultValue={report.tenantId ?? ""}
          className="w-64"
        >
          <option value="">{t("joint.recurring.allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("joint.recurring.periods")}
          name="periods"
          defaultValue={String(report.periods)}
          className="w-48"
        >
          {PERIOD_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t("joint.recurring.lastPeriods", { count: n })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("joint.recurring.cause")} name="cause" defaultValue={report.cause ?? ""} className="w-64">
          <option value="">{t("joint.recurring.allCauses")}</option>
          {[...ROOT_CAUSES, "none" as const].map((c) => (
            <option key={c} value={c}>
              {t(causeLabelId(c))}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("joint.recurring.show")}
        </Button>
      </Form>
      {report.accounts.length === 0 ? (
        <EmptyState title={t("joint.recurring.noAccounts")} />
      ) : (
        report.accounts.map((a) => <AccountSection key={a.tenantId} account={a} report={report} />)
      )}
    </div>
  );
}
