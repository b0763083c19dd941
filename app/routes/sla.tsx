// /sla — the SLA scorecard of the account (UI in app/components/sla/sla-page.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { SlaPage } from "#app/components/sla/sla-page";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { loadSlaPage } from "#app/server/sla/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  return loadSlaPage(ctx, new URL(request.url));
}

export default function SlaRoute() {
  return <SlaPage />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sla.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
