// Reading order facts and writing computed metrics: shared by the runtime recompute
// (app/server/sla/metrics.server.ts, as portal_ingest) and the demo seed (owner connection). One query reads a
// batch of orders with their lines; one UPDATE ... FROM unnest(<arrays>) writes a batch back, so
// a batch costs two statements with a fixed number of parameters whatever its size.
import { sql, type SQL } from "drizzle-orm";
import {
  computeOrderMetrics,
  type MetricCalendar,
  type MetricPolicy,
  type OrderMetrics,
} from "#app/domain/sla/metrics";
import type { Tx } from "./client";

export const WRITE_CHUNK = 5_000;

export interface MetricsContext {
  calendar: { version: number; metric: MetricCalendar };
  policy: MetricPolicy;
}

export interface FactsRow {
  id: string;
  status: string;
  promisedDate: string | null;
  orderedAt: number;
  shippedAt: number | null;
  deliveredAt: number | null;
  lines: { qtyOrdered: number; qtyShipped: number }[];
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A PostgreSQL array literal of uuids, booleans or numbers, bound as ONE parameter (drizzle would
 * expand a JS array into a row). Only values that need no quoting are accepted.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return `{${values
    .map((v) => {
      if (v === null) return "NULL";
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new Error("arrayLiteral: not a finite number");
        return String(v);
      }
      if (typeof v === "boolean") return v ? "t" : "f";
      if (!UUID_RE.test(v)) throw new Error("arrayLiteral: only uuids may be strings");
      return v;
    })
    .join(",")}}`;
}

type RawFacts = {
  id: string;
  status: string;
  promised: string | null;
  ordered_ms: number;
  shipped_ms: number | null;
  delivered_ms: number | null;
  q_ord: number[] | null;
  q_ship: number[] | null;
};

/**
 * Orders of a tenant matching `where` (on alias `o`), with their lines, ordered by id; `limit`
 * for keyset batches, `lock` to hold the rows until the batch's metrics are written (so a
 * concurrent ingest of the same order waits and stale facts never overwrite fresh figures).
 */
export async function loadFacts(
  tx: Tx,
  tenantId: string,
  where: SQL,
  opts: { limit?: number; lock?: boolean } = {},
): Promise<FactsRow[]> {
  const r = await tx.execute<RawFacts>(sql`
    select o.id::text as id, o.status, o.promised_date::text as promised,
      (extract(epoch from o.ordered_at) * 1000)::float8 as ordered_ms,
      (extract(epoch from o.shipped_at) * 1000)::float8 as shipped_ms,
      (extract(epoch from o.delivered_at) * 1000)::float8 as delivered_ms,
      (select array_agg(l.qty_ordered::float8 order by l.line_no) from order_lines l
        where l.tenant_id = o.tenant_id and l.order_id = o.id) as q_ord,
      (select array_agg(l.qty_shipped::float8 order by l.line_no) from order_lines l
        where l.tenant_id = o.tenant_id and l.order_id = o.id) as q_ship
    from orders o
    where o.tenant_id = ${tenantId}::uuid and ${where}
    order by o.id
    ${opts.limit ? sql`limit ${opts.limit}` : sql``}
    ${opts.lock ? sql`for update of o` : sql``}`);
  return r.rows.map((row) => ({
    id: row.id,
    status: row.status,
    promisedDate: row.promised,
    orderedAt: Number(row.ordered_ms),
    shippedAt: row.shipped_ms === null ? null : Number(row.shipped_ms),
    deliveredAt: row.delivered_ms === null ? null : Number(row.delivered_ms),
    lines: (row.q_ord ?? []).map((q, i) => ({ qtyOrdered: Number(q), qtyShipped: Number(row.q_ship?.[i] ?? 0) })),
  }));
}

export function computeRows(facts: readonly FactsRow[], ctx: MetricsContext): { id: string; m: OrderMetrics }[] {
  return facts.map((f) => ({ id: f.id, m: computeOrderMetrics(f, ctx.calendar.metric, ctx.policy) }));
}

/** Writes computed metrics: one UPDATE ... FROM unnest(...) per chunk. */
export async function writeMetrics(
  tx: Tx,
  tenantId: string,
  version: number,
  rows: readonly { id: string; m: OrderMetrics }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    const col = <T extends string | number | boolean | null>(f: (m: OrderMetrics) => T) =>
      arrayLiteral(chunk.map((r) => f(r.m)));
    await tx.execute(sql`update orders o set
        metrics_calendar_version = ${version}::int,
        m_measurable = v.measurable, m_on_time = v.on_time, m_in_full = v.in_full, m_otif = v.otif,
        m_units_ordered = v.units_ordered, m_units_shipped = v.units_shipped,
        m_lines_ordered = v.lines_ordered, m_lines_filled = v.lines_filled,
        m_lead_time_minutes = v.lead_time, m_lines_in_full = v.lines_in_full, m_late_minutes = v.late,
        fiscal_year = v.fy, fiscal_quarter = v.fq,
        fiscal_period = v.fp, fiscal_week = v.fw
      from unnest(
        ${arrayLiteral(chunk.map((r) => r.id))}::uuid[],
        ${col((m) => m.measurable)}::boolean[], ${col((m) => m.onTime)}::boolean[],
        ${col((m) => m.inFull)}::boolean[], ${col((m) => m.otif)}::boolean[],
        ${col((m) => m.unitsOrdered)}::numeric[], ${col((m) => m.unitsShipped)}::numeric[],
        ${col((m) => m.linesOrdered)}::int[], ${col((m) => m.linesFilled)}::int[],
        ${col((m) => m.leadTimeMinutes)}::int[], ${col((m) => m.linesInFull)}::int[],
        ${col((m) => m.lateMinutes)}::int[],
        ${col((m) => m.fiscal?.fiscalYear ?? null)}::int[], ${col((m) => m.fiscal?.quarter ?? null)}::int[],
        ${col((m) => m.fiscal?.period ?? null)}::int[], ${col((m) => m.fiscal?.week ?? null)}::int[]
      ) as v(id, measurable, on_time, in_full, otif, units_ordered, units_shipped,
        lines_ordered, lines_filled, lead_time, lines_in_full, late, fy, fq, fp, fw)
      where o.tenant_id = ${tenantId}::uuid and o.id = v.id`);
  }
}
