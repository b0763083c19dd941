// CSV export of a filtered order list, streamed: a pull-based stream reads one keyset batch per
// pull, each in its own short withTenant transaction, so 100k rows never sit in memory and the
// database connection is never held while a slow client downloads.
import type { OrderQuery } from "#app/domain/orders/query";
import { csvRow } from "#app/domain/orders/csv";
import { formatLocalDateTime } from "#app/domain/orders/time";
import { withTenant } from "../tenant-db.server";
import { fetchBatch, scopeOf, toListRow, type OrderListRow, type OrderReader } from "./list.server";
import { logger } from "../log.server";

const log = logger("orders");

export const EXPORT_BATCH = 1000;

/** Customer-visible columns only, in this order. */
export const EXPORT_COLUMNS: readonly { header: string; cell: (r: OrderListRow, tz: string) => string | null }[] = [
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
