import "./components/zod-jitless.client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useNavigation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { cx } from "./components/ui";
import { loadShell, type ShellData } from "./server/shell.server";
import tailwindHref from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tailwindHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Sightline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { shell: await loadShell(request) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full font-sans text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ shell, children }: { shell: ShellData | null; children: React.ReactNode }) {
  const navigation = useNavigation();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
          <NavLink to="/" className="flex items-center gap-2 font-semibold text-ink" aria-label="Sightline home">
            <svg viewBox="0 0 24 24" className="h-6 w-6 text-brand-600" aria-hidden="true">
              <circle cx="12" cy="12" r="10" fill="currentColor" opacity="0.15" />
              <path
                d="M3 12c2.5-4 5.5-6 9-6s6.5 2 9 6c-2.5 4-5.5 6-9 6s-6.5-2-9-6z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              />
              <circle cx="12" cy="12" r="2.6" fill="currentColor" />
            </svg>
            Sightline
          </NavLink>
          {shell ? (
            <>
              <span className="hidden truncate text-sm text-slate-500 sm:inline" data-testid="tenant-name">
                {shell.tenantName ?? (shell.accountName ? `Viewing ${shell.accountName}` : "Staff")}
              </span>
              <button
                type="button"
                className="ml-auto rounded-md p-2 text-slate-600 hover:bg-slate-100 md:hidden"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                <span className="sr-only">Menu</span>
                <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                  <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.6" />
                </svg>
              </button>
              <nav
                id="main-nav"
                aria-label="Main"
                className={cx(
                  "w-full flex-col gap-1 md:ml-6 md:flex md:w-auto md:flex-row",
                  menuOpen ? "flex" : "hidden",
                )}
              >
                {shell.nav.map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    onClick={() => setMenuOpen(false)}
                    className={({ isActive }) =>
                      cx(
                        "rounded-md px-3 py-2 text-sm font-medium",
                        isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                      )
                    }
                  >
                    {item.label}
                  </NavLink>
                ))}
              </nav>
              <div className={cx("items-center gap-3 md:ml-auto md:flex", menuOpen ? "flex w-full" : "hidden")}>
                <NavLink
                  to="/notifications"
                  className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100"
                  aria-label={
                    shell.unreadNotifications ? `Notifications, ${shell.unreadNotifications} unread` : "Notifications"
                  }
                  data-testid="notifications-bell"
                >
                  <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                    <path
                      d="M10 3a4 4 0 0 0-4 4v2.5L4.5 13h11L14 9.5V7a4 4 0 0 0-4-4zM8.5 15.5a1.5 1.5 0 0 0 3 0"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.6"
                    />
                  </svg>
                  {shell.unreadNotifications ? (
                    <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
                      {shell.unreadNotifications > 99 ? "99+" : shell.unreadNotifications}
                    </span>
                  ) : null}
                </NavLink>
                <div className="text-right text-sm leading-tight">
                  <p className="font-medium text-slate-800" data-testid="user-name">
                    {shell.user.name}
                  </p>
                  <p className="text-xs text-slate-500">{shell.roleLabel}</p>
                </div>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
                  >
                    Sign out
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
        <div
          aria-hidden="true"
          className={cx(
            "h-0.5 bg-brand-500 transition-all duration-500",
            navigation.state === "idle" ? "w-0 opacity-0" : "w-2/3",
          )}
        />
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}

export default function App() {
  const { shell } = useLoaderData<typeof loader>();
  return (
    <Shell shell={shell}>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell shell={data?.shell ?? null}>
      <GeneralErrorBoundary />
    </Shell>
  );
}
