// /sla — the SLA scorecard of the account (UI in app/components/sla/sla-page.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { SlaPage } from "#app/components/sla/sla-page";
import { requireAccount } from "#app/server/auth/guards.server";
import { loadSlaPage } from "#app/server/sla/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  return loadSlaPage(ctx, new URL(request.url));
}

export default function SlaRoute() {
  return <SlaPage />;
}

export const meta: MetaFunction = () => [{ title: "Service levels · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
