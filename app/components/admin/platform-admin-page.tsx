// The platform administration page (/staff/admin): accounts, support staff assignments, users.
import { Link } from "@remix-run/react";
import { Alert, PageHeader } from "../ui";
import { AccountsCard, NewAccountCard } from "./accounts";
import { StaffAssignmentsCard } from "./staff-assignments";
import { UsersCard } from "./users";
import type { AdminStaffView, AdminTenantView, AdminUserView } from "./views";

const ADMIN_LINKS = [
  { to: "/staff/admin/audit", label: "Audit log" },
  { to: "/staff/admin/ingest-keys", label: "Ingest keys" },
  { to: "/staff/admin/targets", label: "SLA targets" },
] as const;

export function PlatformAdminPage({
  tenants,
  staff,
  users,
  result,
  busy,
}: {
  tenants: readonly AdminTenantView[];
  staff: readonly AdminStaffView[];
  users: readonly AdminUserView[];
  /** What the last form post answered. */
  result?: { ok: boolean; message: string | null; errors: Record<string, string> };
  busy: boolean;
}) {
  return (
    <div className="space-y-6">
      <PageHeader
        title="Platform administration"
        description="Customer accounts, support staff assignments and user access."
        actions={ADMIN_LINKS.map((l) => (
          <Link
            key={l.to}
            to={l.to}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            {l.label}
          </Link>
        ))}
      />
      {result?.message ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <AccountsCard tenants={tenants} className="lg:col-span-2" />
        <NewAccountCard errors={result?.errors ?? {}} busy={busy} />
      </div>
      <StaffAssignmentsCard staff={staff} tenants={tenants} busy={busy} />
      <UsersCard users={users} busy={busy} />
    </div>
  );
}
