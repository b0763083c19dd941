// Customer accounts on the platform administration page: the list and the form for a new one.
import { Form } from "@remix-run/react";
import { TIME_ZONES } from "#app/forms/admin";
import { Badge, Button, Card, SelectField, Table, TextField } from "../ui";
import type { AdminTenantView } from "./views";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";

export function AccountsCard({ tenants, className }: { tenants: readonly AdminTenantView[]; className?: string }) {
  const tr = useT();
  const f = useFormat();
  return (
    <Card title={tr("admin.platform.accounts")} className={className}>
      <Table
        stacked
        className="mt-3"
        columns={[
          tr("admin.platform.col.name"),
          tr("admin.platform.col.tier"),
          tr("admin.platform.col.timeZone"),
          tr("admin.platform.col.holidays"),
          tr("admin.platform.col.users"),
        ]}
      >
        {tenants.map((t) => (
          <tr key={t.id}>
            <td className="font-medium">{t.name}</td>
            <td>
              <Badge>{tr(`admin.platform.tier.${t.tier}` as MessageId)}</Badge>
            </td>
            <td>{t.timeZone}</td>
            <td>{t.region ? [t.country, t.region].join("-") : t.country}</td>
            <td>{f.number(t.users)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

export function NewAccountCard({ errors, busy }: { errors: Record<string, string>; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("admin.platform.newAccount")}>
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="intent" value="create-tenant" />
        <TextField label={t("admin.platform.col.name")} name="name" required error={errors.name} />
        <TextField
          label={t("admin.platform.slug")}
          name="slug"
          required
          error={errors.slug}
          hint={t("admin.platform.slugHint")}
        />
        <SelectField label={t("admin.platform.col.tier")} name="tier" defaultValue="standard" error={errors.tier}>
          <option value="strategic">{t("admin.platform.tier.strategic")}</option>
          <option value="key">{t("admin.platform.tier.key")}</option>
          <option value="standard">{t("admin.platform.tier.standard")}</option>
        </SelectField>
        <TextField
          label={t("admin.platform.col.timeZone")}
          name="timeZone"
          list="time-zones"
          required
          error={errors.timeZone}
          // eslint-disable-next-line i18n/no-literal-text -- a code, the same in every language
          placeholder="Europe/Berlin"
        />
        <datalist id="time-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t("admin.platform.country")}
            name="country"
            required
            maxLength={2}
            error={errors.country}
            // eslint-disable-next-line i18n/no-literal-text -- a code, the same in every language
            placeholder="DE"
          />
          <TextField
            label={t("admin.platform.region")}
            name="region"
            maxLength={10}
            error={errors.region}
            // eslint-disable-next-line i18n/no-literal-text -- a code, the same in every language
            placeholder="BY"
          />
        </div>
        <Button type="submit" disabled={busy} className="w-full">
          {t("admin.platform.createAccount")}
        </Button>
      </Form>
    </Card>
  );
}
