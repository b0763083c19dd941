// Shapes of GET /api/v1/orders and /api/v1/orders/{id}, written once in zod: the services' rows
// are typed by them (OrderListRow, OrderDetail), the handlers' answers too (app/server/orders/api.server.ts),
// and the OpenAPI document is generated from them (app/server/api/openapi/orders.ts).
// Only customer-visible fields appear: cost, margin, internal notes and unit cost never do.
import { z } from "zod";
import {
  DATE_FIELDS,
  DEFAULT_LIMIT,
  DUE_FILTERS,
  LATE_FILTERS,
  MAX_CARRIER_LENGTH,
  MAX_LIMIT,
  MAX_Q_LENGTH,
  SORT_KEYS,
} from "#app/domain/orders/query";
import { ORDER_PRIORITIES, ORDER_STATUSES } from "#app/domain/orders/statuses";
import { orderSlaFactsSchema } from "#app/server/sla/order-facts-schema";

/** The largest page /api/v1/orders answers. */
export const API_MAX_LIMIT = MAX_LIMIT;

const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();

export const orderSummarySchema = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  customerPo: z.string().nullable(),
  siteId: z.uuid(),
  siteCode: z.string(),
  siteName: z.string(),
  status: z.enum(ORDER_STATUSES),
  statusAt: instant,
  holdReason: z.string().nullable(),
  priority: z.enum(ORDER_PRIORITIES),
  orderedAt: instant,
  requestedDate: date.nullable(),
  promisedDate: date.nullable(),
  predictedDate: date.nullable(),
  shippedAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  currency: z.string().describe("ISO 4217 code."),
  value: z.string().describe("Order value as a decimal string."),
  late: z.boolean().describe("Open past the promised date, or delivered after it (account's time zone)."),
  lateState: z
    .enum(["open", "delivered"])
    .nullable()
    .describe("open: late now (open, past the promised date); delivered: delivered late; null: not late."),
  atRisk: z.boolean().describe("Open, not late, predicted to arrive after the promised date."),
  updatedAt: instant,
  sla: orderSlaFactsSchema,
});

export const orderPageSchema = z.object({
  next: z.string().nullable().describe("Cursor of the next page; null on the last page."),
  prev: z.string().nullable().describe("Cursor of the previous page; null on the first page."),
  limit: z.int(),
});

export const orderLineSchema = z.object({
  lineNo: z.int(),
  sku: z.string(),
  description: z.string(),
  ordered: z.string().describe("Decimal quantity."),
  shipped: z.string(),
  backordered: z.string().describe("Ordered minus shipped (0 for a cancelled order)."),
  unitPrice: z.string(),
});

export const shipmentSchema = z.object({
  id: z.uuid(),
  carrier: z.string(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .describe("http(s) only."),
  status: z.string(),
  shippedAt: instant.nullable(),
  deliveredAt: instant.nullable(),
});

export const orderEventSchema = z.object({
  seq: z.int().describe("The account's event sequence (the stream's event id)."),
  type: z.string(),
  occurredAt: instant,
  location: z.string().nullable(),
  detail: z
    .record(z.string(), z.string())
    .describe("Public details such as reason, note, carrier, trackingNumber, sku, signedBy."),
});

export const orderSchema = orderSummarySchema.extend({
  otif: z.boolean().nullable().describe("Null until the order is measured."),
  onTime: z.boolean().nullable(),
  inFull: z.boolean().nullable(),
  lines: z.array(orderLineSchema),
  shipments: z.array(shipmentSchema),
  events: z.array(orderEventSchema).describe("Newest first."),
});

const timeZone = z.string().describe("The account's IANA time zone (date filters use it).");

export const orderListResponseSchema = z.object({
  data: z.array(orderSummarySchema),
  page: orderPageSchema,
  timeZone,
});

export const orderResponseSchema = z.object({ data: orderSchema, timeZone });

export type OrderListRow = z.infer<typeof orderSummarySchema>;
export type OrderLineView = z.infer<typeof orderLineSchema>;
export type ShipmentView = z.infer<typeof shipmentSchema>;
export type OrderEventView = z.infer<typeof orderEventSchema>;
export type OrderDetail = z.infer<typeof orderSchema>;

// The query string of GET /api/v1/orders. parseOrderQuery (app/domain/orders/query.ts) reads it
// for the page, the API and the export alike; it is hand-written so the list page's browser
// bundle stays free of zod. This schema states the same language for the document, from the same
// constants, and tests/unit/orders-query-schema.test.ts holds the two together (every parameter
// the parser reads is here, each documented value parses, each value outside it is refused).
const flag = z.enum(["1", "0"]);
const metric = (label: string) =>
  z.enum(["met", "missed"]).describe(`Measured orders that met or missed ${label} (stored SLA metrics).`);
const minutes = (description: string) => z.int().min(0).max(9_999_999).describe(description);
const dateParam = (field: string, end: "from" | "to") =>
  date.describe(
    `${field} date ${end === "from" ? "on or after" : "on or before"} this local date of the account's time zone.`,
  );

export const orderListQuerySchema = z
  .object({
    status: z.array(z.enum(ORDER_STATUSES)).describe("Order statuses."),
    site: z.array(z.uuid()).max(50).describe("Ship-to site ids."),
    priority: z.array(z.enum(ORDER_PRIORITIES)).describe("Priorities."),
    q: z
      .string()
      .max(MAX_Q_LENGTH)
      .describe(
        "Prefix of an order number, customer PO, SKU (any line) or tracking number. Matches the beginning, as typed or upper-cased.",
      ),
    ...Object.fromEntries(
      DATE_FIELDS.flatMap((f) => (["from", "to"] as const).map((end) => [`${f}_${end}`, dateParam(f, end)])),
    ),
    late: z
      .enum([...LATE_FILTERS, "1", "0"])
      .describe(
        "open: late now (open, past the promised date); delivered: delivered after the promised date; any: either. " +
          "1 (older links) means any, 0 no filter. Dates in the account's time zone.",
      ),
    at_risk: flag.describe("1: only open orders predicted to arrive after the promised date. With late: either."),
    due: z
      .enum(DUE_FILTERS)
      .describe("Open orders promised for today (today) or for today and the six days after it (week)."),
    fiscal: z
      .string()
      .regex(/^FY\d{4}(-(Q\d|P\d{2}|W\d{2}))?$/)
      .describe(
        "Fiscal period of the account's calendar the promised date falls in: FY2026, FY2026-Q2, FY2026-P03, FY2026-W07.",
      ),
    otif: metric("OTIF"),
    ontime: metric("on time"),
    infull: metric("in full"),
    measured: flag.describe("1: only SLA-measured orders."),
    fill: z.enum(["short", "full"]).describe("Measured orders shipped short or in full."),
    lead_time_over: minutes("Measured orders whose lead time exceeds this many business minutes."),
    late_over: minutes(
      "Measured orders late by more than this many business minutes (stored lateness; see OrderSlaFacts).",
    ),
    late_upto: minutes("Measured orders late by at most this many business minutes (0 for orders on time)."),
    carrier: z
      .array(z.string().max(MAX_CARRIER_LENGTH))
      .max(20)
      .describe("Orders shipped by one of these carriers (exact names, as in the carrier field)."),
    no_carrier: flag.describe("1: orders without a carrier (with carrier: either)."),
    sort: z.enum(SORT_KEYS).default("ordered"),
    dir: z.enum(["asc", "desc"]).describe("Default: desc for ordered and delivered, asc otherwise."),
    cursor: z
      .string()
      .max(1024)
      .regex(/^[A-Za-z0-9_-]+$/)
      .describe("Opaque cursor from `page.next` or `page.prev` of a previous response with the same sort."),
    limit: z.int().min(1).max(API_MAX_LIMIT).default(DEFAULT_LIMIT),
  })
  .partial();
