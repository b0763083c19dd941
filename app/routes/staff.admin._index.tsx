import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PlatformAdminPage } from "../components/admin/platform-admin-page";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { assignmentSchema, createTenantSchema, userActivationSchema } from "../forms/admin";
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

import { translator } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";

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
  const t = translator(admin.user.locale ?? "en");
  if (form.intent === "create-tenant") {
    const parsed = createTenantSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
    const r = await createTenant(admin, info, parsed.data);
    if (!r.ok)
      return data(
        {
          errors: r.field ? { [r.field]: t(r.message.id, r.message.values) } : {},
          message: t(r.message.id, r.message.values),
          ok: false,
        },
        { status: 409 },
      );
    return { errors: {}, message: t(r.message.id, r.message.values), ok: true };
  }
  if (form.intent === "assign" || form.intent === "unassign") {
    const parsed = assignmentSchema.safeParse(form);
    if (!parsed.success)
      return data(
        {
          errors: fieldErrors(parsed.error),
          message: t("admin.platform.chooseStaff"),
          ok: false,
        },
        { status: 400 },
      );
    const r = await setAssignment(admin, info, parsed.data);
    return data({ errors: {}, message: t(r.message.id, r.message.values), ok: r.ok }, { status: r.ok ? 200 : 400 });
  }
  const parsed = userActivationSchema.safeParse(form);
  if (!parsed.success)
    return data({ errors: {}, message: t("admin.platform.notUnderstood"), ok: false }, { status: 400 });
  const r = await setUserActive(admin, info, parsed.data);
  return data({ errors: {}, message: t(r.message.id, r.message.values), ok: r.ok }, { status: r.ok ? 200 : 400 });
}

export default function Admin() {
  const { tenants, staff, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return <PlatformAdminPage tenants={tenants} staff={staff} users={users} result={result} busy={busy} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.platform.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
