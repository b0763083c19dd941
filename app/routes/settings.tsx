import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { SETTINGS_TABS } from "../components/settings-tabs";
import { cx, PageHeader } from "../components/ui";
import { useT } from "../i18n/react";
import { requireCustomer } from "../server/auth/guards.server";

// Every customer user reaches Settings (Notifications is theirs); each admin page's own loader
// and action still refuse viewers.
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request);
  return { isAdmin: ctx.role === "customer_admin" };
}

// The tabs wrap on a narrow screen rather than scroll: a scrolled-away tab may be the one open.
export default function SettingsLayout() {
  const t = useT();
  const { isAdmin } = useLoaderData<typeof loader>();
  const tabs = SETTINGS_TABS.filter((tab) => isAdmin || !tab.admin);
  return (
    <div>
      <PageHeader title={t("settings.layout.title")} description={t("settings.layout.description")} />
      <nav aria-label={t("settings.layout.title")} className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end
            className={({ isActive }) =>
              cx(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )
            }
          >
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
