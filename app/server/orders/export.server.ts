// CSV export of a filtered order list, streamed: a pull-based stream reads one keyset batch per
// pull, each in its own short withTenant transaction, so 100k rows never sit in memory and the
// database connection is never held while a slow client downloads.
import type { OrderQuery } from "#app/domain/orders/query";
import { csvRow } from "#app/domain/orders/csv";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "#app/i18n/locales";
import { formatLocalDateTime } from "#app/domain/orders/time";
import { withTenant } from "#app/server/tenant-db.server";
import { fetchBatch, scopeOf, toListRow, type OrderListRow, type OrderReader } from "./list.server";
import { logger } from "#app/server/log.server";

const log = logger("orders");

export const EXPORT_BATCH = 1000;

/** A column: its heading (a catalogue id: headings speak the reader's language, cells are data). */
type Column = { header: MessageId; cell: (r: OrderListRow, tz: string) => string | null };
const yesNo = (v: boolean | null) => (v === null ? null : v ? "yes" : "no");
const n = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** Each order's stored SLA facts (app/domain/sla/order-facts.ts), so a spreadsheet can re-add the scorecard. */
const SLA_EXPORT_COLUMNS: readonly Column[] = [
  { header: "csv.orders.slaMeasured", cell: (r) => yesNo(r.sla.measured) },
  { header: "csv.orders.notMeasuredBecause", cell: (r) => r.sla.notMeasuredReason },
  { header: "csv.orders.fiscalYear", cell: (r) => n(r.sla.fiscal?.year) },
  { header: "csv.orders.fiscalQuarter", cell: (r) => n(r.sla.fiscal?.quarter) },
  { header: "csv.orders.fiscalPeriod", cell: (r) => n(r.sla.fiscal?.period) },
  { header: "csv.orders.fiscalWeek", cell: (r) => n(r.sla.fiscal?.week) },
  { header: "csv.orders.onTime", cell: (r) => yesNo(r.sla.onTime) },
  { header: "csv.orders.inFull", cell: (r) => yesNo(r.sla.inFull) },
  { header: "csv.orders.otif", cell: (r) => yesNo(r.sla.otif) },
  { header: "csv.orders.missedBecause", cell: (r) => r.sla.missReason },
  { header: "csv.orders.leadTime", cell: (r) => n(r.sla.leadTimeBusinessMinutes) },
  { header: "csv.orders.lateBy", cell: (r) => n(r.sla.lateBusinessMinutes) },
  { header: "csv.orders.unitsOrdered", cell: (r) => n(r.sla.units.ordered) },
  { header: "csv.orders.unitsShipped", cell: (r) => n(r.sla.units.shipped) },
  { header: "csv.orders.linesOrdered", cell: (r) => n(r.sla.lines.ordered) },
  { header: "csv.orders.linesFilled", cell: (r) => n(r.sla.lines.filled) },
  { header: "csv.orders.linesInFull", cell: (r) => n(r.sla.lines.inFull) },
  { header: "csv.orders.calendarVersion", cell: (r) => n(r.sla.calendarVersion) },
];

/** Customer-visible columns only, in this order. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: "csv.orders.orderNumber", cell: (r) => r.orderNumber },
  { header: "csv.orders.customerPo", cell: (r) => r.customerPo },
  { header: "csv.orders.site", cell: (r) => `${r.siteCode} ${r.siteName}` },
  { header: "csv.orders.status", cell: (r) => r.status },
  { header: "csv.orders.priority", cell: (r) => r.priority },
  { header: "csv.orders.ordered", cell: (r, tz) => formatLocalDateTime(new Date(r.orderedAt), tz) },
  { header: "csv.orders.requestedDate", cell: (r) => r.requestedDate },
  { header: "csv.orders.promisedDate", cell: (r) => r.promisedDate },
  { header: "csv.orders.predictedDate", cell: (r) => r.predictedDate },
  {
    header: "csv.orders.shipped",
    cell: (r, tz) => (r.shippedAt ? formatLocalDateTime(new Date(r.shippedAt), tz) : null),
  },
  {
    header: "csv.orders.delivered",
    cell: (r, tz) => (r.deliveredAt ? formatLocalDateTime(new Date(r.deliveredAt), tz) : null),
  },
  { header: "csv.orders.late", cell: (r) => (r.late ? "yes" : "no") },
  { header: "csv.orders.atRisk", cell: (r) => (r.atRisk ? "yes" : "no") },
  { header: "csv.orders.carrier", cell: (r) => r.carrier },
  { header: "csv.orders.trackingNumber", cell: (r) => r.trackingNumber },
  { header: "csv.orders.currency", cell: (r) => r.currency },
  { header: "csv.orders.value", cell: (r) => r.value },
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
  opts: { batchSize?: number; now?: Date; locale?: Locale } = {},
): ReadableStream<Uint8Array> {
  const t = translator(opts.locale ?? DEFAULT_LOCALE);
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
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(EXPORT_COLUMNS.map((c) => t(c.header)))}`));
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
