// The one error boundary every route re-exports: readable messages, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "We could not find that page",
  413: "That upload is too large",
  429: "Too many requests",
  503: "Sightline is briefly unavailable",
};

export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let message = "Something went wrong on our side. Please try again in a moment.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    message = typeof error.data === "string" && error.data ? error.data : error.statusText || message;
  }
  // In the browser only: on the server, entry.server's handleError has logged it already.
  if (status >= 500 && !isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">Error {status}</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{TITLES[status] ?? "Something went wrong"}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <Link
        to="/"
        className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Back to the start page
      </Link>
    </div>
  );
}
