import "./components/zod-jitless.client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useNavigation,
  useRouteLoaderData,
} from "@remix-run/react";
import { AppHeader } from "./components/app-header";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { FeedDelayBanner, FeedFreshness } from "./components/feed-health";
import { useFocusFirstInvalid } from "./components/focus-invalid";
import { useNonce } from "./components/nonce";
import { cx } from "./components/ui";
import { catalogueUrl } from "./server/i18n/catalogue-file.server";
import { loadShell, type ShellData } from "./server/shell.server";
import type { MessageId } from "./i18n/catalogue";
import { useCatalogue } from "./i18n/catalogue-context";
import { DEFAULT_LOCALE, resolveLocale } from "./i18n/locales";
import { I18nProvider, useT } from "./i18n/react";
import fallbackCommon from "./i18n/messages/common/en.json";
import fallbackErrors from "./i18n/messages/errors/en.json";
import fallbackNav from "./i18n/messages/nav/en.json";
import tailwindHref from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tailwindHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Sightline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const shell = await loadShell(request);
  // Signed out: the browser's languages decide (login, password reset, invitations).
  const locale = shell?.locale ?? resolveLocale({ acceptLanguage: request.headers.get("accept-language") });
  return { shell, locale, catalogue: catalogueUrl(locale), timeZone: shell?.viewerTimeZone ?? "UTC" };
}

// When the root loader itself failed there is no catalogue to hand: its error page speaks English.
const FALLBACK_MESSAGES = { ...fallbackCommon, ...fallbackNav, ...fallbackErrors } as Record<MessageId, string>;

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const catalogue = useCatalogue(data ? { locale: data.locale, url: data.catalogue } : null);
  // The text's language: the catalogue's, which trails a just-changed preference by one load.
  const locale = catalogue?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale} className="h-full bg-slate-50 print:bg-white">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {data ? (
          <link rel="preload" as="fetch" crossOrigin="anonymous" href={data.catalogue} data-catalogue={data.locale} />
        ) : null}
        <Links />
      </head>
      <body className="h-full font-sans text-slate-900 antialiased">
        <I18nProvider
          locale={locale}
          messages={catalogue?.messages ?? FALLBACK_MESSAGES}
          timeZone={data?.timeZone ?? "UTC"}
        >
          {children}
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ shell, children }: { shell: ShellData | null; children: React.ReactNode }) {
  const navigation = useNavigation();
  const t = useT();
  useFocusFirstInvalid();
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 print:hidden"
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <AppHeader shell={shell} />
        <div
          aria-hidden="true"
          className={cx(
            "h-0.5 bg-brand-500 transition-all duration-500",
            navigation.state === "idle" ? "w-0 opacity-0" : "w-2/3",
          )}
        />
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 print:max-w-none print:p-0">
        {shell ? <FeedDelayBanner feeds={shell.feeds} readAt={shell.feedsAt} /> : null}
        {children}
      </main>
      {shell ? <FeedFreshness feeds={shell.feeds} readAt={shell.feedsAt} /> : null}
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
