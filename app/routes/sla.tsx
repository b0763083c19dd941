// /sla — the SLA scorecard of the account (UI in app/components/sla/sla-page.tsx), with
// satisfaction and escalation response per fiscal period beside it (app/components/joint/).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { SatisfactionByPeriod } from "#app/components/joint/satisfaction-by-period";
import { SlaPage } from "#app/components/sla/sla-page";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { satisfactionTrend } from "#app/server/joint/satisfaction-trend.server";
import { loadSlaPage } from "#app/server/sla/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const page = await loadSlaPage(ctx, new URL(request.url));
  const satisfaction = await satisfactionTrend(ctx.db, ctx.tenant, page.scorecard.trend);
  return { ...page, satisfaction };
}

export default function SlaRoute() {
  const { satisfaction } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <SlaPage />
      <SatisfactionByPeriod points={satisfaction} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sla.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
