import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextField } from "../components/ui";
import { assignmentSchema, createTenantSchema, TIME_ZONES, userActivationSchema } from "../forms/admin";
import { fieldErrors } from "../forms/auth";
import { requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import {
  createTenant,
  listStaff,
  listTenants,
  listUsers,
  setAssignment,
  setUserActive,
} from "../server/staff/admin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "platform_admin");
  const [tenants, staff, users] = await Promise.all([listTenants(), listStaff(), listUsers()]);
  return { tenants, staff, users };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requireStaff(request, "platform_admin");
  const form = Object.fromEntries(await request.formData());
  const info = requestInfo(request);
  if (form.intent === "create-tenant") {
    const parsed = createTenantSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
    const r = await createTenant(admin, info, parsed.data);
    if (!r.ok)
      return data({ errors: r.field ? { [r.field]: r.message } : {}, message: r.message, ok: false }, { status: 409 });
    return { errors: {}, message: r.message, ok: true };
  }
  if (form.intent === "assign" || form.intent === "unassign") {
    const parsed = assignmentSchema.safeParse(form);
    if (!parsed.success)
      return data(
        { errors: fieldErrors(parsed.error), message: "Choose a staff member and an account.", ok: false },
        { status: 400 },
      );
    const r = await setAssignment(admin, info, parsed.data);
    return data({ errors: {}, message: r.message, ok: r.ok }, { status: r.ok ? 200 : 400 });
  }
  const parsed = userActivationSchema.safeParse(form);
  if (!parsed.success)
    return data({ errors: {}, message: "That request was not understood.", ok: false }, { status: 400 });
  const r = await setUserActive(admin, info, parsed.data);
  return data({ errors: {}, message: r.message, ok: r.ok }, { status: r.ok ? 200 : 400 });
}

export default function Admin() {
  const { tenants, staff, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Platform administration"
        description="Customer accounts, support staff assignments and user access."
        actions={
          <>
            <Link
              to="/staff/admin/audit"
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
            >
              Audit log
            </Link>
            <Link
              to="/staff/admin/ingest-keys"
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
            >
              Ingest keys
            </Link>
            <Link
              to="/staff/admin/targets"
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
            >
              SLA targets
            </Link>
          </>
        }
      />
      {actionData?.message ? <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">Accounts</h2>
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Tier
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Time zone
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Holidays
                  </th>
                  <th scope="col" className="py-2">
                    Users
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tenants.map((t) => (
                  <tr key={t.id}>
                    <td className="py-2 pr-3 font-medium">{t.name}</td>
                    <td className="py-2 pr-3">
                      <Badge>{t.tier}</Badge>
                    </td>
                    <td className="py-2 pr-3">{t.timeZone}</td>
                    <td className="py-2 pr-3">{t.region ? `${t.country}-${t.region}` : t.country}</td>
                    <td className="py-2">{t.users}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">New customer account</h2>
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
              <TextField
                label="Country"
                name="country"
                required
                maxLength={2}
                error={errors.country}
                placeholder="DE"
              />
              <TextField
                label="Region (optional)"
                name="region"
                maxLength={10}
                error={errors.region}
                placeholder="BY"
              />
            </div>
            <Button type="submit" disabled={busy} className="w-full">
              Create account
            </Button>
          </Form>
        </Card>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Support staff</h2>
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
      <Card>
        <h2 className="text-lg font-semibold">Users</h2>
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Email
                </th>
                <th scope="col" className="py-2 pr-3">
                  Account
                </th>
                <th scope="col" className="py-2 pr-3">
                  Role
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Access</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="py-2 pr-3">{u.email}</td>
                  <td className="py-2 pr-3">{u.tenantName ?? "Sightline staff"}</td>
                  <td className="py-2 pr-3">{u.role?.replace("_", " ")}</td>
                  <td className="py-2">
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="intent" value={u.deactivatedAt ? "reactivate" : "deactivate"} />
                      <Button
                        type="submit"
                        variant={u.deactivatedAt ? "secondary" : "ghost"}
                        disabled={busy}
                        aria-label={`${u.deactivatedAt ? "Reactivate" : "Deactivate"} ${u.email}`}
                      >
                        {u.deactivatedAt ? "Reactivate" : "Deactivate"}
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Admin · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
