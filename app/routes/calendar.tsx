// /calendar — the business calendar SLA figures are computed with, read-only, for every customer
// user (viewers included) and staff in an opened account. Admins edit it at /settings/calendar.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CalendarView } from "#app/components/calendar/calendar-view";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { loadCalendarPage } from "#app/server/calendar/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  return loadCalendarPage(ctx, new URL(request.url).searchParams);
}

export default function CalendarPage() {
  return <CalendarView data={useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendar.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
