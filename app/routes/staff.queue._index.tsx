import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { categoryLabel, ClockBadge, SeverityBadge, StatusBadge, useEscalationEvents } from "../components/escalations";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, SelectField } from "../components/ui";
import { ESCALATION_SEVERITIES, ESCALATION_STATUSES, STATUS_TITLES } from "../domain/escalations/workflow";
import { requireStaff } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { dismissAlert, listAlerts } from "../server/escalations/queue-alerts.server";
import { listEscalations, type ListFilters } from "../server/escalations/list.server";
import { asEscalationError } from "../server/escalations/http.server";
import { staffDirectory } from "../server/escalations/people.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { visibleAccounts } from "../server/staff/accounts.server";
import { useFormat } from "#app/i18n/react";

const filterSchema = z.object({
  status: z.enum(["active", "all", ...ESCALATION_STATUSES]).catch("active"),
  severity: z.enum(ESCALATION_SEVERITIES).optional().catch(undefined),
  tenant: z.uuid().optional().catch(undefined),
  tier: z.enum(["strategic", "key", "standard"]).optional().catch(undefined),
  assignee: z.string().max(100).optional().catch(undefined),
  sla: z.enum(["breaching_soon", "breached", "at_risk"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const f = filterSchema.parse(raw);
  const actor = actorFor(staff, request);
  const filters: ListFilters = {
    status: f.status,
    severity: f.severity,
    tenantId: f.tenant,
    tier: f.tier,
    assignee: f.assignee,
    sla: f.sla,
    limit: 500,
  };
  const [escalations, alerts, accounts, people] = await Promise.all([
    listEscalations(actor, filters),
    listAlerts(actor, 20),
    visibleAccounts(staff),
    staffDirectory(),
  ]);
  return {
    escalations,
    alerts,
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, tier: a.tier })),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    filters: f,
    me: staff.user.id,
    isAdmin: staff.staffRole === "platform_admin",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "dismiss" || typeof form.alertId !== "string") {
    return data({ message: "That request was not understood. Reload the page.", ok: false }, { status: 400 });
  }
  try {
    await dismissAlert(actorFor(staff, request), form.alertId);
    return data({ message: "Alert dismissed.", ok: true });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return data({ message: e.message, ok: false }, { status: e.status });
  }
}

export default function Queue() {
  const { escalations, alerts, accounts, people, filters, me, isAdmin } = useLoaderData<typeof loader>();
  const f = useFormat();
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
  return (
    <div>
      <PageHeader
        title="Escalation queue"
        description="Escalations across the accounts you may see, the least time left first. Updates arrive live."
        actions={
          <>
            {isAdmin ? (
              <Link to="/staff/queue/targets" className="text-sm text-brand-700 hover:underline">
                SLA targets per account
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
              {live === "open" ? "Live" : live === "connecting" ? "Connecting…" : "Reconnecting…"}
              {lastEvent ? " · updated" : ""}
            </span>
          </>
        }
      />
      {alerts.length ? (
        <section aria-label="Internal alerts" className="mb-4 space-y-2">
          {alerts.map((a) => (
            <div
              key={a.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm"
              data-testid="queue-alert"
            >
              <span>
                <Badge tone={a.kind === "sla_breach" ? "red" : "amber"}>
                  {a.kind === "late_orders"
                    ? "Service failures"
                    : a.kind === "sla_breach"
                      ? "SLA breached"
                      : "SLA at risk"}
                </Badge>{" "}
                {a.message}{" "}
                {a.escalationId ? (
                  <Link to={`/staff/queue/${a.escalationId}`} className="text-brand-700 underline hover:no-underline">
                    Open
                  </Link>
                ) : null}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="dismiss" />
                <input type="hidden" name="alertId" value={a.id} />
                <Button type="submit" variant="ghost" aria-label={`Dismiss alert: ${a.message}`}>
                  Dismiss
                </Button>
              </Form>
            </div>
          ))}
        </section>
      ) : null}
      <Form method="get" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-7" aria-label="Filter the queue">
        <SelectField label="Status" name="status" defaultValue={filters.status}>
          <option value="active">Not closed</option>
          <option value="all">All</option>
          {ESCALATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_TITLES[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Severity" name="severity" defaultValue={v("severity")}>
          <option value="">Any</option>
          {ESCALATION_SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </SelectField>
        <SelectField label="Account" name="tenant" defaultValue={v("tenant")}>
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Tier" name="tier" defaultValue={v("tier")}>
          <option value="">Any</option>
          <option value="strategic">Strategic</option>
          <option value="key">Key</option>
          <option value="standard">Standard</option>
        </SelectField>
        <SelectField label="Assignee" name="assignee" defaultValue={v("assignee")}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {people
            .filter((p) => p.id !== me)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </SelectField>
        <SelectField label="SLA" name="sla" defaultValue={v("sla")}>
          <option value="">Any</option>
          <option value="breaching_soon">Breaching soon</option>
          <option value="breached">Breached</option>
          <option value="at_risk">Breaching soon or breached</option>
        </SelectField>
        <div className="flex items-end">
          <Button type="submit" variant="secondary" className="w-full">
            Apply filters
          </Button>
        </div>
      </Form>
      <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        {escalations.length === 0 ? (
          <EmptyState title="Nothing in the queue matches">Change the filters, or enjoy the quiet.</EmptyState>
        ) : (
          <Card className="overflow-x-auto p-0">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Escalation queue, least time left first</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Time left
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Escalation
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Account
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Sev.
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Owner
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Raised <span className="font-normal normal-case">(account's time)</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {escalations.map((e) => (
                  <tr key={e.id} data-testid="queue-row">
                    <td className="px-4 py-3">
                      <ClockBadge sla={e.sla} audience="staff" />
                    </td>
                    <td className="px-4 py-3">
                      <Link to={`/staff/queue/${e.id}`} className="font-medium text-brand-700 hover:underline">
                        ESC-{e.number}: {e.title}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {categoryLabel(e.category)}
                        {e.orderNumber ? ` · order ${e.orderNumber}` : ""}
                        {e.exceptionStatus === "pending" ? " · exception waiting for approval" : ""}
                      </p>
                    </td>
                    <td className="px-4 py-3">
                      {e.tenantName} <span className="text-xs text-slate-500">({e.tier})</span>
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge status={e.status} />
                    </td>
                    <td className="px-4 py-3">
                      <SeverityBadge severity={e.severity} />
                    </td>
                    <td className="px-4 py-3">{e.assigneeFirstName ?? <span className="text-slate-500">—</span>}</td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-600" title={e.timeZone}>
                      {f.inZone(e.timeZone).dateTime(e.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
      {navigation.state === "idle" && revalidator.state === "loading" ? (
        <p className="sr-only" role="status">
          Refreshing the queue
        </p>
      ) : null}
      <Alert tone="info">
        Times are shown in each account&apos;s time zone; SLA clocks count in that account&apos;s business calendar.
      </Alert>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Queue · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
