// What the portal shell shows: who is signed in, in which tenant or account, and the nav.
import { NAV_ITEMS, type NavItem } from "../components/navigation";
import { accountCookie, getPrincipal, staffAccount, staffAtLeast } from "./auth/guards.server";
import { withTenant } from "./tenant-db.server";
import { unreadNotificationCount } from "./escalations/notify.server";
import { tenants } from "../../db/schema/index";
import { eq } from "drizzle-orm";

export interface ShellData {
  user: { name: string; email: string };
  roleLabel: string;
  tenantName: string | null;
  accountName: string | null;
  timeZone: string | null;
  nav: NavItem[];
  /** Unread escalation notifications (the bell in the header). */
  unreadNotifications: number;
}

const ROLE_LABELS: Record<string, string> = {
  customer_admin: "Administrator",
  customer_viewer: "Viewer",
  support_agent: "Support agent",
  support_lead: "Support lead",
  platform_admin: "Platform admin",
};

export async function loadShell(request: Request): Promise<ShellData | null> {
  const p = await getPrincipal(request);
  if (!p) return null;
  if (p.kind === "customer") {
    const t = await withTenant({ role: "portal_customer", tenantId: p.tenantId, userId: p.user.id }, (tx) =>
      tx.select({ name: tenants.name, timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, p.tenantId)),
    );
    return {
      user: { name: p.user.name, email: p.user.email },
      roleLabel: ROLE_LABELS[p.role],
      tenantName: t[0]?.name ?? null,
      accountName: null,
      timeZone: t[0]?.timeZone ?? null,
      nav: NAV_ITEMS.filter((i) => i.audience === "customer" && (!i.admin || p.role === "customer_admin")),
      unreadNotifications: await unreadNotificationCount({
        role: "portal_customer",
        tenantId: p.tenantId,
        userId: p.user.id,
      }),
    };
  }
  const selected = (await accountCookie.parse(request.headers.get("cookie"))) as string | null;
  const staffCtx = {
    kind: "staff" as const,
    user: p.user,
    staffRole: p.staffRole,
    db: { role: "portal_staff" as const, tenantId: null, staffId: p.user.id },
  };
  const account = selected ? await staffAccount(staffCtx, selected) : null;
  const nav = NAV_ITEMS.filter(
    (i) =>
      (i.audience === "staff" && (!i.minStaff || staffAtLeast(p.staffRole, i.minStaff))) ||
      (account !== null && i.audience === "customer" && i.accountPage),
  );
  return {
    user: { name: p.user.name, email: p.user.email },
    roleLabel: ROLE_LABELS[p.staffRole],
    tenantName: null,
    accountName: account?.name ?? null,
    timeZone: account?.timeZone ?? null,
    nav,
    unreadNotifications: await unreadNotificationCount(staffCtx.db),
  };
}
