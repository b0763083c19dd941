// The filter form above both audit logs (a customer admin's /settings/audit and the platform's
// /staff/admin/audit): who acted, what it concerns, optionally the account, and a date range.
import { Form, Link } from "@remix-run/react";
import { auditFilterQuery } from "#app/domain/audit/filters";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
import { Button, cx, SelectField, TextField } from "./ui";

export function AuditFilters({
  messages,
  actorKinds,
  targetTypes,
  accounts,
  filters,
  clearHref,
}: {
  /** Whose labels: the customer's settings page or the platform admin's. */
  messages: "settings.audit" | "staff.audit";
  actorKinds: readonly string[];
  targetTypes: readonly string[];
  /** Adds an account select (platform only). */
  accounts?: readonly { id: string; name: string }[];
  filters: { actor?: string; entity?: string; tenant?: string; from?: string; to?: string };
  /** The page without filters. */
  clearHref: string;
}) {
  const t = useT();
  const filtered = [...auditFilterQuery(filters).keys()].length > 0;
  return (
    <Form
      method="get"
      aria-label={t(`${messages}.filters`)}
      className={cx(
        "mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:items-end",
        accounts ? "lg:grid-cols-6" : "lg:grid-cols-5",
      )}
      data-testid="audit-filters"
    >
      <SelectField label={t(`${messages}.filter.actor`)} name="actor" defaultValue={filters.actor ?? ""}>
        <option value="">{t(`${messages}.filter.anyone`)}</option>
        {actorKinds.map((k) => (
          <option key={k} value={k}>
            {t(`${messages}.kind.${k}` as MessageId)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t(`${messages}.filter.entity`)} name="entity" defaultValue={filters.entity ?? ""}>
        <option value="">{t(`${messages}.filter.anything`)}</option>
        {targetTypes.map((k) => (
          <option key={k} value={k}>
            {t(`staff.audit.entity.${k}` as MessageId)}
          </option>
        ))}
      </SelectField>
      {accounts ? (
        <SelectField label={t("staff.audit.filter.account")} name="tenant" defaultValue={filters.tenant ?? ""}>
          <option value="">{t("staff.audit.filter.allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField label={t(`${messages}.filter.from`)} name="from" type="date" defaultValue={filters.from ?? ""} />
      <TextField label={t(`${messages}.filter.to`)} name="to" type="date" defaultValue={filters.to ?? ""} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">{t(`${messages}.filter.apply`)}</Button>
        {filtered ? (
          <Link to={clearHref} className="text-sm text-brand-700 hover:underline">
            {t(`${messages}.filter.clear`)}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
