// SQL building blocks for the order list, counts, export and delay alerts. Everything here is
// written to stay on an index under RLS: the tenant is repeated explicitly (tenant_id leads every
// index), text search is a prefix RANGE on "C"-collated columns (LIKE is not leakproof and would
// be evaluated after the policy), and sorting is keyset-friendly (sort expression, id).
import { sql, type GetColumnData, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { orderLines, orders, shipments, sites } from "#db/schema/index";
import {
  prefixUpperBound,
  type DateField,
  type DueFilter,
  type LateFilter,
  type OrderFilters,
  type SortDir,
  type SortKey,
} from "#app/domain/orders/query";
import { FINAL_STATUSES } from "#app/domain/orders/statuses";
import { endOfLocalDayExclusive, startOfLocalDay } from "#app/domain/orders/time";

/** Who is asking and where "today" is: the inputs every order query needs beside the filters. */
export interface OrderScope {
  tenantId: string;
  timeZone: string;
  /** Today's local date in the tenant's zone (YYYY-MM-DD). */
  today: string;
}

/**
 * The orders table as the order queries name it (`from orders o`): `${o.promisedDate}` renders
 * "o"."promised_date", so a renamed or mistyped column fails to compile.
 */
export const o = alias(orders, "o");

/** An instant as ISO text (`2026-11-03T14:05:00.000Z`). */
export const isoText = <T extends string | null>(col: AnyPgColumn) =>
  sql<T>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A column whose value the driver returns as the schema types it (text, integer, boolean). */
export const plain = <C extends AnyPgColumn>(col: C) => sql<GetColumnData<C>>`${col}`;
/** A uuid, date or numeric column as text (the driver would parse dates and lose nothing else). */
export const asText = <T extends string | null>(col: AnyPgColumn) => sql<T>`${col}::text`;
/** A numeric column as a number (stored metrics are hundredths of a unit: float8 is exact enough). */
export const asFloat = (col: AnyPgColumn) => sql<number | null>`${col}::float8`;

/** A select list of typed expressions, each under its key (`select … as "orderNumber"`). */
export function selectList(columns: Record<string, SQL>): SQL {
  return sql.join(
    Object.entries(columns).map(([name, expr]) => sql`${expr} as ${sql.identifier(name)}`),
    sql`, `,
  );
}

/** The row a selectList returns: each key with its expression's type. */
export type RowOf<C extends Record<string, SQL>> = { [K in keyof C]: C[K] extends SQL<infer T> ? T : never };

/** The order's site as the list queries join it (`join sites st`): `${st.code}` renders "st"."code". */
export const st = alias(sites, "st");

/** ('delivered', 'cancelled'): FINAL_STATUSES written out as literals, so the planner sees the values. */
const OPEN_EXCLUDED = sql.raw(`(${FINAL_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Open: neither delivered nor cancelled. */
export function openExpr(): SQL {
  return sql`${o.status} not in ${OPEN_EXCLUDED}`;
}

/** Late now: an open order whose promised date has passed. */
export function lateOpenExpr(scope: OrderScope): SQL {
  return sql`(${o.status} not in ${OPEN_EXCLUDED} and ${o.promisedDate} < ${scope.today}::date)`;
}

/** Delivered late: delivered on a local day after the promised date. */
export function lateDeliveredExpr(scope: OrderScope): SQL {
  return sql`(${o.deliveredAt} is not null and (${o.deliveredAt} at time zone ${scope.timeZone})::date > ${o.promisedDate})`;
}

/** Late: late now or delivered late. */
export function lateExpr(scope: OrderScope): SQL {
  return sql`(${lateOpenExpr(scope)} or ${lateDeliveredExpr(scope)})`;
}

function lateFilterExpr(late: LateFilter, scope: OrderScope): SQL {
  if (late === "open") return lateOpenExpr(scope);
  if (late === "delivered") return lateDeliveredExpr(scope);
  return lateExpr(scope);
}

/** Open and promised for today ("today") or for today and the next six days ("week"). */
export function dueExpr(due: DueFilter, scope: OrderScope): SQL {
  const last = due === "today" ? scope.today : addDays(scope.today, 6);
  return sql`(${o.status} not in ${OPEN_EXCLUDED} and ${o.promisedDate} >= ${scope.today}::date and ${o.promisedDate} <= ${last}::date)`;
}

/** A local date plus n days (calendar arithmetic on the date alone; no zone involved). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** At risk: open, not yet late, but predicted to arrive after the promised date. */
export function atRiskExpr(scope: OrderScope): SQL {
  return sql`(${o.status} not in ${OPEN_EXCLUDED} and ${o.promisedDate} >= ${scope.today}::date
    and ${o.predictedDate} > ${o.promisedDate})`;
}

function dateRange(field: DateField, from: string | null, to: string | null, scope: OrderScope): SQL[] {
  const out: SQL[] = [];
  if (field === "ordered" || field === "delivered") {
    const col = field === "ordered" ? sql`${o.orderedAt}` : sql`${o.deliveredAt}`;
    if (from) out.push(sql`${col} >= ${startOfLocalDay(from, scope.timeZone).toISOString()}::timestamptz`);
    if (to) out.push(sql`${col} < ${endOfLocalDayExclusive(to, scope.timeZone).toISOString()}::timestamptz`);
  } else {
    const col = field === "requested" ? sql`${o.requestedDate}` : sql`${o.promisedDate}`;
    if (from) out.push(sql`${col} >= ${from}::date`);
    if (to) out.push(sql`${col} <= ${to}::date`);
  }
  return out;
}

/** The tables the search's union reads, under the names its subqueries give them (`from orders so`). */
const so = alias(orders, "so");
const sl = alias(orderLines, "sl");
const sh = alias(shipments, "sh");

/**
 * Order ids whose number, PO, tracking number (order or shipment) or a line's SKU starts with q.
 * A UNION of index range scans, each one tenant-leading; as typed and upper-cased (identifiers
 * are mostly upper case, people type lower case).
 */
function searchExpr(q: string, scope: OrderScope): SQL {
  const variants = [...new Set([q, q.toUpperCase()])];
  const parts: SQL[] = [];
  const tenant = sql`${scope.tenantId}::uuid`;
  // "1040" finds SO-1040…: order numbers also match without their letter prefix, through the
  // stored column order_number_digits and its index (0040).
  if (/^\d/.test(q)) {
    const hi = prefixUpperBound(q);
    parts.push(
      sql`select ${so.id} from orders so where ${so.tenantId} = ${tenant} and ${so.orderNumberDigits} >= ${q} and ${so.orderNumberDigits} < ${hi}`,
    );
  }
  for (const v of variants) {
    const hi = prefixUpperBound(v);
    const range = (col: AnyPgColumn) => sql`${col} >= ${v} and ${col} < ${hi}`;
    parts.push(
      sql`select ${so.id} from orders so where ${so.tenantId} = ${tenant} and ${range(so.orderNumber)}`,
      sql`select ${so.id} from orders so where ${so.tenantId} = ${tenant} and ${range(so.customerPo)}`,
      sql`select ${so.id} from orders so where ${so.tenantId} = ${tenant} and ${range(so.trackingNumber)}`,
      sql`select ${sl.orderId} from order_lines sl where ${sl.tenantId} = ${tenant} and ${range(sl.sku)}`,
      sql`select ${sh.orderId} from shipments sh where ${sh.tenantId} = ${tenant} and ${range(sh.trackingNumber)}`,
    );
  }
  return sql`${o.id} in (${sql.join(parts, sql` union `)})`;
}

/** WHERE conditions for the filters (`o` is the orders alias). Optionally without the status filter (chip counts). */
export function filterConditions(f: OrderFilters, scope: OrderScope, opts: { withoutStatus?: boolean } = {}): SQL[] {
  const c: SQL[] = [sql`${o.tenantId} = ${scope.tenantId}::uuid`];
  if (f.status.length && !opts.withoutStatus)
    c.push(
      sql`${o.status} in (${sql.join(
        f.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.site.length)
    c.push(
      sql`${o.siteId} in (${sql.join(
        f.site.map((s) => sql`${s}::uuid`),
        sql`, `,
      )})`,
    );
  if (f.priority.length)
    c.push(
      sql`${o.priority} in (${sql.join(
        f.priority.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  for (const field of Object.keys(f.dates) as DateField[]) {
    c.push(...dateRange(field, f.dates[field].from, f.dates[field].to, scope));
  }
  if (f.late && f.atRisk) c.push(sql`(${lateFilterExpr(f.late, scope)} or ${atRiskExpr(scope)})`);
  else if (f.late) c.push(lateFilterExpr(f.late, scope));
  else if (f.atRisk) c.push(atRiskExpr(scope));
  if (f.due) c.push(dueExpr(f.due, scope));
  if (f.fiscal) {
    c.push(sql`${o.fiscalYear} = ${f.fiscal.fiscalYear}`);
    if (f.fiscal.granularity === "quarter") c.push(sql`${o.fiscalQuarter} = ${f.fiscal.index}`);
    if (f.fiscal.granularity === "period") c.push(sql`${o.fiscalPeriod} = ${f.fiscal.index}`);
    if (f.fiscal.granularity === "week") c.push(sql`${o.fiscalWeek} = ${f.fiscal.index}`);
  }
  const metricCol = { otif: sql`${o.otif}`, ontime: sql`${o.onTime}`, infull: sql`${o.inFull}` } as const;
  for (const [name, want] of Object.entries(f.metrics) as [keyof typeof metricCol, "met" | "missed"][]) {
    c.push(sql`${o.measurable} and ${metricCol[name]} = ${want === "met"}`);
  }
  // SLA drill-down (H2): the same predicates the scorecard counts with (app/server/sla/scorecard.server.ts).
  if (f.sla) {
    const { lateOver, lateUpTo } = f.sla;
    if (f.sla.measured || f.sla.fill || f.sla.leadTimeOver !== null || lateOver != null || lateUpTo != null)
      c.push(sql`${o.measurable}`);
    if (f.sla.fill === "short") c.push(sql`${o.linesFilled} < ${o.linesOrdered}`);
    if (f.sla.fill === "full") c.push(sql`${o.linesFilled} >= ${o.linesOrdered}`);
    if (f.sla.leadTimeOver !== null) c.push(sql`${o.leadTimeMinutes} > ${f.sla.leadTimeOver}`);
    if (lateOver != null) c.push(sql`${o.lateMinutes} > ${lateOver}`);
    if (lateUpTo != null) c.push(sql`${o.lateMinutes} <= ${lateUpTo}`);
    // Carriers: exact names (the SLA page's breakdown links), or the orders without one.
    const carriers = f.sla.carrier ?? [];
    const byName = carriers.length
      ? sql`${o.carrier} in (${sql.join(
          carriers.map((x) => sql`${x}`),
          sql`, `,
        )})`
      : null;
    if (byName && f.sla.noCarrier) c.push(sql`(${byName} or ${o.carrier} is null)`);
    else if (byName) c.push(byName);
    else if (f.sla.noCarrier) c.push(sql`${o.carrier} is null`);
  }
  if (f.q) c.push(searchExpr(f.q, scope));
  return c;
}

export function whereClause(conditions: SQL[]): SQL {
  return sql.join(conditions, sql` and `);
}

/** How each sort key orders rows; nullable columns sort as +infinity so keyset comparisons stay total. */
export const SORT_SQL: Record<SortKey, { expr: SQL; cast: SQL; kind: "timestamp" | "date" | "text" }> = {
  ordered: { expr: sql`${o.orderedAt}`, cast: sql`timestamptz`, kind: "timestamp" },
  number: { expr: sql`${o.orderNumber}`, cast: sql`text`, kind: "text" },
  status: { expr: sql`${o.status}`, cast: sql`text`, kind: "text" },
  requested: { expr: sql`coalesce(${o.requestedDate}, 'infinity'::date)`, cast: sql`date`, kind: "date" },
  promised: { expr: sql`coalesce(${o.promisedDate}, 'infinity'::date)`, cast: sql`date`, kind: "date" },
  delivered: {
    expr: sql`coalesce(${o.deliveredAt}, 'infinity'::timestamptz)`,
    cast: sql`timestamptz`,
    kind: "timestamp",
  },
};

/**
 * Direction of the id tie-break. For "ordered" it runs against the main direction so the read
 * matches orders_ordered_idx (tenant_id, ordered_at DESC, id ASC) forwards or backwards and a page
 * is an index range scan that stops at the limit, not a sort of the tenant's orders.
 */
export function idDir(sort: SortKey, dir: SortDir): SortDir {
  return sort === "ordered" ? flip(dir) : dir;
}

export function flip(dir: SortDir): SortDir {
  return dir === "asc" ? "desc" : "asc";
}

const kw = (d: SortDir) => (d === "asc" ? sql`asc` : sql`desc`);

/** ORDER BY for reading in `dir` (the page's direction, or its reverse when paging backwards). */
export function orderBy(
  sort: SortKey,
  dir: SortDir,
  alias: { key: SQL; id: SQL } = { key: SORT_SQL[sort].expr, id: sql`${o.id}` },
): SQL {
  if (sort === "ordered") {
    // Spelled out to match the index's DESC NULLS LAST (read backwards: ASC NULLS FIRST); the
    // columns are NOT NULL, but the planner matches the NULLS clause literally.
    return dir === "desc"
      ? sql`${alias.key} desc nulls last, ${alias.id} asc nulls last`
      : sql`${alias.key} asc nulls first, ${alias.id} desc nulls first`;
  }
  return sql`${alias.key} ${kw(dir)}, ${alias.id} ${kw(idDir(sort, dir))}`;
}

/**
 * Rows strictly after (or, `before`, strictly before) the keyset position (value, id) in the
 * query's order. Written as `key <= v and (key < v or (key = v and id > i))` so the first part is
 * an index condition and the id tie-break may run in either direction.
 */
export function keysetCondition(sort: SortKey, dir: SortDir, value: string, id: string, before: boolean): SQL {
  const s = SORT_SQL[sort];
  const readDir = before ? flip(dir) : dir;
  const readIdDir = idDir(sort, readDir);
  const v = sql`${value}::${s.cast}`;
  const cmp = readDir === "asc" ? sql`>` : sql`<`;
  const cmpEq = readDir === "asc" ? sql`>=` : sql`<=`;
  const idCmp = readIdDir === "asc" ? sql`>` : sql`<`;
  return sql`(${s.expr} ${cmpEq} ${v} and (${s.expr} ${cmp} ${v} or (${s.expr} = ${v} and ${o.id} ${idCmp} ${id}::uuid)))`;
}
