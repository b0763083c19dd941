// The order list: one page of customer-visible columns for a filter, keyset-paged, plus the status
// chip counts and the site list for the filter panel. Every read goes through withTenant with the
// caller's TenantContext (portal_customer, or portal_staff viewing one account).
import { sql, type SQL } from "drizzle-orm";
import { parseOrderQuery, type OrderFilters, type OrderQuery, type ParseResult } from "#app/domain/orders/query";
import { ORDER_STATUSES, type OrderStatus } from "#app/domain/orders/statuses";
import { orderSlaFacts, type OrderSlaFacts } from "#app/domain/sla/order-facts";
import { localToday } from "#app/domain/orders/time";
import { withTenant, type TenantContext, type Tx } from "#app/server/tenant-db.server";
import type { OrderListRow } from "./api-schema";
import { CountCache } from "./count-cache.server";
import { decodeCursor, encodeCursor } from "./cursor.server";
import {
  atRiskExpr,
  filterConditions,
  flip,
  keysetCondition,
  lateDeliveredExpr,
  lateOpenExpr,
  o,
  orderBy,
  SORT_SQL,
  st,
  asFloat,
  asText,
  isoText,
  plain,
  selectList,
  type RowOf,
  whereClause,
  type OrderScope,
} from "./sql.server";

/** The caller: their TenantContext and their tenant (id and zone). */
export interface OrderReader {
  db: TenantContext;
  tenant: { id: string; timeZone: string };
}

/** One row of the list: the API's OrderSummary (typed by its zod schema, ./api-schema.ts). */
export type { OrderListRow };

export interface OrderPage {
  rows: OrderListRow[];
  /** Cursor of the next page, null on the last page. */
  next: string | null;
  /** Cursor of the previous page, null on the first page. */
  prev: string | null;
}

export class BadCursorError extends Error {
  constructor() {
    super("That page link is not valid any more; start from the first page.");
  }
}

export function scopeOf(reader: OrderReader, now: Date = new Date()): OrderScope {
  return {
    tenantId: reader.tenant.id,
    timeZone: reader.tenant.timeZone,
    today: localToday(reader.tenant.timeZone, now),
  };
}

/**
 * Parses the query string, with an embed token's fixed filters (e.g. one site) replacing whatever
 * the request said for those keys, so a pinned filter can only ever narrow.
 */
export function parseOrderParams(
  params: URLSearchParams,
  opts: { fixedFilters?: Record<string, string[]>; maxLimit?: number } = {},
): ParseResult {
  const p = new URLSearchParams(params);
  for (const [key, values] of Object.entries(opts.fixedFilters ?? {})) {
    p.delete(key);
    for (const v of values) p.append(key, v);
  }
  return parseOrderQuery(p, { maxLimit: opts.maxLimit });
}

/**
 * Customer-visible columns only: never cost, margin, internal_notes or unit_cost. Each key is the
 * column's name in the result (`select … as "orderNumber"`), and RawListRow is inferred from it.
 */
function listColumnMap(scope: OrderScope) {
  return {
    id: asText<string>(o.id),
    orderNumber: plain(o.orderNumber),
    customerPo: plain(o.customerPo),
    siteId: asText<string>(o.siteId),
    siteCode: plain(st.code),
    siteName: plain(st.name),
    status: plain(o.status),
    statusAt: isoText<string>(o.statusAt),
    holdReason: plain(o.holdReason),
    priority: plain(o.priority),
    orderedAt: isoText<string>(o.orderedAt),
    requestedDate: asText<string | null>(o.requestedDate),
    promisedDate: asText<string | null>(o.promisedDate),
    predictedDate: asText<string | null>(o.predictedDate),
    shippedAt: isoText<string | null>(o.shippedAt),
    deliveredAt: isoText<string | null>(o.deliveredAt),
    carrier: plain(o.carrier),
    trackingNumber: plain(o.trackingNumber),
    currency: plain(o.currency),
    value: asText<string>(o.value),
    lateState: sql<"open" | "delivered" | null>`case when coalesce(${lateOpenExpr(scope)}, false) then 'open'
      when coalesce(${lateDeliveredExpr(scope)}, false) then 'delivered' end`,
    atRisk: sql<boolean>`coalesce(${atRiskExpr(scope)}, false)`,
    updatedAt: isoText<string>(o.updatedAt),
    // The stored metric columns behind OrderListRow.sla.
    metricsVersion: plain(o.metricsVersion),
    measurable: plain(o.measurable),
    onTime: plain(o.onTime),
    inFull: plain(o.inFull),
    otif: plain(o.otif),
    unitsOrdered: asFloat(o.unitsOrdered),
    unitsShipped: asFloat(o.unitsShipped),
    linesOrdered: plain(o.linesOrdered),
    linesFilled: plain(o.linesFilled),
    linesInFull: plain(o.linesInFull),
    leadTimeMinutes: plain(o.leadTimeMinutes),
    lateMinutes: plain(o.lateMinutes),
    fiscalYear: plain(o.fiscalYear),
    fiscalQuarter: plain(o.fiscalQuarter),
    fiscalPeriod: plain(o.fiscalPeriod),
    fiscalWeek: plain(o.fiscalWeek),
  };
}

type ListColumnMap = ReturnType<typeof listColumnMap>;

/** One row of the list query, as the database returns it (plus the keyset position of batches). */
export type RawListRow = RowOf<ListColumnMap> & { sort_value: string };

/** The select list of the order queries (`from orders o join sites st`). */
export function listColumns(scope: OrderScope): SQL {
  return selectList(listColumnMap(scope));
}

function slaOf(r: RawListRow): OrderSlaFacts {
  return orderSlaFacts({
    status: r.status,
    promisedDate: r.promisedDate,
    deliveredAt: r.deliveredAt,
    calendarVersion: r.metricsVersion,
    measurable: r.measurable,
    onTime: r.onTime,
    inFull: r.inFull,
    otif: r.otif,
    unitsOrdered: r.unitsOrdered,
    unitsShipped: r.unitsShipped,
    linesOrdered: r.linesOrdered,
    linesFilled: r.linesFilled,
    linesInFull: r.linesInFull,
    leadTimeMinutes: r.leadTimeMinutes,
    lateMinutes: r.lateMinutes,
    fiscalYear: r.fiscalYear,
    fiscalQuarter: r.fiscalQuarter,
    fiscalPeriod: r.fiscalPeriod,
    fiscalWeek: r.fiscalWeek,
  });
}

export function toListRow(r: RawListRow): OrderListRow {
  return {
    id: r.id,
    orderNumber: r.orderNumber,
    customerPo: r.customerPo,
    siteId: r.siteId,
    siteCode: r.siteCode,
    siteName: r.siteName,
    status: r.status,
    statusAt: r.statusAt,
    holdReason: r.holdReason,
    priority: r.priority,
    orderedAt: r.orderedAt,
    requestedDate: r.requestedDate,
    promisedDate: r.promisedDate,
    predictedDate: r.predictedDate,
    shippedAt: r.shippedAt,
    deliveredAt: r.deliveredAt,
    carrier: r.carrier,
    trackingNumber: r.trackingNumber,
    currency: r.currency,
    value: r.value,
    late: r.lateState !== null,
    lateState: r.lateState,
    atRisk: r.atRisk === true,
    updatedAt: r.updatedAt,
    sla: slaOf(r),
  };
}

/** The SQL of one keyset batch (exported for the query-plan test). */
export function batchSql(
  scope: OrderScope,
  query: Pick<OrderQuery, "filters" | "sort" | "dir">,
  position: { value: string; id: string; before: boolean } | null,
  limit: number,
): SQL {
  const conditions = filterConditions(query.filters, scope);
  if (position) conditions.push(keysetCondition(query.sort, query.dir, position.value, position.id, position.before));
  const readDir = position?.before ? flip(query.dir) : query.dir;
  const expr = SORT_SQL[query.sort].expr;
  // The inner query finds the page's ids in index order and stops at the limit; only those rows
  // are joined back for the display columns (late/at-risk, formatted times, site).
  return sql`
    select ${listColumns(scope)}, p.sort_value
    from (
      select ${o.id}, ${expr} as sort_key, ${expr}::text as sort_value
      from orders o
      where ${whereClause(conditions)}
      order by ${orderBy(query.sort, readDir)}
      limit ${limit}
    ) p
    join orders o on ${o.tenantId} = ${scope.tenantId}::uuid and ${o.id} = p.id
    join sites st on ${st.tenantId} = ${o.tenantId} and ${st.id} = ${o.siteId}
    order by ${orderBy(query.sort, readDir, { key: sql`p.sort_key`, id: sql`p.id` })}`;
}

/** One keyset batch: rows after/before a position, in the query's order. Used by the page and the export. */
export async function fetchBatch(
  tx: Tx,
  scope: OrderScope,
  query: Pick<OrderQuery, "filters" | "sort" | "dir">,
  position: { value: string; id: string; before: boolean } | null,
  limit: number,
): Promise<RawListRow[]> {
  const r = await tx.execute<RawListRow>(batchSql(scope, query, position, limit));
  const rows = r.rows;
  return position?.before ? rows.reverse() : rows;
}

/** One page of the list. Throws BadCursorError for a cursor that does not fit the query. */
export async function listOrders(reader: OrderReader, query: OrderQuery, now: Date = new Date()): Promise<OrderPage> {
  const scope = scopeOf(reader, now);
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : null;
  if (query.cursor && !cursor) throw new BadCursorError();
  const rows = await withTenant(reader.db, (tx) => fetchBatch(tx, scope, query, cursor, query.limit + 1));
  const more = rows.length > query.limit;
  // Reading backwards, the extra row is the first one; forwards, the last one.
  const page = more ? (cursor?.before ? rows.slice(1) : rows.slice(0, query.limit)) : rows;
  const first = page[0];
  const last = page[page.length - 1];
  const mk = (r: RawListRow, before: boolean) =>
    encodeCursor({ sort: query.sort, dir: query.dir, value: r.sort_value, id: r.id, before });
  const hasNext = cursor?.before ? true : more;
  const hasPrev = cursor ? (cursor.before ? more : true) : false;
  return {
    rows: page.map(toListRow),
    next: hasNext && last ? mk(last, false) : null,
    prev: hasPrev && first ? mk(first, true) : null,
  };
}

export type StatusCounts = Record<OrderStatus, number>;

/** 15 s: counts follow every event at once; clock-driven flags (late, at risk) within 15 s. */
const countCache = new CountCache<StatusCounts>({ ttlMs: 15_000, maxEntries: 2_000 });

/** How many orders of each status match the filters (ignoring the status filter itself). */
export async function statusCounts(
  reader: OrderReader,
  filters: OrderFilters,
  now: Date = new Date(),
): Promise<StatusCounts> {
  const scope = scopeOf(reader, now);
  const key = `${scope.tenantId}|${scope.today}|${JSON.stringify({ ...filters, status: [] })}`;
  return withTenant(reader.db, async (tx) => {
    // The account's event sequence: a new order or a status change always appends an event.
    const version = await tx.execute<{ last: string | number }>(
      sql`select coalesce(max(seq), 0) as last from order_events where tenant_id = ${scope.tenantId}::uuid`,
    );
    const seq = Number(version.rows[0]?.last ?? 0);
    return countCache.getOrCompute(key, seq, async () => {
      const r = await tx.execute<{ status: string; n: number }>(sql`
        select ${o.status}, count(*)::int as n from orders o
        where ${whereClause(filterConditions(filters, scope, { withoutStatus: true }))}
        group by ${o.status}`);
      const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as StatusCounts;
      for (const row of r.rows) if (row.status in counts) counts[row.status as OrderStatus] = Number(row.n);
      return counts;
    });
  });
}

export interface SiteOption {
  id: string;
  code: string;
  name: string;
  city: string;
}

export async function listSites(reader: OrderReader): Promise<SiteOption[]> {
  const r = await withTenant(reader.db, (tx) =>
    tx.execute<{ id: string; code: string; name: string; city: string }>(sql`
      select id::text as id, code, name, city from sites where tenant_id = ${reader.tenant.id}::uuid order by name`),
  );
  return r.rows;
}
