// CSV export of a filtered order list, streamed: a pull-based stream reads one keyset batch per
// pull, each in its own short withTenant transaction, so 100k rows never sit in memory and the
// database connection is never held while a slow client downloads.
import type { OrderQuery } from "#app/domain/orders/query";
import { csvRow } from "#app/domain/orders/csv";
import { formatLocalDateTime } from "#app/domain/orders/time";
import { withTenant } from "#app/server/tenant-db.server";
import { fetchBatch, scopeOf, toListRow, type OrderListRow, type OrderReader } from "./list.server";
import { logger } from "#app/server/log.server";

const log = logger("orders");

export const EXPORT_BATCH = 1000;

type Column = { header: string; cell: (r: OrderListRow, tz: string) => string | null };
const yesNo = (v: boolean | null) => (v === null ? null : v ? "yes" : "no");
const n = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** Each order's stored SLA facts (app/domain/sla/order-facts.ts), so a spreadsheet can re-add the scorecard. */
const SLA_EXPORT_COLUMNS: readonly Column[] = [
  { header: "SLA measured", cell: (r) => yesNo(r.sla.measured) },
  { header: "Not measured because", cell: (r) => r.sla.notMeasuredReason },
  { header: "Fiscal year", cell: (r) => n(r.sla.fiscal?.year) },
  { header: "Fiscal quarter", cell: (r) => n(r.sla.fiscal?.quarter) },
  { header: "Fiscal period", cell: (r) => n(r.sla.fiscal?.period) },
  { header: "Fiscal week", cell: (r) => n(r.sla.fiscal?.week) },
  { header: "On time", cell: (r) => yesNo(r.sla.onTime) },
  { header: "In full", cell: (r) => yesNo(r.sla.inFull) },
  { header: "OTIF", cell: (r) => yesNo(r.sla.otif) },
  { header: "Missed because", cell: (r) => r.sla.missReason },
  { header: "Lead time (business minutes)", cell: (r) => n(r.sla.leadTimeBusinessMinutes) },
  { header: "Late by (business minutes)", cell: (r) => n(r.sla.lateBusinessMinutes) },
  { header: "Units ordered", cell: (r) => n(r.sla.units.ordered) },
  { header: "Units shipped (up to ordered)", cell: (r) => n(r.sla.units.shipped) },
  { header: "Lines ordered", cell: (r) => n(r.sla.lines.ordered) },
  { header: "Lines filled", cell: (r) => n(r.sla.lines.filled) },
  { header: "Lines in full within tolerance", cell: (r) => n(r.sla.lines.inFull) },
  { header: "Calendar version", cell: (r) => n(r.sla.calendarVersion) },
];

/** Customer-visible columns only, in this order. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: "Order number", cell: (r) => r.orderNumber },
  { header: "Customer PO", cell: (r) => r.customerPo },
  { header: "Site", cell: (r) => `${r.siteCode} ${r.siteName}` },
  { header: "Status", cell: (r) => r.status },
  { header: "Priority", cell: (r) => r.priority },
  { header: "Ordered", cell: (r, tz) => formatLocalDateTime(new Date(r.orderedAt), tz) },
  { header: "Requested date", cell: (r) => r.requestedDate },
  { header: "Promised date", cell: (r) => r.promisedDate },
  { header: "Predicted date", cell: (r) => r.predictedDate },
  { header: "Shipped", cell: (r, tz) => (r.shippedAt ? formatLocalDateTime(new Date(r.shippedAt), tz) : null) },
  { header: "Delivered", cell: (r, tz) => (r.deliveredAt ? formatLocalDateTime(new Date(r.deliveredAt), tz) : null) },
  { header: "Late", cell: (r) => (r.late ? "yes" : "no") },
  { header: "At risk", cell: (r) => (r.atRisk ? "yes" : "no") },
  { header: "Carrier", cell: (r) => r.carrier },
  { header: "Tracking number", cell: (r) => r.trackingNumber },
  { header: "Currency", cell: (r) => r.currency },
  { header: "Value", cell: (r) => r.value },
  ...SLA_EXPORT_COLUMNS,
];

export function exportFileName(tenantSlug: string, now: Date = new Date()): string {
  const safe = tenantSlug.replace(/[^a-z0-9-]/gi, "");
  return `orders-${safe}-${now.toISOString().slice(0, 10)}.csv`;
}

/** A byte stream of the whole filtered set as CSV (header first, CRLF rows, UTF-8 BOM for Excel). */
export function exportOrdersCsv(
  reader: OrderReader,
  query: Pick<OrderQuery, "filters" | "sort" | "dir">,
  opts: { batchSize?: number; now?: Date } = {},
): ReadableStream<Uint8Array> {
  const scope = scopeOf(reader, opts.now);
  const tz = reader.tenant.timeZone;
  const batchSize = opts.batchSize ?? EXPORT_BATCH;
  const encoder = new TextEncoder();
  let position: { value: string; id: string; before: boolean } | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(EXPORT_COLUMNS.map((c) => c.header))}`));
          return;
        }
        if (done) return;
        try {
          const rows = await withTenant(reader.db, (tx) => fetchBatch(tx, scope, query, position, batchSize));
          if (rows.length) {
            const last = rows[rows.length - 1];
            position = { value: last.sort_value, id: last.id, before: false };
            let text = "";
            for (const raw of rows) {
              const r = toListRow(raw);
              text += csvRow(EXPORT_COLUMNS.map((c) => c.cell(r, tz)));
            }
            controller.enqueue(encoder.encode(text));
          }
          if (rows.length < batchSize) {
            done = true;
            controller.close();
          }
        } catch (err) {
          log.error({ err }, "order export failed");
          controller.error(err);
        }
      },
    },
    { highWaterMark: 1 },
  );
}
