// /staff/satisfaction — customers' ratings of resolved escalations per account and per agent
// (UI in app/components/joint/ratings-report.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { RatingsReportView } from "#app/components/joint/ratings-report";
import { pageTitle } from "#app/i18n/meta";
import { requireStaff } from "#app/server/auth/guards.server";
import { REPORT_WINDOWS, type ReportWindow } from "#app/domain/joint/satisfaction";
import { ratingsReport } from "#app/server/joint/ratings-report.server";
import { visibleAccounts } from "#app/server/staff/accounts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const days = Number(url.searchParams.get("days") ?? "90");
  const window: ReportWindow = REPORT_WINDOWS.find((d) => d === days) ?? 90;
  const accounts = (await visibleAccounts(staff)).map((a) => ({ id: a.id, name: a.name }));
  const tenant = url.searchParams.get("tenant") ?? "";
  const tenantId = accounts.some((a) => a.id === tenant) ? tenant : null;
  const report = await ratingsReport(staff, { days: window, tenantId });
  return { report, accounts };
}

export default function StaffSatisfaction() {
  const { report, accounts } = useLoaderData<typeof loader>();
  return <RatingsReportView report={report} accounts={accounts} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "joint.staff.title");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
