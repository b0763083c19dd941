// The one error boundary every route re-exports: readable messages, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useIntl } from "react-intl";
import type { MessageId } from "#app/i18n/catalogue";
import { isPageProblem } from "#app/i18n/page-problem";
import { useLocale, useT } from "#app/i18n/react";

const TITLES: Record<number, MessageId> = {
  400: "errors.title.400",
  403: "errors.title.403",
  404: "errors.title.404",
  413: "errors.title.413",
  429: "errors.title.429",
  503: "errors.title.503",
};

/** The router's answer to an address that no route serves (marked `internal`, unlike thrown responses). */
function isRouterNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { internal?: unknown }).internal === true;
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const locale = useLocale();
  const { messages } = useIntl();
  let status = 500;
  let message = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data: unknown = error.data;
    // Thrown responses name a catalogue message (pageProblem), worded here in the reader's
    // language; the router's own 404 for an address no route serves ("No route matches URL …")
    // does not. A bare string is shown as it is only if it is a message id or the reader reads
    // English (a library's words); otherwise the general words for its status.
    if (status === 404 && isRouterNotFound(error)) message = t("errors.unknownPage");
    else if (isPageProblem(data))
      message = locale === "en" && data.english ? data.english : t(data.problem.id, data.problem.values);
    else if (typeof data === "string" && data in messages) message = t(data as MessageId);
    else if (typeof data === "string" && data && locale === "en") message = data;
    else if (status < 500) message = t(status === 404 ? "errors.unknownPage" : "errors.refused");
  }
  // In the browser only: on the server, entry.server's handleError has logged it already.
  if (status >= 500 && !isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">{t("errors.status", { status })}</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{t(TITLES[status] ?? "errors.title.other")}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <Link
        to="/"
        className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("errors.backHome")}
      </Link>
    </div>
  );
}
