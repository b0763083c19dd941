// What the portal shell shows: who is signed in, in which tenant or account, and the nav.
import { NAV_ITEMS, type NavItem } from "./navigation.server";
import { accountCookie, activeTenant, getPrincipal, staffAccount, staffAtLeast } from "./auth/guards.server";
import { withTenant } from "./tenant-db.server";
import { unreadNotificationCount } from "./escalations/notify.server";
import { feedHealth, type FeedSourceView } from "./feed-health/feed-health.server";
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
  /** The account's data feeds (customers, and staff inside an account): the delay banner reads them. */
  feeds: FeedSourceView[];
  /** When the feeds' state was read (so server and browser render "today" alike). */
  feedsAt: string;
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
    const db = { role: "portal_customer" as const, tenantId: p.tenantId, userId: p.user.id };
    // The same read as the route's guard (requireCustomer), shared within the request.
    const t = await activeTenant(db, p.tenantId);
    // The header's counts and feed states in one transaction (withTenant joins it).
    const [unread, feeds] = await withTenant(
      db,
      async () => [await unreadNotificationCount(db), await feedHealth(db)] as const,
    );
    return {
      user: { name: p.user.name, email: p.user.email },
      roleLabel: ROLE_LABELS[p.role],
      locale: p.user.locale ?? DEFAULT_LOCALE,
      viewerTimeZone: t?.timeZone ?? "UTC",
      tenantName: t?.name ?? null,
      accountName: null,
      timeZone: t?.timeZone ?? null,
      nav: NAV_ITEMS.filter((i) => i.audience === "customer" && (!i.admin || p.role === "customer_admin")).map((i) =>
        i.viewerTo && p.role !== "customer_admin" ? { ...i, to: i.viewerTo } : i,
      ),
      unreadNotifications: unread,
      feeds,
      feedsAt: new Date().toISOString(),
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
    feeds: account ? await feedHealth({ role: "portal_staff", tenantId: account.id, staffId: p.user.id }) : [],
    feedsAt: new Date().toISOString(),
  };
}
