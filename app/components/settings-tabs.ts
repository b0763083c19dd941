// Tabs of the customer's Settings area; add one when a settings page lands. `admin` tabs are for
// customer admins only (their pages refuse viewers); viewers see the others.
import type { MessageId } from "#app/i18n/catalogue";

export const SETTINGS_TABS: { to: string; label: MessageId; admin: boolean }[] = [
  { to: "/settings", label: "settings.tab.users", admin: true },
  { to: "/settings/calendar", label: "settings.tab.calendar", admin: true },
  { to: "/settings/embed", label: "settings.tab.embed", admin: true },
  { to: "/settings/audit", label: "settings.tab.audit", admin: true },
  { to: "/settings/notifications", label: "settings.tab.notifications", admin: false },
];
