// Leads: open escalations per owner and per account, by severity, with those breaching soon or
// breached; every number links to the queue filtered to exactly those escalations.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { WorkloadPage } from "../components/staff/workload-page";
import { pageTitle } from "../i18n/meta";
import { requireStaff } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { workload } from "../server/escalations/workload.server";
import { pageProblem } from "#app/i18n/page-problem";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "support_lead");
  const actor = actorFor(staff, request);
  if (actor.kind !== "staff") throw pageProblem(403, "errors.staffOnly");
  return workload(actor);
}

export default function Workload() {
  return <WorkloadPage {...useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.workload.title");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
