// The staff escalation queue: search by key, folded filters, and one list that reads as a table on a
// desk and as title-first cards on a phone.
import { Form, Link, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { FormattedMessage } from "react-intl";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import { displayValues } from "#app/i18n/stored-message";
import { ESCALATION_SEVERITIES } from "#app/domain/escalations/workflow";
import type { EscalationSummary } from "#app/server/escalations/views.server";
import {
  categoryLabel,
  ClockBadge,
  SeverityBadge,
  StatusBadge,
  StatusFilterOptions,
  useEscalationEvents,
} from "../escalations/shared";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, SelectField, TextField } from "../ui";

export interface QueueAlert {
  id: string;
  kind: string;
  /** As written, in English: shown when the alert has no catalogue message (older alerts). */
  message: string;
  messageI18n: { id: string; values?: Record<string, string | number> } | null;
  escalationId: string | null;
}

export interface QueuePageProps {
  escalations: EscalationSummary[];
  alerts: QueueAlert[];
  accounts: { id: string; name: string; tier: string }[];
  people: { id: string; name: string }[];
  filters: { status: string };
  me: string;
  isAdmin: boolean;
  isLead: boolean;
}

/** Filters other than status and search that are set; they keep the filter panel open. */
const FOLDED_FILTERS = ["severity", "tenant", "tier", "assignee", "sla", "attention", "breached", "answered"] as const;

export function QueuePage({ escalations, alerts, accounts, people, filters, me, isAdmin, isLead }: QueuePageProps) {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  const [lastEvent, setLastEvent] = useState<string | null>(null);
  const live = useEscalationEvents("/staff/queue/events", (ev) => {
    setLastEvent(`${ev.escalationId}:${ev.status}:${Date.now()}`);
    if (revalidator.state === "idle") revalidator.revalidate();
  });
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/staff/queue";
  const v = (k: string) => params.get(k) ?? "";
  const activeFilters = FOLDED_FILTERS.filter((k) => v(k) !== "").length;
  const t = useT();
  return (
    <div>
      <PageHeader
        title={t("staff.queue.title")}
        description={t("staff.queue.description")}
        actions={
          <>
            {isLead ? (
              <Link to="/staff/queue?attention=1&status=active" className="text-sm text-brand-700 hover:underline">
                {t("staff.queue.attentionLink")}
              </Link>
            ) : null}
            {isLead ? (
              <Link to="/staff/workload" className="text-sm text-brand-700 hover:underline">
                {t("staff.queue.workload")}
              </Link>
            ) : null}
            <Link
              to="/staff/queue?assignee=me_or_unassigned&status=active"
              className="text-sm text-brand-700 hover:underline"
            >
              {t("staff.queue.mineLink")}
            </Link>
            {isAdmin ? (
              <Link to="/staff/queue/targets" className="text-sm text-brand-700 hover:underline">
                {t("staff.queue.targetsLink")}
              </Link>
            ) : null}
            <span
              className="inline-flex items-center gap-2 text-sm text-slate-600"
              role="status"
              aria-live="polite"
              data-testid="queue-live"
            >
              <span
                className={`h-2 w-2 rounded-full ${live === "open" ? "bg-emerald-500" : "bg-amber-500"}`}
                aria-hidden="true"
              />
              {t("staff.queue.live", { state: live, updated: lastEvent ? "yes" : "no" })}
            </span>
          </>
        }
      />
      {alerts.length ? <QueueAlerts alerts={alerts} /> : null}
      <Form method="get" className="mb-4 space-y-3" aria-label={t("staff.queue.filterLabel")}>
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label={t("staff.queue.find")}
            name="q"
            type="search"
            defaultValue={v("q")}
            placeholder={t("staff.queue.findPlaceholder")}
            className="min-w-0 flex-1 basis-60"
          />
          <SelectField label={t("staff.queue.status")} name="status" defaultValue={filters.status} className="basis-40">
            <StatusFilterOptions />
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("staff.queue.search")}
          </Button>
        </div>
        <details className="rounded-lg border border-slate-200 bg-white" open={activeFilters > 0}>
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            {t("staff.queue.moreFilters", { count: activeFilters })}
          </summary>
          <div className="grid gap-3 px-4 pb-4 sm:grid-cols-2 lg:grid-cols-5">
            <SelectField label={t("staff.queue.severity")} name="severity" defaultValue={v("severity")}>
              <option value="">{t("staff.queue.any")}</option>
              {ESCALATION_SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </SelectField>
            <SelectField label={t("staff.queue.account")} name="tenant" defaultValue={v("tenant")}>
              <option value="">{t("staff.queue.allAccounts")}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("staff.queue.tier")} name="tier" defaultValue={v("tier")}>
              <option value="">{t("staff.queue.any")}</option>
              <option value="strategic">{t("admin.platform.tier.strategic")}</option>
              <option value="key">{t("admin.platform.tier.key")}</option>
              <option value="standard">{t("admin.platform.tier.standard")}</option>
            </SelectField>
            <SelectField label={t("staff.queue.assignee")} name="assignee" defaultValue={v("assignee")}>
              <option value="">{t("staff.queue.anyone")}</option>
              <option value="me">{t("staff.queue.me")}</option>
              <option value="unassigned">{t("staff.queue.unassignedOption")}</option>
              <option value="me_or_unassigned">{t("staff.queue.meOrUnassigned")}</option>
              {people
                .filter((p) => p.id !== me)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </SelectField>
            <SelectField label={t("staff.queue.sla")} name="sla" defaultValue={v("sla")}>
              <option value="">{t("staff.queue.any")}</option>
              <option value="breaching_soon">{t("staff.queue.breachingSoon")}</option>
              <option value="breached">{t("staff.queue.breached")}</option>
              <option value="at_risk">{t("staff.queue.atRisk")}</option>
            </SelectField>
            {v("attention") ? <input type="hidden" name="attention" value="1" /> : null}
            {v("breached") ? <input type="hidden" name="breached" value={v("breached")} /> : null}
            {v("answered") ? <input type="hidden" name="answered" value={v("answered")} /> : null}
          </div>
        </details>
      </Form>
      {v("attention") ? (
        <p className="mb-3 text-sm text-slate-700" data-testid="queue-attention">
          {t("staff.queue.attentionNote")}{" "}
          <Link to="/staff/queue" className="text-brand-700 underline hover:no-underline">
            {t("staff.queue.showAll")}
          </Link>
        </p>
      ) : null}
      {v("breached") === "week" || v("answered") === "week" || v("answered") === "4w" ? (
        <p className="mb-3 text-sm text-slate-700" data-testid="queue-lead-window">
          {v("breached") === "week" ? t("staff.queue.breachedWeek") : null}{" "}
          {v("answered") === "week" ? t("staff.queue.answeredWeek") : null}
          {v("answered") === "4w" ? t("staff.queue.answered4w") : null}{" "}
          <Link to="/staff/queue" className="text-brand-700 underline hover:no-underline">
            {t("staff.queue.showAll")}
          </Link>
        </p>
      ) : null}
      <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        {escalations.length === 0 ? (
          <EmptyState title={t("staff.queue.emptyTitle")}>{t("staff.queue.emptyBody")}</EmptyState>
        ) : (
          <QueueList escalations={escalations} />
        )}
      </div>
      {navigation.state === "idle" && revalidator.state === "loading" ? (
        <p className="sr-only" role="status">
          {t("staff.queue.refreshing")}
        </p>
      ) : null}
      <Alert tone="info">{t("staff.queue.timesNote")}</Alert>
    </div>
  );
}

const ROW_GRID = "xl:grid xl:grid-cols-[13rem_minmax(0,1fr)_10rem_9rem_3rem_6rem_11rem] xl:items-center xl:gap-4";

/** A table on a wide desk (column headings, one line per escalation; from 1280 px, where the title
 * column keeps room beside the six fixed ones); title-first cards on a phone, tablet or laptop. */
function QueueList({ escalations }: { escalations: EscalationSummary[] }) {
  const f = useFormat();
  const t = useT();
  return (
    <Card className="p-0">
      <div
        className={`hidden border-b border-slate-200 bg-slate-50 px-4 py-3 text-xs font-semibold tracking-wide text-slate-600 uppercase ${ROW_GRID}`}
        aria-hidden="true"
      >
        <span>{t("staff.queue.col.timeLeft")}</span>
        <span>{t("staff.queue.col.escalation")}</span>
        <span>{t("staff.queue.col.account")}</span>
        <span>{t("staff.queue.col.status")}</span>
        <span>{t("staff.queue.col.severity")}</span>
        <span>{t("staff.queue.col.owner")}</span>
        <span>{t("staff.queue.col.raised")}</span>
      </div>
      <ul className="divide-y divide-slate-100" aria-label={t("staff.queue.listLabel")}>
        {escalations.map((e) => (
          <li key={e.id} data-testid="queue-row" className={`flex flex-col gap-1 px-4 py-3 text-sm ${ROW_GRID}`}>
            <div className="order-2 xl:order-none">
              <ClockBadge sla={e.sla} audience="staff" />
              <QueueDue sla={e.sla} accountZone={e.timeZone} />
            </div>
            <div className="order-1 min-w-0 xl:order-none">
              <Link to={`/staff/queue/${e.id}`} className="font-medium break-words text-brand-700 hover:underline">
                <FormattedMessage
                  id="staff.queue.keyTitle"
                  values={{
                    key: e.key,
                    title: e.title,
                    mono: (chunks) => (
                      <span className="font-mono" data-testid="queue-key">
                        {chunks}
                      </span>
                    ),
                  }}
                />
              </Link>
              <p className="text-xs text-slate-500">
                {t("staff.queue.rowFacts", {
                  category: categoryLabel(t, e.category),
                  hasOrder: e.orderNumber ? "yes" : "no",
                  order: e.orderNumber ?? "",
                  exception: e.exceptionStatus ?? "none",
                })}
              </p>
            </div>
            <div className="order-3 xl:order-none">
              {e.tenantName} <span className="text-xs text-slate-500">{t("staff.queue.tierOf", { tier: e.tier })}</span>
            </div>
            <div className="order-4 flex flex-wrap items-center gap-2 xl:contents">
              <span>
                <StatusBadge status={e.status} />
              </span>
              <span>
                <SeverityBadge severity={e.severity} />
              </span>
              <span>
                <span className="xl:sr-only">{t("staff.queue.ownerLabel")}</span>
                {e.assigneeFirstName ?? <span className="text-slate-500">{t("staff.queue.unassigned")}</span>}
              </span>
            </div>
            <div
              className="order-5 text-slate-600 xl:order-none"
              title={t("staff.queue.raisedTitle", {
                time: f.dateTimeIn(e.createdAt, e.timeZone) ?? f.dateTime(e.createdAt),
                zone: e.timeZone,
              })}
              data-testid="queue-raised"
            >
              <span className="xl:sr-only">{t("staff.queue.raisedLabel")}</span>
              <time dateTime={e.createdAt}>{f.dateTime(e.createdAt)}</time>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** When the counting clock falls due, in the agent's zone, with the account's local time beside it. */
function QueueDue({ sla, accountZone }: { sla: EscalationSummary["sla"]; accountZone: string }) {
  const f = useFormat();
  const t = useT();
  const c = sla[sla.active];
  if (!c.dueAt || c.stoppedAt) return null;
  const local = f.dateTimeIn(c.dueAt, accountZone);
  return (
    <p className="mt-1 text-xs text-slate-600" data-testid="queue-due">
      <time dateTime={c.dueAt}>{t("staff.queue.due", { time: f.dateTime(c.dueAt) })}</time>
      {local ? (
        <span className="block text-slate-500" title={accountZone} data-testid="queue-due-account">
          {t("staff.time.accountLocal", { time: local })}
        </span>
      ) : null}
    </p>
  );
}

/** An alert's text in the reader's language; minutes become a duration of the reader's format. */
function useAlertText(): (a: QueueAlert) => string {
  const t = useT();
  const f = useFormat();
  return (a) => {
    const m = a.messageI18n;
    if (!m || !(m.id in ALERT_IDS)) return a.message;
    return t(m.id as MessageId, displayValues(m.values, t, f));
  };
}

const ALERT_IDS: Record<string, true> = {
  "staff.alert.breached": true,
  "staff.alert.soon": true,
  "staff.alert.lateOrders": true,
  "staff.alert.repeatFailure": true,
};

function QueueAlerts({ alerts }: { alerts: QueueAlert[] }) {
  const t = useT();
  const text = useAlertText();
  return (
    <section aria-label={t("staff.queue.alertsLabel")} className="mb-4 space-y-2">
      {alerts.map((a) => (
        <div
          key={a.id}
          className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm"
          data-testid="queue-alert"
        >
          <span>
            <Badge tone={a.kind === "sla_breach" ? "red" : "amber"}>
              {t("staff.queue.alertKind", { kind: a.kind })}
            </Badge>{" "}
            {text(a)}{" "}
            {a.escalationId ? (
              <Link to={`/staff/queue/${a.escalationId}`} className="text-brand-700 underline hover:no-underline">
                {t("staff.queue.alertOpen")}
              </Link>
            ) : null}
          </span>
          <Form method="post">
            <input type="hidden" name="intent" value="dismiss" />
            <input type="hidden" name="alertId" value={a.id} />
            <Button type="submit" variant="ghost" aria-label={t("staff.queue.dismissLabel", { message: text(a) })}>
              {t("staff.queue.dismiss")}
            </Button>
          </Form>
        </div>
      ))}
    </section>
  );
}
