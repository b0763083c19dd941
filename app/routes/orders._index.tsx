import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/meta";
import { OrderListPage } from "../components/orders/list-page";
import { COLUMNS_COOKIE, parseHiddenColumns } from "../components/orders/order-list";
import { requireAccount } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { readCookie } from "../server/http/cookies.server";
import { handleViewAction, loadOrderListPage } from "../server/orders/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const { status, data: page } = await loadOrderListPage(ctx, new URL(request.url));
  const hiddenColumns = parseHiddenColumns(readCookie(request, COLUMNS_COOKIE));
  return data({ ...page, hiddenColumns }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAccount(request);
  assertSameOrigin(request);
  const result = await handleViewAction(ctx, await request.formData());
  if (result.ok && result.redirectTo) throw redirect(result.redirectTo);
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function OrdersIndex() {
  return <OrderListPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>() ?? null} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orders.list.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
