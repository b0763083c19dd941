// Navigation for the portal shell. Only pages that exist are listed; add an entry when a page
// lands. `admin` limits an item to customer admins, `minStaff` to staff of at least that role.
import type { MessageId } from "#app/i18n/catalogue";

export interface NavItem {
  to: string;
  /** Catalogue id of the entry's label (nav area). */
  label: MessageId;
  audience: "customer" | "staff";
  admin?: boolean;
  minStaff?: "support_agent" | "support_lead" | "platform_admin";
  /** Where the entry leads customer viewers when that differs (their part of an admin area). */
  viewerTo?: string;
  /** Also shown to staff who switched to an account (customer pages viewed by staff). */
  accountPage?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/orders", label: "nav.orders", audience: "customer", accountPage: true },
  { to: "/escalations", label: "nav.escalations", audience: "customer", accountPage: true },
  { to: "/sla", label: "nav.sla", audience: "customer", accountPage: true },
  { to: "/protocol", label: "joint.nav.protocol", audience: "customer", accountPage: true },
  { to: "/settings", viewerTo: "/settings/notifications", label: "nav.settings", audience: "customer" },
  { to: "/staff/queue", label: "nav.queue", audience: "staff" },
  { to: "/staff/accounts", label: "nav.accounts", audience: "staff" },
  { to: "/staff/satisfaction", label: "joint.nav.satisfaction", audience: "staff" },
  { to: "/staff/recurring", label: "joint.nav.recurring", audience: "staff" },
  { to: "/staff/performance-alerts", label: "joint.nav.performance", audience: "staff" },
  { to: "/staff/admin", label: "nav.admin", audience: "staff", minStaff: "platform_admin" },
];
