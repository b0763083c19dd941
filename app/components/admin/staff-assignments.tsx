// Support staff and the accounts each one is assigned to (platform administration page).
import { Form } from "@remix-run/react";
import { Button, Card, SelectField } from "../ui";
import type { AdminStaffView, AdminTenantView } from "./views";
import { useT } from "#app/i18n/react";

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
  const tr = useT();
  return (
    <Card title={tr("admin.platform.staff")}>
      <p className="text-sm text-slate-600">{tr("admin.platform.staffHint")}</p>
      <ul className="mt-3 divide-y divide-slate-100">
        {staff.map((s) => (
          <li key={s.userId} className="flex flex-wrap items-center gap-3 py-3">
            <div className="min-w-48 flex-1">
              <p className="font-medium">{s.name}</p>
              <p className="text-sm text-slate-600">
                {s.email} · {tr("admin.platform.role", { role: s.role })}
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
                    aria-label={tr("admin.platform.unassignLabel", { name: s.name, account: tenantName.get(id) ?? id })}
                  >
                    {tenantName.get(id)} ✕
                  </button>
                </Form>
              ))}
            </div>
            <Form method="post" className="flex items-end gap-2">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="staffUserId" value={s.userId} />
              <SelectField label={tr("admin.platform.assignTo", { name: s.name })} name="tenantId" defaultValue="">
                <option value="" disabled>
                  {tr("admin.platform.chooseAccount")}
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
                {tr("admin.platform.assign")}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
