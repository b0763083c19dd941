// The order list: one page of customer-visible columns for a filter, keyset-paged, plus the status
// chip counts and the site list for the filter panel. Every read goes through withTenant with the
// caller's TenantContext (portal_customer, or portal_staff viewing one account).
import { sql, type SQL } from "drizzle-orm";
import { parseOrderQuery, type OrderFilters, type OrderQuery, type ParseResult } from "#app/domain/orders/query";
import { ORDER_STATUSES, type OrderStatus } from "#app/domain/orders/statuses";
import { orderSlaFacts, type OrderSlaFacts } from "#app/domain/sla/order-facts";
import { localToday } from "#app/domain/orders/time";
import { withTenant, type TenantContext, type Tx } from "#app/server/tenant-db.server";
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
  whereClause,
  type OrderScope,
} from "./sql.server";

/** The caller: their TenantContext and their tenant (id and zone). */
export interface OrderReader {
  db: TenantContext;
  tenant: { id: string; timeZone: string };
}

export interface OrderListRow {
  id: string;
  orderNumber: string;
  customerPo: string | null;
  siteId: string;
  siteCode: string;
  siteName: string;
  status: OrderStatus;
  statusAt: string;
  holdReason: string | null;
  priority: string;
  orderedAt: string;
  requestedDate: string | null;
  promisedDate: string | null;
  predictedDate: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  currency: string;
  value: string;
  late: boolean;
  /** Which kind of late: "open" (late now: open, past the promise) or "delivered" (delivered late). */
  lateState: "open" | "delivered" | null;
  atRisk: boolean;
  updatedAt: string;
  /** Stored SLA facts: measured or why not, fiscal keys, OTIF verdicts, business-time figures. */
  sla: OrderSlaFacts;
}

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

const iso = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Customer-visible columns only: never cost, margin, internal_notes or unit_cost. */
export function listColumns(scope: OrderScope): SQL {
  return sql`${o.id}::text as id, ${o.orderNumber}, ${o.customerPo}, ${o.siteId}::text as site_id, st.code as site_code,
    st.name as site_name, ${o.status}, ${iso(sql`${o.statusAt}`)} as status_at, ${o.holdReason}, ${o.priority},
    ${iso(sql`${o.orderedAt}`)} as ordered_at, ${o.requestedDate}::text as requested_date,
    ${o.promisedDate}::text as promised_date, ${o.predictedDate}::text as predicted_date,
    ${iso(sql`${o.shippedAt}`)} as shipped_at, ${iso(sql`${o.deliveredAt}`)} as delivered_at, ${o.carrier},
    ${o.trackingNumber}, ${o.currency}, ${o.value}::text as value,
    case when coalesce(${lateOpenExpr(scope)}, false) then 'open'
         when coalesce(${lateDeliveredExpr(scope)}, false) then 'delivered' end as late_state,
    coalesce(${atRiskExpr(scope)}, false) as at_risk, ${iso(sql`${o.updatedAt}`)} as updated_at, ${SLA_COLUMNS}`;
}

/** The stored metric columns behind OrderListRow.sla. */
const SLA_COLUMNS = sql`${o.metricsVersion} as m_version, ${o.measurable}, ${o.onTime}, ${o.inFull}, ${o.otif},
    ${o.unitsOrdered}::float8 as m_units_ordered, ${o.unitsShipped}::float8 as m_units_shipped, ${o.linesOrdered},
    ${o.linesFilled}, ${o.linesInFull}, ${o.leadTimeMinutes}, ${o.lateMinutes}, ${o.fiscalYear}, ${o.fiscalQuarter},
    ${o.fiscalPeriod}, ${o.fiscalWeek}`;

interface RawSlaColumns {
  m_version: number | null;
  m_measurable: boolean | null;
  m_on_time: boolean | null;
  m_in_full: boolean | null;
  m_otif: boolean | null;
  m_units_ordered: number | null;
  m_units_shipped: number | null;
  m_lines_ordered: number | null;
  m_lines_filled: number | null;
  m_lines_in_full: number | null;
  m_lead_time_minutes: number | null;
  m_late_minutes: number | null;
  fiscal_year: number | null;
  fiscal_quarter: number | null;
  fiscal_period: number | null;
  fiscal_week: number | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function slaOf(r: RawListRow): OrderSlaFacts {
  return orderSlaFacts({
    status: r.status,
    promisedDate: r.promised_date,
    deliveredAt: r.delivered_at,
    calendarVersion: num(r.m_version),
    measurable: r.m_measurable,
    onTime: r.m_on_time,
    inFull: r.m_in_full,
    otif: r.m_otif,
    unitsOrdered: num(r.m_units_ordered),
    unitsShipped: num(r.m_units_shipped),
    linesOrdered: num(r.m_lines_ordered),
    linesFilled: num(r.m_lines_filled),
    linesInFull: num(r.m_lines_in_full),
    leadTimeMinutes: num(r.m_lead_time_minutes),
    lateMinutes: num(r.m_late_minutes),
    fiscalYear: num(r.fiscal_year),
    fiscalQuarter: num(r.fiscal_quarter),
    fiscalPeriod: num(r.fiscal_period),
    fiscalWeek: num(r.fiscal_week),
  });
}

export interface RawListRow extends Record<string, unknown>, RawSlaColumns {
  id: string;
  order_number: string;
  customer_po: string | null;
  site_id: string;
  site_code: string;
  site_name: string;
  status: OrderStatus;
  status_at: string;
  hold_reason: string | null;
  priority: string;
  ordered_at: string;
  requested_date: string | null;
  promised_date: string | null;
  predicted_date: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  carrier: string | null;
  tracking_number: string | null;
  currency: string;
  value: string;
  late_state: "open" | "delivered" | null;
  at_risk: boolean;
  updated_at: string;
  sort_value: string;
}

export function toListRow(r: RawListRow): OrderListRow {
  return {
    id: r.id,
    orderNumber: r.order_number,
    customerPo: r.customer_po,
    siteId: r.site_id,
    siteCode: r.site_code,
    siteName: r.site_name,
    status: r.status,
    statusAt: r.status_at,
    holdReason: r.hold_reason,
    priority: r.priority,
    orderedAt: r.ordered_at,
    requestedDate: r.requested_date,
    promisedDate: r.promised_date,
    predictedDate: r.predicted_date,
    shippedAt: r.shipped_at,
    deliveredAt: r.delivered_at,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    currency: r.currency,
    value: r.value,
    late: r.late_state !== null,
    lateState: r.late_state,
    atRisk: r.at_risk === true,
    updatedAt: r.updated_at,
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
    join sites st on st.tenant_id = ${o.tenantId} and st.id = ${o.siteId}
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
    const cached = countCache.get(key, seq);
    if (cached) return cached;
    const r = await tx.execute<{ status: string; n: number }>(sql`
      select ${o.status}, count(*)::int as n from orders o
      where ${whereClause(filterConditions(filters, scope, { withoutStatus: true }))}
      group by ${o.status}`);
    const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as StatusCounts;
    for (const row of r.rows) if (row.status in counts) counts[row.status as OrderStatus] = Number(row.n);
    countCache.set(key, seq, counts);
    return counts;
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
