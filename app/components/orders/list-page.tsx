// The order list page, composed: what needs attention, where the list came from (SLA drill-down),
// saved views, search and filters, status chips, the results. The route module only loads and acts.
import { Link, useNavigation, useSearchParams } from "@remix-run/react";
import { filtersToParams, type OrderFilters } from "#app/domain/orders/query";
import { ORDER_STATUSES, type OrderStatus } from "#app/domain/orders/statuses";
import type { Localized } from "#app/i18n/localized";
import { useT, useTMaybe, useFiscalLabel } from "#app/i18n/react";
import { LiveIndicator } from "../live";
import { Alert, PageHeader } from "../ui";
import { AttentionSummary, type AttentionCountsView } from "./attention";
import { DrillBanner, drillParts } from "./drill-banner";
import { OrderFilterPanel, StatusChips, type SiteOptionView } from "./filters";
import { ColumnChooser, OrderResults, useHiddenColumns, type OrderResultsData } from "./order-list";
import { SavedViewsBar, type SavedViewData } from "./saved-views";
import { useLiveOrders } from "./use-live-orders";

export interface OrderListPageView extends OrderResultsData {
  query: string;
  counts: Record<OrderStatus, number> | null;
  attention: AttentionCountsView;
  sites: SiteOptionView[];
  views: SavedViewData[];
  activeViewId: string | null;
}

type ViewActionData = { ok: true; message: Localized } | { ok: false; errors: Record<string, string> } | null;

/** Orders matching the filters (status chips count under every filter but status). */
function matching(counts: Record<OrderStatus, number> | null, f: OrderFilters): number | null {
  if (!counts) return null;
  const statuses: readonly OrderStatus[] = f.status.length ? f.status : ORDER_STATUSES;
  return statuses.reduce<number>((n, s) => n + counts[s], 0);
}

function FilterErrors({ errors }: { errors: Record<string, string> }) {
  const t = useT();
  const tm = useTMaybe();
  return (
    <div className="mb-4">
      <Alert>
        <p className="font-medium">{t("orders.list.filterErrors")}</p>
        <ul className="mt-1 list-disc pl-5">
          {Object.entries(errors).map(([k, v]) => (
            <li key={k}>{tm(v)}</li>
          ))}
        </ul>
        <p className="mt-2">
          <Link to="/orders?all=1" className="font-medium underline">
            {t("orders.list.clearFilters")}
          </Link>
        </p>
      </Alert>
    </div>
  );
}

export function OrderListPage({ page, actionData }: { page: OrderListPageView; actionData: ViewActionData }) {
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/orders";
  const [params] = useSearchParams();
  const firstPage = !params.get("cursor");
  const [hidden, setHidden] = useHiddenColumns(page.hiddenColumns);
  // A change to a visible order reloads the page (the row updates in place and flashes); on the
  // first page any change may bring a new or newly matching order in, and moves the attention counts.
  const { highlighted, state } = useLiveOrders(
    (orderId) => firstPage || page.rows.some((r) => r.id === orderId),
    page.rows,
  );
  const exportHref = `/orders/export.csv${page.query ? `?${page.query}` : ""}`;
  const t = useT();
  const fiscal = useFiscalLabel();
  const drill = drillParts(page.filters, t, fiscal) !== null;
  return (
    <div>
      <PageHeader
        title={t("orders.list.title")}
        description={t("orders.list.description", { timeZone: page.timeZone })}
        actions={
          <>
            <LiveIndicator state={state} className="self-center" />
            <a
              href={exportHref}
              download
              className="inline-flex items-center rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              {t("orders.list.export")}
            </a>
          </>
        }
      />
      {drill ? (
        <DrillBanner
          filters={page.filters}
          sort={page.sort}
          dir={page.dir}
          total={matching(page.counts, page.filters)}
        />
      ) : (
        <AttentionSummary counts={page.attention} current={filtersToParams(page.filters).toString()} />
      )}
      <SavedViewsBar views={page.views} activeViewId={page.activeViewId} query={page.query} actionData={actionData} />
      {page.errors ? <FilterErrors errors={page.errors} /> : null}
      <OrderFilterPanel
        filters={page.filters}
        sort={page.sort}
        dir={page.dir}
        sites={page.sites}
        errors={page.errors ?? {}}
        busy={navigation.state !== "idle"}
        tools={<ColumnChooser hidden={hidden} onChange={setHidden} />}
      />
      {page.counts ? <StatusChips filters={page.filters} sort={page.sort} dir={page.dir} counts={page.counts} /> : null}
      <div aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        <p className="sr-only" role="status" aria-live="polite">
          {loading ? t("orders.list.loading") : ""}
        </p>
        <OrderResults page={page} highlighted={highlighted} hidden={hidden} showMiss={drill} />
      </div>
    </div>
  );
}
