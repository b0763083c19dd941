// /api/v1/orders shapes: the list and detail in JSON, customer-visible fields only, with the
// same filters as the portal (an embed token's fixed filters replace the request's for their keys).
import type { ApiPrincipal } from "../api/principal.server";
import { apiJson } from "../api/respond.server";
import { problems } from "../http/problem.server";
import { getOrderDetail } from "./detail.server";
import { API_MAX_LIMIT, orderListResponseSchema, orderResponseSchema } from "./api-schema";
import { BadCursorError, listOrders, parseOrderParams } from "./list.server";

function readerOf(p: ApiPrincipal) {
  return { db: p.db, tenant: { id: p.tenant.id, timeZone: p.tenant.timeZone } };
}

export async function apiListOrders(p: ApiPrincipal, params: URLSearchParams): Promise<Response> {
  const parsed = parseOrderParams(params, { fixedFilters: p.fixedFilters, maxLimit: API_MAX_LIMIT });
  if (!parsed.ok) {
    return problems.badRequest(Object.values(parsed.errors).join(" "), { errors: parsed.errors });
  }
  try {
    const page = await listOrders(readerOf(p), parsed.query);
    return apiJson(orderListResponseSchema, {
      data: page.rows,
      page: { next: page.next, prev: page.prev, limit: parsed.query.limit },
      timeZone: p.tenant.timeZone,
    });
  } catch (err) {
    if (err instanceof BadCursorError) return problems.badRequest(err.message, { errors: { cursor: err.message } });
    throw err;
  }
}

export async function apiGetOrder(p: ApiPrincipal, id: string): Promise<Response> {
  const order = await getOrderDetail(readerOf(p), id);
  if (!order) return problems.notFound("There is no order with that id.");
  // A pinned filter (e.g. an embed token for one site) also limits single-order reads.
  const pinned = p.fixedFilters;
  if (pinned.site?.length && !pinned.site.map((s) => s.toLowerCase()).includes(order.siteId)) {
    return problems.notFound("There is no order with that id.");
  }
  if (pinned.status?.length && !pinned.status.includes(order.status))
    return problems.notFound("There is no order with that id.");
  if (pinned.priority?.length && !pinned.priority.includes(order.priority))
    return problems.notFound("There is no order with that id.");
  return apiJson(orderResponseSchema, { data: order, timeZone: p.tenant.timeZone });
}
