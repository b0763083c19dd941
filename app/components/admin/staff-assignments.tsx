// Support staff and the accounts each one is assigned to (platform administration page).
import { Form } from "@remix-run/react";
import { Button, Card, SelectField } from "../ui";
import type { AdminStaffView, AdminTenantView } from "./views";

export function StaffAssignmentsCard({
  staff,
  tenants,
  busy,
}: {
  staff: readonly AdminStaffView[];
  tenants: readonly AdminTenantView[];
  busy: boolean;
}) {
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  return (
    <Card title="Support staff">
      <p className="text-sm text-slate-600">
        Agents see only the accounts assigned to them; leads and platform admins see all.
      </p>
      <ul className="mt-3 divide-y divide-slate-100">
        {staff.map((s) => (
          <li key={s.userId} className="flex flex-wrap items-center gap-3 py-3">
            <div className="min-w-48 flex-1">
              <p className="font-medium">{s.name}</p>
              <p className="text-sm text-slate-600">
                {s.email} · {s.role.replace("_", " ")}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              {s.tenantIds.map((id) => (
                <Form method="post" key={id}>
                  <input type="hidden" name="intent" value="unassign" />
                  <input type="hidden" name="staffUserId" value={s.userId} />
                  <input type="hidden" name="tenantId" value={id} />
                  <button
                    type="submit"
                    className="rounded-full bg-sky-100 px-2.5 py-1 text-xs text-sky-900 hover:bg-sky-200"
                    aria-label={`Unassign ${s.name} from ${tenantName.get(id)}`}
                  >
                    {tenantName.get(id)} ✕
                  </button>
                </Form>
              ))}
            </div>
            <Form method="post" className="flex items-end gap-2">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="staffUserId" value={s.userId} />
              <SelectField label={`Assign ${s.name} to`} name="tenantId" defaultValue="">
                <option value="" disabled>
                  Choose an account
                </option>
                {tenants
                  .filter((t) => !s.tenantIds.includes(t.id))
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </SelectField>
              <Button type="submit" variant="secondary" disabled={busy}>
                Assign
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
