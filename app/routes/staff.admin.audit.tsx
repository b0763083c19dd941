// The platform audit log: every account, newest first, in the admin's own time zone; filters by
// who acted, what it concerns, the account and a date range; machine activity folded.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button, PageHeader, SelectField, TextField } from "../components/ui";
import { ACTOR_KINDS, AUDIT_TARGET_TYPES } from "../domain/audit/group";
import { parseDate } from "../domain/calendar/time";
import { useFormat, useT } from "../i18n/react";
import { requireStaff } from "../server/auth/guards.server";
import { platformAudit } from "../server/audit-view.server";
import { getProfile } from "../server/profile/profile.server";
import { listTenants } from "../server/staff/admin.server";

const day = z
  .string()
  .refine((d) => parseDate(d) !== null)
  .optional()
  .catch(undefined);

const filterSchema = z.object({
  actor: z.enum(ACTOR_KINDS).optional().catch(undefined),
  entity: z.enum(AUDIT_TARGET_TYPES).optional().catch(undefined),
  tenant: z.uuid().optional().catch(undefined),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  const url = new URL(request.url);
  const f = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
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
  const params = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => e[0] !== "before" && typeof e[1] === "string"),
  );
  const filtered = [...params.keys()].length > 0;
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
      <Form
        method="get"
        aria-label={t("staff.audit.filters")}
        className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
        data-testid="audit-filters"
      >
        <SelectField label={t("staff.audit.filter.actor")} name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">{t("staff.audit.filter.anyone")}</option>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staff.audit.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("staff.audit.filter.entity")} name="entity" defaultValue={filters.entity ?? ""}>
          <option value="">{t("staff.audit.filter.anything")}</option>
          {AUDIT_TARGET_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`staff.audit.entity.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("staff.audit.filter.account")} name="tenant" defaultValue={filters.tenant ?? ""}>
          <option value="">{t("staff.audit.filter.allAccounts")}</option>
          {tenants.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("staff.audit.filter.from")} name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label={t("staff.audit.filter.to")} name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("staff.audit.filter.apply")}</Button>
          {filtered ? (
            <Link to="/staff/admin/audit" className="text-sm text-brand-700 hover:underline">
              {t("staff.audit.filter.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <AuditTable
        rows={rows}
        timeZone={f.timeZone}
        showTenant
        showIp
        pageSize={200}
        olderHref={(before) => `?${new URLSearchParams([...params, ["before", String(before)]])}`}
      />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
