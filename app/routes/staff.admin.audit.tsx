// The platform audit log: every account, newest first, in the admin's own time zone; filters by
// who acted, what it concerns, the account and a date range; machine activity folded.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditFilters } from "../components/audit-filters";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PageHeader } from "../components/ui";
import { ACTOR_KINDS, AUDIT_TARGET_TYPES } from "../domain/audit/group";
import { auditFilterSchema, olderEntriesHref, parseAuditFilters } from "../domain/audit/filters";
import { pageTitle } from "../i18n/meta";
import { useFormat, useT } from "../i18n/react";
import { requireStaff } from "../server/auth/guards.server";
import { platformAudit } from "../server/audit-view.server";
import { getProfile } from "../server/profile/profile.server";
import { listTenants } from "../server/staff/admin.server";

const filterSchema = auditFilterSchema(ACTOR_KINDS, AUDIT_TARGET_TYPES).extend({
  tenant: z.uuid().optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  const f = parseAuditFilters(filterSchema, new URL(request.url));
  const timeZone = (await getProfile(staff.user.id)).timeZone ?? "UTC";
  const [rows, tenants] = await Promise.all([
    platformAudit({
      before: f.before,
      actorKind: f.actor,
      targetType: f.entity,
      tenantId: f.tenant,
      from: f.from,
      to: f.to,
      timeZone,
    }),
    listTenants(),
  ]);
  return { rows, filters: f, tenants: tenants.map((t) => ({ id: t.id, name: t.name })) };
}

export default function PlatformAudit() {
  const { rows, filters, tenants } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  return (
    <div>
      <PageHeader
        title={t("staff.audit.title")}
        description={t("staff.audit.description", { zone: f.timeZone })}
        actions={
          <Link to="/staff/admin" className="text-sm text-brand-700 hover:underline">
            {t("staff.audit.back")}
          </Link>
        }
      />
      <AuditFilters
        messages="staff.audit"
        actorKinds={ACTOR_KINDS}
        targetTypes={AUDIT_TARGET_TYPES}
        accounts={tenants}
        filters={filters}
        clearHref="/staff/admin/audit"
      />
      <AuditTable
        rows={rows}
        timeZone={f.timeZone}
        showTenant
        showIp
        pageSize={200}
        olderHref={(before) => olderEntriesHref(filters, before)}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.audit.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
