// /staff/performance-alerts: one card per alert — which account and measure fell under the floor
// of its escalation protocol, the fiscal periods with their figures and the orders that missed
// (each opens in the account), the alert's history, and the moves: acknowledge, close, and
// publish (or update) the recovery plan the customer reads on the SLA page.
import { Form, Link } from "@remix-run/react";
import type { MessageId } from "#app/i18n/catalogue";
import { useFiscalLabel, useFormat, useT } from "#app/i18n/react";
import type {
  PerformanceAlertsPage as PageData,
  PerformanceAlertView,
} from "#app/server/joint/performance-alerts-staff.server";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, Table, TextAreaField } from "../ui";

export interface AlertActionData {
  ok: boolean;
  /** The alert the answer is about (null when the form could not be read). */
  id: string | null;
  message: MessageId | null;
  error: MessageId | null;
}

const STATUS_TONE = { open: "red", acknowledged: "amber", closed: "slate" } as const;

/** A button that opens a page of the alert's account (switching the staff member into it). */
function OpenInAccount({
  tenantId,
  to,
  label,
  children,
}: {
  tenantId: string;
  to: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" action="/staff/accounts" className="inline">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="redirectTo" value={to} />
      <Button type="submit" variant="ghost" className="px-1.5 py-0.5 underline" aria-label={label}>
        {children}
      </Button>
    </Form>
  );
}

function AlertCard({
  a,
  canPublish,
  result,
}: {
  a: PerformanceAlertView;
  canPublish: boolean;
  result: AlertActionData | null;
}) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  const kpi = t(`joint.performance.kpi.${a.kpi}`);
  const pct = (v: number) => f.percent(v / 100, 2);
  const mine = result && result.id === a.id ? result : null;
  const hrefOf = new Map(a.drillDowns.map((d) => [d.periodId, d.href]));
  return (
    <li id={`alert-${a.id}`} data-testid={`performance-alert-${a.id}`}>
      <Card
        title={t("joint.performance.alertTitle", {
          account: a.tenantName,
          kpi,
          floor: pct(a.floorPct),
          period: fiscal(a.periodLabel),
        })}
        description={t("joint.performance.rule", {
          kpi: a.kpi,
          floor: pct(a.floorPct),
          periods: a.evidence.periods.length,
        })}
        actions={<Badge tone={STATUS_TONE[a.status]}>{t("joint.performance.status", { status: a.status })}</Badge>}
      >
        {mine ? (
          <div className="mt-3">
            <Alert tone={mine.ok ? "success" : "error"}>{t((mine.message ?? mine.error)!)}</Alert>
          </div>
        ) : null}
        <ul className="mt-3 space-y-0.5 text-sm text-slate-600">
          <li>{t("joint.performance.opened", { date: f.dateTime(a.openedAt) })}</li>
          {a.acknowledgedAt && a.acknowledgedByName ? (
            <li>
              {t("joint.performance.acknowledgedBy", {
                date: f.dateTime(a.acknowledgedAt),
                name: a.acknowledgedByName,
              })}
            </li>
          ) : null}
          {a.closedAt && a.closedByName ? (
            <li>{t("joint.performance.closedBy", { date: f.dateTime(a.closedAt), name: a.closedByName })}</li>
          ) : null}
        </ul>
        <div className="mt-4">
          <Table
            caption={t("joint.performance.evidence.caption")}
            columns={[
              t("joint.performance.evidence.period"),
              { label: t("joint.performance.evidence.value"), align: "right" },
              { label: t("joint.performance.evidence.measured"), align: "right" },
              { label: t("joint.performance.evidence.missed"), align: "right" },
              { label: t("joint.performance.evidence.list"), srOnly: true },
            ]}
          >
            {a.evidence.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="font-medium whitespace-nowrap">
                  {fiscal(p.label)}
                </th>
                <td className="text-right tabular-nums">{pct(p.value)}</td>
                <td className="text-right tabular-nums">{f.number(p.measured)}</td>
                <td className="text-right tabular-nums">{f.number(p.missed)}</td>
                <td>
                  <OpenInAccount
                    tenantId={a.tenantId}
                    to={hrefOf.get(p.id) ?? "/orders"}
                    label={t("joint.performance.evidence.openList", { period: fiscal(p.label) })}
                  >
                    {t("joint.performance.evidence.list")}
                  </OpenInAccount>
                </td>
              </tr>
            ))}
          </Table>
        </div>
        {a.evidence.missedOrders.length ? (
          <div className="mt-4">
            <h3 className="text-sm font-semibold text-slate-800">
              {t("joint.performance.missedOrders", {
                shown: a.evidence.missedOrders.length,
                total: a.evidence.missedTotal,
              })}
            </h3>
            <ul className="mt-1 flex flex-wrap gap-1 text-sm">
              {a.evidence.missedOrders.map((o) => (
                <li key={o.id}>
                  <OpenInAccount
                    tenantId={a.tenantId}
                    to={`/orders/${o.id}`}
                    label={t("joint.performance.openOrder", { number: o.orderNumber, account: a.tenantName })}
                  >
                    {o.orderNumber}
                  </OpenInAccount>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4 border-t border-slate-200 pt-4">
          {a.publishedAt && a.publishedByName ? (
            <div className="text-sm">
              <p className="text-slate-600">
                {t("joint.performance.publishedBy", { date: f.dateTime(a.publishedAt), name: a.publishedByName })}
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{a.recoveryPlan}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("joint.performance.notPublished")}</p>
          )}
          {a.status !== "closed" ? (
            <div className="mt-3 space-y-3">
              {canPublish ? (
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="id" value={a.id} />
                  <TextAreaField
                    label={t("joint.performance.plan.label")}
                    hint={t("joint.performance.plan.hint")}
                    name="plan"
                    maxLength={4000}
                    required
                    defaultValue={a.recoveryPlan ?? ""}
                  />
                  <Button type="submit" name="intent" value="publish">
                    {a.publishedAt ? t("joint.performance.republish") : t("joint.performance.publish")}
                  </Button>
                </Form>
              ) : (
                <p className="text-sm text-slate-600">{t("joint.performance.leadsPublish")}</p>
              )}
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="id" value={a.id} />
                {a.status === "open" ? (
                  <Button type="submit" name="intent" value="acknowledge" variant="secondary">
                    {t("joint.performance.acknowledge")}
                  </Button>
                ) : null}
                <Button type="submit" name="intent" value="close" variant="secondary">
                  {t("joint.performance.close")}
                </Button>
              </Form>
            </div>
          ) : null}
        </div>
      </Card>
    </li>
  );
}

export function PerformanceAlertsPage({ page, result }: { page: PageData; result: AlertActionData | null }) {
  const t = useT();
  return (
    <div>
      <PageHeader title={t("joint.performance.title")} description={t("joint.performance.description")} />
      <nav aria-label={t("joint.performance.show")} className="mb-4 flex gap-3 text-sm">
        {(["active", "all"] as const).map((v) => (
          <Link
            key={v}
            to={v === "active" ? "?" : `?view=${v}`}
            aria-current={page.view === v ? "page" : undefined}
            className={page.view === v ? "font-semibold text-brand-700 underline" : "text-slate-700 underline"}
          >
            {t("joint.performance.view", { view: v })}
          </Link>
        ))}
      </nav>
      {result && !result.id && result.error ? (
        <div className="mb-4">
          <Alert>{t(result.error)}</Alert>
        </div>
      ) : null}
      {page.alerts.length === 0 ? (
        <EmptyState title={t("joint.performance.emptyTitle")}>{t("joint.performance.emptyBody")}</EmptyState>
      ) : (
        <ul className="space-y-6">
          {page.alerts.map((a) => (
            <AlertCard key={a.id} a={a} canPublish={page.canPublish} result={result} />
          ))}
        </ul>
      )}
    </div>
  );
}
