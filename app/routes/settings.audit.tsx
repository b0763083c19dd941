// A customer admin's audit log: their account's entries, newest first, in the account's time
// zone; filters by who acted (a person, an integration, the system), what it concerns and a date
// range; runs of machine activity folded. Staff-only entries never reach it (RLS).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button, SelectField, TextField } from "../components/ui";
import { CUSTOMER_ACTOR_KINDS, CUSTOMER_TARGET_TYPES } from "../domain/audit/group";
import { parseDate } from "../domain/calendar/time";
import { useT } from "../i18n/react";
import { requireCustomer } from "../server/auth/guards.server";
import { CUSTOMER_PAGE, tenantAudit } from "../server/audit-view.server";

const day = z
  .string()
  .refine((d) => parseDate(d) !== null)
  .optional()
  .catch(undefined);

const filterSchema = z.object({
  actor: z.enum(CUSTOMER_ACTOR_KINDS).optional().catch(undefined),
  entity: z
    .enum(CUSTOMER_TARGET_TYPES as [string, ...string[]])
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const url = new URL(request.url);
  const f = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
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
  const t = useT();
  const params = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => e[0] !== "before" && typeof e[1] === "string"),
  );
  return (
    <div>
      <Form
        method="get"
        aria-label={t("settings.audit.filters")}
        className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        data-testid="audit-filters"
      >
        <SelectField label={t("settings.audit.filter.actor")} name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">{t("settings.audit.filter.anyone")}</option>
          {CUSTOMER_ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`settings.audit.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("settings.audit.filter.entity")} name="entity" defaultValue={filters.entity ?? ""}>
          <option value="">{t("settings.audit.filter.anything")}</option>
          {CUSTOMER_TARGET_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`staff.audit.entity.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("settings.audit.filter.from")} name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label={t("settings.audit.filter.to")} name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("settings.audit.filter.apply")}</Button>
          {[...params.keys()].length > 0 ? (
            <Link to="/settings/audit" className="text-sm text-brand-700 hover:underline">
              {t("settings.audit.filter.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <AuditTable
        rows={rows}
        timeZone={timeZone}
        customerKinds
        pageSize={pageSize}
        olderHref={(before) => `?${new URLSearchParams([...params, ["before", String(before)]])}`}
      />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Settings · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
