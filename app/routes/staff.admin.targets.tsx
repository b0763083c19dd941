// Contracted SLA targets per account (platform admins): tier defaults, or the account's own.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SlaTargetsPage } from "../components/admin/sla-targets-page";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TIER_DEFAULT_TARGETS } from "../domain/sla/targets";
import { pageTitle } from "../i18n/meta";
import { requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { listTenantTargets } from "../server/sla/targets.server";
import { targetsAction } from "../server/sla/targets-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  return { rows: await listTenantTargets(staff), defaults: TIER_DEFAULT_TARGETS };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request, "platform_admin");
  const result = await targetsAction(staff, requestInfo(request), await request.formData());
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function TargetsAdmin() {
  const { rows, defaults } = useLoaderData<typeof loader>();
  return <SlaTargetsPage rows={rows} defaults={defaults} result={useActionData<typeof action>()} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.slaTargets.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
