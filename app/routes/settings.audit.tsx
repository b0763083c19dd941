import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { requireCustomer } from "../server/auth/guards.server";
import { tenantAudit } from "../server/audit-view.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  return { rows: await tenantAudit(ctx.db, before), timeZone: ctx.tenant.timeZone };
}

export default function SettingsAudit() {
  const { rows, timeZone } = useLoaderData<typeof loader>();
  return <AuditTable rows={rows} timeZone={timeZone} />;
}

export const meta: MetaFunction = () => [{ title: "Audit log · Settings · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
