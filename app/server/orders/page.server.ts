// What the order list page needs in one call: the parsed URL state, one page of rows, status chip
// counts, the filter panel's sites and the person's saved views; and the saved-view actions.
import { localized, type Localized } from "#app/i18n/localized";
import { redirect } from "@remix-run/node";
import { emptyFilters, queryToParams, type OrderFilters, type SortDir, type SortKey } from "#app/domain/orders/query";
import type { AccountContext } from "../auth/guards.server";
import {
  BadCursorError,
  listOrders,
  listSites,
  parseOrderParams,
  statusCounts,
  type OrderListRow,
  type SiteOption,
  type StatusCounts,
} from "./list.server";
import type { OrderMissView } from "#app/domain/sla/order-facts";
import { attentionCounts, type AttentionCounts } from "./attention.server";
import { withTenant } from "../tenant-db.server";
import { deleteView, listViews, saveView, updateView, viewOwnerOf, type SavedView } from "./views.server";

/** The fields one row of the page shows (the rest of OrderListRow would only weigh the HTML down). */
export type OrderPageRow = Pick<
  OrderListRow,
  | "id"
  | "orderNumber"
  | "customerPo"
  | "siteName"
  | "siteCode"
  | "status"
  | "priority"
  | "orderedAt"
  | "requestedDate"
  | "promisedDate"
  | "predictedDate"
  | "deliveredAt"
  | "currency"
  | "value"
  | "lateState"
  | "atRisk"
> & { miss?: OrderMissView };

function pageRow(r: OrderListRow): OrderPageRow {
  return {
    id: r.id,
    orderNumber: r.orderNumber,
    customerPo: r.customerPo,
    siteName: r.siteName,
    siteCode: r.siteCode,
    status: r.status,
    priority: r.priority,
    orderedAt: r.orderedAt,
    requestedDate: r.requestedDate,
    promisedDate: r.promisedDate,
    predictedDate: r.predictedDate,
    deliveredAt: r.deliveredAt,
    currency: r.currency,
    value: r.value,
    lateState: r.lateState,
    atRisk: r.atRisk,
    // Only measured misses carry a reason; leaving the key out keeps 50 rows of nulls out of the page.
    ...(r.sla.missReason
      ? {
          miss: {
            reason: r.sla.missReason,
            lateBusinessMinutes: r.sla.lateBusinessMinutes,
            linesShort: r.sla.lines.ordered - r.sla.lines.inFull,
            linesOrdered: r.sla.lines.ordered,
          },
        }
      : {}),
  };
}

export interface OrderListPageData {
  errors: Record<string, string> | null;
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  /** Canonical filter + sort query string (no cursor): saved views, export link, live refresh. */
  query: string;
  rows: OrderPageRow[];
  next: string | null;
  prev: string | null;
  counts: StatusCounts | null;
  /** The account's "needs attention" counts (whole account, not the filters in force). */
  attention: AttentionCounts;
  sites: SiteOption[];
  views: SavedView[];
  activeViewId: string | null;
  timeZone: string;
  canSave: boolean;
}

/** The page's reads (views, sites, attention, rows, counts) share one transaction and snapshot. */
export function loadOrderListPage(ctx: AccountContext, url: URL): Promise<{ status: number; data: OrderListPageData }> {
  return withTenant(ctx.db, () => readOrderListPage(ctx, url));
}

async function readOrderListPage(ctx: AccountContext, url: URL): Promise<{ status: number; data: OrderListPageData }> {
  const reader = { db: ctx.db, tenant: ctx.tenant };
  const owner = viewOwnerOf(ctx);
  const views = await listViews(owner);
  const params = url.searchParams;
  // A bare /orders opens the person's default view, if they have one.
  const defaultView = views.find((v) => v.isDefault);
  if ([...params.keys()].length === 0 && defaultView) {
    throw redirect(`/orders?${defaultView.query ? `${defaultView.query}&` : ""}view=${defaultView.id}`);
  }
  const viewParam = params.get("view");
  const activeViewId = views.some((v) => v.id === viewParam) ? viewParam : null;
  const sites = await listSites(reader);
  const attention = await attentionCounts(reader);
  const base = {
    sites,
    attention,
    views,
    activeViewId,
    timeZone: ctx.tenant.timeZone,
    canSave: true,
  };
  const parsed = parseOrderParams(params);
  if (!parsed.ok) {
    return {
      status: 400,
      data: {
        ...base,
        errors: parsed.errors,
        filters: emptyFilters(),
        sort: "ordered",
        dir: "desc",
        query: "",
        rows: [],
        next: null,
        prev: null,
        counts: null,
      },
    };
  }
  const q = parsed.query;
  try {
    const page = await listOrders(reader, q);
    const counts = await statusCounts(reader, q.filters);
    return {
      status: 200,
      data: {
        ...base,
        errors: null,
        filters: q.filters,
        sort: q.sort,
        dir: q.dir,
        query: queryToParams(q).toString(),
        rows: page.rows.map(pageRow),
        next: page.next,
        prev: page.prev,
        counts,
      },
    };
  } catch (err) {
    if (!(err instanceof BadCursorError)) throw err;
    return {
      status: 400,
      data: {
        ...base,
        errors: { cursor: err.message },
        filters: q.filters,
        sort: q.sort,
        dir: q.dir,
        query: queryToParams(q).toString(),
        rows: [],
        next: null,
        prev: null,
        counts: null,
      },
    };
  }
}

export type ViewActionResult =
  { ok: true; message: Localized; redirectTo?: string } | { ok: false; errors: Record<string, string> };

/** The saved-view form actions of the list page (intent = save | default | alerts | delete). */
export async function handleViewAction(ctx: AccountContext, form: FormData): Promise<ViewActionResult> {
  const owner = viewOwnerOf(ctx);
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("viewId") ?? "");
  const on = form.get("value") === "on" || form.get("value") === "1" || form.get("value") === "true";
  switch (intent) {
    case "save": {
      const r = await saveView(owner, {
        name: String(form.get("name") ?? ""),
        query: String(form.get("query") ?? ""),
        isDefault: form.get("isDefault") === "on",
        alerts: form.get("alerts") === "on",
      });
      if (!r.ok) return r;
      return {
        ok: true,
        message: localized("orders.views.saved", { name: r.view.name }),
        redirectTo: `/orders?${r.view.query ? `${r.view.query}&` : ""}view=${r.view.id}`,
      };
    }
    case "default":
      return (await updateView(owner, id, { isDefault: on }))
        ? { ok: true, message: localized(on ? "orders.views.nowDefault" : "orders.views.noLongerDefault") }
        : { ok: false, errors: { view: "orders.views.gone" } };
    case "alerts":
      return (await updateView(owner, id, { alerts: on }))
        ? {
            ok: true,
            message: localized(on ? "orders.views.alertsNowOn" : "orders.views.alertsNowOff"),
          }
        : { ok: false, errors: { view: "orders.views.gone" } };
    case "delete":
      return (await deleteView(owner, id))
        ? { ok: true, message: localized("orders.views.deleted"), redirectTo: "/orders?all=1" }
        : { ok: false, errors: { view: "orders.views.gone" } };
    default:
      return { ok: false, errors: { view: "orders.views.badRequest" } };
  }
}
