import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { customerRef } from "#app/domain/escalations/keys";
import { Form, Link, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { LiveIndicator, useLiveEvents } from "../components/live";
import {
  categoryLabel,
  ClockBadge,
  SeverityBadge,
  StatusBadge,
  StatusFilterOptions,
} from "../components/escalations/shared";
import { Button, Card, EmptyState, PageHeader, SelectField, Table } from "../components/ui";
import { ESCALATION_STATUSES, type EscalationStatus } from "../domain/escalations/workflow";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { listEscalations } from "../server/escalations/list.server";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

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
  const t = useT();
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
        title={t("escalations.list.title")}
        description={t("escalations.list.description", { tenant: tenantName })}
        actions={
          <>
            <LiveIndicator />
            <Link
              to="/escalations/new"
              className="inline-flex items-center rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("escalations.list.raise")}
            </Link>
          </>
        }
      />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("escalations.list.filterLabel")}>
        <SelectField
          label={t("escalations.list.show")}
          name="status"
          defaultValue={params.get("status") ?? status}
          className="w-56"
        >
          <StatusFilterOptions />
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("escalations.list.apply")}
        </Button>
      </Form>
      <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        {escalations.length === 0 ? (
          <EmptyState
            title={status === "active" ? t("escalations.list.emptyActive") : t("escalations.list.emptyMatch")}
          >
            {t("escalations.list.emptyBody")}
          </EmptyState>
        ) : (
          <Card className="p-0 max-sm:px-4">
            <Table
              variant="panel"
              stacked
              caption={t("escalations.list.caption")}
              columns={[
                t("escalations.col.escalation"),
                t("escalations.col.status"),
                t("escalations.col.severity"),
                t("escalations.col.owner"),
                t("escalations.col.sla"),
                t("escalations.col.raised"),
              ]}
            >
              {escalations.map((e) => (
                <tr key={e.id} data-testid="escalation-row">
                  <td>
                    <div>
                      <Link to={`/escalations/${e.id}`} className="font-medium text-brand-700 hover:underline">
                        {customerRef(e.number)}: {e.title}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {categoryLabel(t, e.category)}
                        {e.orderNumber ? ` · ${t("escalations.list.order", { number: e.orderNumber })}` : ""}
                        {e.exceptionStatus !== "none"
                          ? ` · ${t("escalations.list.exception", { status: e.exceptionStatus })}`
                          : ""}
                      </p>
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={e.status as EscalationStatus} />
                  </td>
                  <td>
                    <SeverityBadge severity={e.severity} />
                  </td>
                  <td>
                    {e.assigneeFirstName ?? <span className="text-slate-500">{t("escalations.list.notYet")}</span>}
                  </td>
                  <td>
                    <ClockBadge sla={e.sla} audience="customer" />
                  </td>
                  <td className="whitespace-nowrap text-slate-600">{f.dateTime(e.createdAt)}</td>
                </tr>
              ))}
            </Table>
          </Card>
        )}
      </div>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "escalations.list.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
