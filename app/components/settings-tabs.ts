// Tabs of the customer admin's Settings area; add one when a settings page lands.
export const SETTINGS_TABS: { to: string; label: string }[] = [
  { to: "/settings", label: "Users" },
  { to: "/settings/calendar", label: "Calendar" },
  { to: "/settings/embed", label: "Embed keys" },
  { to: "/settings/audit", label: "Audit log" },
];
