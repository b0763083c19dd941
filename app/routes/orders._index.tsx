import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { OrderFilterPanel, StatusChips } from "../components/orders/filters";
import { OrderResults } from "../components/orders/order-table";
import { SavedViewsBar } from "../components/orders/saved-views";
import { useLiveOrders } from "../components/orders/use-live-orders";
import { LiveIndicator } from "../components/live";
import { Alert, PageHeader } from "../components/ui";
import { requireAccount } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { handleViewAction, loadOrderListPage } from "../server/orders/page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const { status, data: page } = await loadOrderListPage(ctx, new URL(request.url));
  return data(page, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAccount(request);
  assertSameOrigin(request);
  const result = await handleViewAction(ctx, await request.formData());
  if (result.ok && result.redirectTo) throw redirect(result.redirectTo);
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function OrdersIndex() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/orders";
  const [params] = useSearchParams();
  const firstPage = !params.get("cursor");
  // A change to a visible order reloads the page (the row updates in place and flashes); on the
  // first page any change may bring a new or newly matching order in.
  const { highlighted, state } = useLiveOrders(
    (orderId) => firstPage || page.rows.some((r) => r.id === orderId),
    page.rows,
  );
  const exportHref = `/orders/export.csv${page.query ? `?${page.query}` : ""}`;
  return (
    <div>
      <PageHeader
        title="Orders"
        description={`Every order, where it stands right now. Dates are in your time zone (${page.timeZone}).`}
        actions={
          <>
            <LiveIndicator state={state} className="self-center" />
            <a
              href={exportHref}
              download
              className="inline-flex items-center rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              Export CSV
            </a>
          </>
        }
      />
      <SavedViewsBar
        views={page.views}
        activeViewId={page.activeViewId}
        query={page.query}
        actionData={actionData ?? null}
      />
      {page.errors ? (
        <div className="mb-4">
          <Alert>
            <p className="font-medium">Some filters could not be used:</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(page.errors).map(([k, v]) => (
                <li key={k}>{v}</li>
              ))}
            </ul>
            <p className="mt-2">
              <Link to="/orders?all=1" className="font-medium underline">
                Clear filters
              </Link>
            </p>
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <OrderFilterPanel
          filters={page.filters}
          sort={page.sort}
          dir={page.dir}
          sites={page.sites}
          errors={page.errors ?? {}}
          busy={navigation.state !== "idle"}
        />
        <div className="min-w-0">
          {page.counts ? (
            <StatusChips filters={page.filters} sort={page.sort} dir={page.dir} counts={page.counts} />
          ) : null}
          <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
            <p className="sr-only" role="status" aria-live="polite">
              {loading ? "Loading orders…" : ""}
            </p>
            <OrderResults page={page} highlighted={highlighted} />
          </div>
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Orders · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
