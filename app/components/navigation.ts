// Navigation for the portal shell. Only pages that exist are listed; add an entry when a page
// lands. `admin` limits an item to customer admins, `minStaff` to staff of at least that role.
export interface NavItem {
  to: string;
  label: string;
  audience: "customer" | "staff";
  admin?: boolean;
  minStaff?: "support_agent" | "support_lead" | "platform_admin";
  /** Also shown to staff who switched to an account (customer pages viewed by staff). */
  accountPage?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/orders", label: "Orders", audience: "customer", accountPage: true },
  { to: "/escalations", label: "Escalations", audience: "customer", accountPage: true },
  { to: "/sla", label: "SLA", audience: "customer", accountPage: true },
  { to: "/settings", label: "Settings", audience: "customer", admin: true },
  { to: "/staff/queue", label: "Queue", audience: "staff" },
  { to: "/staff/accounts", label: "Accounts", audience: "staff" },
  { to: "/staff/admin", label: "Admin", audience: "staff", minStaff: "platform_admin" },
];
