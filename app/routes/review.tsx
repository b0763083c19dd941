// /review — the quarterly review pack of the account for one fiscal quarter (?quarter=FY2026-Q3,
// this-quarter or last-quarter; default the last complete one), for its customers and for staff
// in the account they opened. Printable from the browser. UI in
// app/components/joint/quarterly-review-page.tsx, data in app/server/joint/review.server.ts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { QuarterlyReviewPage } from "#app/components/joint/quarterly-review-page";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { loadQuarterlyReview } from "#app/server/joint/review.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const review = await loadQuarterlyReview(ctx, new URL(request.url));
  return { review, account: ctx.tenant.name };
}

export default function ReviewRoute() {
  const { review, account } = useLoaderData<typeof loader>();
  return <QuarterlyReviewPage review={review} account={account} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "joint.quarterly.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
