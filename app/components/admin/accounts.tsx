// Customer accounts on the platform administration page: the list and the form for a new one.
import { Form } from "@remix-run/react";
import { TIME_ZONES } from "#app/forms/admin";
import { Badge, Button, Card, SelectField, Table, TextField } from "../ui";
import type { AdminTenantView } from "./views";

export function AccountsCard({ tenants, className }: { tenants: readonly AdminTenantView[]; className?: string }) {
  return (
    <Card title="Accounts" className={className}>
      <Table stacked className="mt-3" columns={["Name", "Tier", "Time zone", "Holidays", "Users"]}>
        {tenants.map((t) => (
          <tr key={t.id}>
            <td className="font-medium">{t.name}</td>
            <td>
              <Badge>{t.tier}</Badge>
            </td>
            <td>{t.timeZone}</td>
            <td>{t.region ? `${t.country}-${t.region}` : t.country}</td>
            <td>{t.users}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

export function NewAccountCard({ errors, busy }: { errors: Record<string, string>; busy: boolean }) {
  return (
    <Card title="New customer account">
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="intent" value="create-tenant" />
        <TextField label="Name" name="name" required error={errors.name} />
        <TextField
          label="Slug"
          name="slug"
          required
          error={errors.slug}
          hint="Used in URLs and keys, e.g. acme-europe."
        />
        <SelectField label="Tier" name="tier" defaultValue="standard" error={errors.tier}>
          <option value="strategic">Strategic</option>
          <option value="key">Key</option>
          <option value="standard">Standard</option>
        </SelectField>
        <TextField
          label="Time zone"
          name="timeZone"
          list="time-zones"
          required
          error={errors.timeZone}
          placeholder="Europe/Berlin"
        />
        <datalist id="time-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Country" name="country" required maxLength={2} error={errors.country} placeholder="DE" />
          <TextField label="Region (optional)" name="region" maxLength={10} error={errors.region} placeholder="BY" />
        </div>
        <Button type="submit" disabled={busy} className="w-full">
          Create account
        </Button>
      </Form>
    </Card>
  );
}
