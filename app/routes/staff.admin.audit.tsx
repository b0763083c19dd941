import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTable } from "../components/audit-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PageHeader } from "../components/ui";
import { requireStaff } from "../server/auth/guards.server";
import { platformAudit } from "../server/audit-view.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "platform_admin");
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  return { rows: await platformAudit(before) };
}

export default function PlatformAudit() {
  const { rows } = useLoaderData<typeof loader>();
  // Staff work across zones: show UTC and say so.
  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every tenant, newest first."
        actions={
          <Link to="/staff/admin" className="text-sm text-brand-700 hover:underline">
            ← Admin
          </Link>
        }
      />
      <AuditTable rows={rows} timeZone="UTC" showTenant showIp />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
