import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { LiveIndicator, useLiveEvents } from "../components/live";
import { categoryLabel, ClockBadge, SeverityBadge, StatusBadge, StatusFilterOptions } from "../components/escalations";
import { Button, Card, EmptyState, PageHeader, SelectField } from "../components/ui";
import { ESCALATION_STATUSES, type EscalationStatus } from "../domain/escalations/workflow";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { listEscalations } from "../server/escalations/list.server";
import { useFormat } from "#app/i18n/react";

const STATUS_FILTERS = ["active", "all", ...ESCALATION_STATUSES] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "active";
  const status: StatusFilter = (STATUS_FILTERS as readonly string[]).includes(raw) ? (raw as StatusFilter) : "active";
  const escalations = await listEscalations(actorFor(ctx, request), { status, tenantId: ctx.tenant.id, limit: 300 });
  return { escalations, status, timeZone: ctx.tenant.timeZone, tenantName: ctx.tenant.name };
}

export default function EscalationList() {
  const { escalations, status, timeZone, tenantName } = useLoaderData<typeof loader>();
  const f = useFormat(timeZone);
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  useLiveEvents((ev) => {
    if (ev.kind === "escalation" && revalidator.state === "idle") revalidator.revalidate();
  });
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/escalations";
  return (
    <div>
      <PageHeader
        title="Escalations"
        description={`Problems ${tenantName} has raised with the support team, with the time left to respond and resolve in your business hours.`}
        actions={
          <>
            <LiveIndicator />
            <Link
              to="/escalations/new"
              className="inline-flex items-center rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Raise an escalation
            </Link>
          </>
        }
      />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter escalations">
        <SelectField label="Show" name="status" defaultValue={params.get("status") ?? status} className="w-56">
          <StatusFilterOptions />
        </SelectField>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </Form>
      <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        {escalations.length === 0 ? (
          <EmptyState title={status === "active" ? "No open escalations" : "No escalations match"}>
            When an order goes wrong, raise an escalation from the order page or with the button above.
          </EmptyState>
        ) : (
          <Card className="relative overflow-x-auto p-0">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Escalations, most urgent first</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Escalation
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Severity
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Owner
                  </th>
                  <th scope="col" className="px-4 py-3">
                    SLA
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Raised
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {escalations.map((e) => (
                  <tr key={e.id} data-testid="escalation-row">
                    <td className="px-4 py-3">
                      <Link to={`/escalations/${e.id}`} className="font-medium text-brand-700 hover:underline">
                        ESC-{e.number}: {e.title}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {categoryLabel(e.category)}
                        {e.orderNumber ? ` · order ${e.orderNumber}` : ""}
                        {e.exceptionStatus !== "none" ? ` · exception ${e.exceptionStatus}` : ""}
                      </p>
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge status={e.status as EscalationStatus} />
                    </td>
                    <td className="px-4 py-3">
                      <SeverityBadge severity={e.severity} />
                    </td>
                    <td className="px-4 py-3">
                      {e.assigneeFirstName ?? <span className="text-slate-500">Not yet</span>}
                    </td>
                    <td className="px-4 py-3">
                      <ClockBadge sla={e.sla} audience="customer" />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-600">{f.dateTime(e.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Escalations · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
