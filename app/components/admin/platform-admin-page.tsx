// The platform administration page (/staff/admin): accounts, support staff assignments, users.
import { Link } from "@remix-run/react";
import { Alert, PageHeader } from "../ui";
import { AccountsCard, NewAccountCard } from "./accounts";
import { StaffAssignmentsCard } from "./staff-assignments";
import { UsersCard } from "./users";
import type { AdminStaffView, AdminTenantView, AdminUserView } from "./views";
import { useT } from "#app/i18n/react";

const ADMIN_LINKS = [
  { to: "/staff/admin/audit", label: "admin.platform.link.audit" },
  { to: "/staff/admin/ingest-keys", label: "admin.platform.link.ingestKeys" },
  { to: "/staff/admin/targets", label: "admin.platform.link.targets" },
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
  const t = useT();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin.platform.title")}
        description={t("admin.platform.description")}
        actions={ADMIN_LINKS.map((l) => (
          <Link
            key={l.to}
            to={l.to}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            {t(l.label)}
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
