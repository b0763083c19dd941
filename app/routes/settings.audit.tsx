// A customer admin's audit log: their account's entries, newest first, in the account's time
// zone; filters by who acted (a person, an integration, the system), what it concerns and a date
// range; runs of machine activity folded. Staff-only entries never reach it (RLS).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditFilters } from "../components/audit-filters";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { CUSTOMER_ACTOR_KINDS, CUSTOMER_TARGET_TYPES } from "../domain/audit/group";
import { auditFilterSchema, olderEntriesHref, parseAuditFilters } from "../domain/audit/filters";
import { pageTitle } from "../i18n/meta";
import { requireCustomer } from "../server/auth/guards.server";
import { CUSTOMER_PAGE, tenantAudit } from "../server/audit-view.server";

const filterSchema = auditFilterSchema(CUSTOMER_ACTOR_KINDS, CUSTOMER_TARGET_TYPES as [string, ...string[]]);

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const f = parseAuditFilters(filterSchema, new URL(request.url));
  const timeZone = ctx.tenant.timeZone;
  const rows = await tenantAudit(ctx.db, {
    before: f.before,
    actorKind: f.actor,
    targetType: f.entity,
    from: f.from,
    to: f.to,
    timeZone,
  });
  return { rows, timeZone, filters: f, pageSize: CUSTOMER_PAGE };
}

export default function SettingsAudit() {
  const { rows, timeZone, filters, pageSize } = useLoaderData<typeof loader>();
  return (
    <div>
      <AuditFilters
        messages="settings.audit"
        actorKinds={CUSTOMER_ACTOR_KINDS}
        targetTypes={CUSTOMER_TARGET_TYPES}
        filters={filters}
        clearHref="/settings/audit"
      />
      <AuditTable
        rows={rows}
        timeZone={timeZone}
        customerKinds
        pageSize={pageSize}
        olderHref={(before) => olderEntriesHref(filters, before)}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.audit.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
