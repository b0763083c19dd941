// /sla — the SLA scorecard of the account (UI in app/components/sla/sla-page.tsx), with
// satisfaction and escalation response per fiscal period beside it (app/components/joint/).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { RecoveryPlans } from "#app/components/joint/recovery-plans";
import { SatisfactionByPeriod } from "#app/components/joint/satisfaction-by-period";
import { SlaPage } from "#app/components/sla/sla-page";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { listRecoveryPlans } from "#app/server/joint/recovery-plans.server";
import { satisfactionTrend } from "#app/server/joint/satisfaction-trend.server";
import { loadSlaPage } from "#app/server/sla/page.server";
import { withTenant } from "#app/server/tenant-db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  // One transaction for the page: the services below join it (one snapshot, one calendar read).
  return withTenant(ctx.db, async (tx) => {
    const page = await loadSlaPage(ctx, new URL(request.url));
    const satisfaction = await satisfactionTrend(ctx.db, ctx.tenant, page.scorecard.trend);
    // Published recovery plans still open (RLS: customers read published rows of their account only).
    const recoveryPlans = await listRecoveryPlans(tx, ctx.tenant);
    return { ...page, satisfaction, recoveryPlans };
  });
}

export default function SlaRoute() {
  const { satisfaction, recoveryPlans } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <SlaPage notices={<RecoveryPlans plans={recoveryPlans} />} />
      <SatisfactionByPeriod points={satisfaction} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sla.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
