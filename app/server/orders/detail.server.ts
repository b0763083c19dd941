// One order with its lines, shipments and timeline, customer-visible columns only. An id that is
// not a uuid, does not exist or belongs to another tenant all give null (the caller answers one 404).
import { sql } from "drizzle-orm";
import { withTenant } from "#app/server/tenant-db.server";
import type { OrderDetail, OrderEventView, OrderLineView, ShipmentView } from "./api-schema";
import { listColumns, scopeOf, toListRow, type OrderReader, type RawListRow } from "./list.server";
import { o, st } from "./sql.server";

export type { OrderDetail, OrderEventView, OrderLineView, ShipmentView };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PUBLIC_DETAIL_KEYS = [
  "reason",
  "note",
  "carrier",
  "trackingNumber",
  "sku",
  "expected",
  "signedBy",
  "predictedDate",
];

/** Only http(s) links reach a page, so a source system cannot plant a javascript: URL. */
export function safeTrackingUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    // The URL standard leaves some characters unescaped in queries and fragments (| ^ { } `) that
    // RFC 3986, and so the API document's `format: uri`, does not allow: escape them too.
    return u.href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
  } catch {
    return null;
  }
}

function publicDetail(detail: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!detail || typeof detail !== "object") return out;
  for (const key of PUBLIC_DETAIL_KEYS) {
    const v = (detail as Record<string, unknown>)[key];
    if (typeof v === "string" || typeof v === "number") out[key] = String(v).slice(0, 500);
  }
  return out;
}

export async function getOrderDetail(
  reader: OrderReader,
  orderId: string,
  now: Date = new Date(),
): Promise<OrderDetail | null> {
  if (!UUID_RE.test(orderId)) return null;
  const scope = scopeOf(reader, now);
  const tenant = reader.tenant.id;
  return withTenant(reader.db, async (tx) => {
    const head = await tx.execute<RawListRow>(sql`
      select ${listColumns(scope)}, '' as sort_value
      from orders o join sites st on ${st.tenantId} = ${o.tenantId} and ${st.id} = ${o.siteId}
      where ${o.tenantId} = ${tenant}::uuid and ${o.id} = ${orderId}::uuid`);
    const h = head.rows[0];
    if (!h) return null;
    const lines = await tx.execute<{
      line_no: number;
      sku: string;
      description: string;
      qty_ordered: string;
      qty_shipped: string;
      unit_price: string;
    }>(sql`
      select line_no, sku, description, qty_ordered::text as qty_ordered, qty_shipped::text as qty_shipped,
             unit_price::text as unit_price
      from order_lines where tenant_id = ${tenant}::uuid and order_id = ${orderId}::uuid order by line_no`);
    const ships = await tx.execute<{
      id: string;
      carrier: string;
      tracking_number: string | null;
      tracking_url: string | null;
      status: string;
      shipped_at: string | null;
      delivered_at: string | null;
    }>(sql`
      select id::text as id, carrier, tracking_number, tracking_url, status,
             to_char(shipped_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as shipped_at,
             to_char(delivered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as delivered_at
      from shipments where tenant_id = ${tenant}::uuid and order_id = ${orderId}::uuid order by shipped_at nulls last, id`);
    const events = await tx.execute<{
      seq: string | number;
      type: string;
      occurred_at: string;
      location: string | null;
      detail: unknown;
    }>(sql`
      select seq, type, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
             location, detail
      from order_events where tenant_id = ${tenant}::uuid and order_id = ${orderId}::uuid
      order by occurred_at desc, seq desc limit 500`);
    const row = toListRow(h);
    return {
      ...row,
      otif: row.sla.otif,
      onTime: row.sla.onTime,
      inFull: row.sla.inFull,
      lines: lines.rows.map((l) => {
        const backordered = Math.max(0, Number(l.qty_ordered) - Number(l.qty_shipped));
        return {
          lineNo: Number(l.line_no),
          sku: l.sku,
          description: l.description,
          ordered: l.qty_ordered,
          shipped: l.qty_shipped,
          backordered: h.status === "cancelled" ? "0" : String(backordered),
          unitPrice: l.unit_price,
        };
      }),
      shipments: ships.rows.map((s) => ({
        id: s.id,
        carrier: s.carrier,
        trackingNumber: s.tracking_number,
        trackingUrl: safeTrackingUrl(s.tracking_url),
        status: s.status,
        shippedAt: s.shipped_at,
        deliveredAt: s.delivered_at,
      })),
      events: events.rows.map((e) => ({
        seq: Number(e.seq),
        type: e.type,
        occurredAt: e.occurred_at,
        location: e.location,
        detail: publicDetail(typeof e.detail === "string" ? safeJson(e.detail) : e.detail),
      })),
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
