// What the portal shell shows: who is signed in, in which tenant or account, and the nav.
import { NAV_ITEMS, type NavItem } from "../components/navigation";
import { accountCookie, getPrincipal, staffAccount, staffAtLeast } from "./auth/guards.server";
import { withTenant } from "./tenant-db.server";
import { unreadNotificationCount } from "./escalations/notify.server";
import { tenants } from "../../db/schema/index";
import { eq } from "drizzle-orm";
import type { MessageId } from "#app/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "#app/i18n/locales";

export interface ShellData {
  user: { name: string; email: string };
  /** Catalogue id of the role's name. */
  roleLabel: MessageId;
  /** The signed-in user's locale (preference, account default, Accept-Language, en). */
  locale: Locale;
  /** Where the viewer's times are shown: the account's zone for customers, their own for staff. */
  viewerTimeZone: string;
  tenantName: string | null;
  accountName: string | null;
  timeZone: string | null;
  nav: NavItem[];
  /** Unread escalation notifications (the bell in the header). */
  unreadNotifications: number;
}

const ROLE_LABELS: Record<string, MessageId> = {
  customer_admin: "nav.role.customer_admin",
  customer_viewer: "nav.role.customer_viewer",
  support_agent: "nav.role.support_agent",
  support_lead: "nav.role.support_lead",
  platform_admin: "nav.role.platform_admin",
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
      locale: p.user.locale ?? DEFAULT_LOCALE,
      viewerTimeZone: t[0]?.timeZone ?? "UTC",
      tenantName: t[0]?.name ?? null,
      accountName: null,
      timeZone: t[0]?.timeZone ?? null,
      nav: NAV_ITEMS.filter((i) => i.audience === "customer" && (!i.admin || p.role === "customer_admin")).map((i) =>
        i.viewerTo && p.role !== "customer_admin" ? { ...i, to: i.viewerTo } : i,
      ),
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
    locale: p.user.locale ?? DEFAULT_LOCALE,
    viewerTimeZone: p.user.timeZone ?? "UTC",
    tenantName: null,
    accountName: account?.name ?? null,
    timeZone: account?.timeZone ?? null,
    nav,
    unreadNotifications: await unreadNotificationCount(staffCtx.db),
  };
}
