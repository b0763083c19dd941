// /staff/recurring — recurring failures: resolved escalations per fiscal period of each account,
// by root cause, site and carrier, each count linking to its queue list
// (UI in app/components/joint/recurring-report.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { RecurringReportView } from "#app/components/joint/recurring-report";
import { isRootCause } from "#app/domain/joint/root-causes";
import { pageTitle } from "#app/i18n/meta";
import { requireStaff } from "#app/server/auth/guards.server";
import { RECURRING_PERIODS, recurringReport } from "#app/server/joint/recurring.server";
import { visibleAccounts } from "#app/server/staff/accounts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const n = Number(url.searchParams.get("periods") ?? "6");
  const periods = RECURRING_PERIODS.find((p) => p === n) ?? 6;
  const accounts = (await visibleAccounts(staff)).map((a) => ({ id: a.id, name: a.name }));
  const tenant = url.searchParams.get("tenant") ?? "";
  const tenantId = accounts.some((a) => a.id === tenant) ? tenant : null;
  const c = url.searchParams.get("cause");
  const cause = c === "none" || isRootCause(c) ? c : null;
  const report = await recurringReport(staff, { periods, tenantId, cause });
  return { report, accounts };
}

export default function StaffRecurring() {
  const { report, accounts } = useLoaderData<typeof loader>();
  return <RecurringReportView report={report} accounts={accounts} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "joint.recurring.title");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
