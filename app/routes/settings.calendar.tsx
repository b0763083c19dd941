// Calendar settings (customer admins): the form lives in app/components/calendar/settings-form.tsx;
// saving stores a new calendar version and recomputes SLA figures.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { CalendarSettingsForm } from "#app/components/calendar/settings-form";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { pageTitle } from "#app/i18n/meta";
import { requireCustomer } from "#app/server/auth/guards.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import { requestInfo } from "#app/server/http/request-info.server";
import { calendarAction, loadCalendarSettings } from "#app/server/calendar/settings-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  return loadCalendarSettings(ctx);
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const result = await calendarAction(ctx, requestInfo(request), await request.formData());
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function CalendarSettingsPage() {
  return <CalendarSettingsForm />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendar.settings.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
