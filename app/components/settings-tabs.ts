// Tabs of the customer admin's Settings area; add one when a settings page lands.
import type { MessageId } from "#app/i18n/catalogue";

export const SETTINGS_TABS: { to: string; label: MessageId }[] = [
  { to: "/settings", label: "settings.tab.users" },
  { to: "/settings/calendar", label: "settings.tab.calendar" },
  { to: "/settings/embed", label: "settings.tab.embed" },
  { to: "/settings/audit", label: "settings.tab.audit" },
];
