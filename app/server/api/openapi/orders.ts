// OpenAPI paths and schemas for /api/v1/orders (assembled by app/server/api/openapi.server.ts).
// Only customer-visible fields appear: cost, margin, internal notes and unit cost never do.
import { DATE_FIELDS, MAX_CARRIER_LENGTH, MAX_LIMIT, MAX_Q_LENGTH, SORT_KEYS } from "#app/domain/orders/query";
import { ORDER_PRIORITIES, ORDER_STATUSES } from "#app/domain/orders/statuses";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const security = [{ session: [] }, { embedToken: ["orders:read"] }];
const nullableString = { type: ["string", "null"] };
const nullableDate = { type: ["string", "null"], format: "date" };
const nullableDateTime = { type: ["string", "null"], format: "date-time" };
const multi = (description: string, items: Record<string, unknown>) => ({
  in: "query",
  description: `${description} Repeat the parameter or separate values with commas.`,
  style: "form",
  explode: true,
  schema: { type: "array", items },
});
const metric = (name: string, label: string) => ({
  name,
  in: "query",
  description: `Measured orders that met or missed ${label} (stored SLA metrics).`,
  schema: { type: "string", enum: ["met", "missed"] },
});

const listParameters = [
  { name: "status", ...multi("Order statuses.", { type: "string", enum: [...ORDER_STATUSES] }) },
  { name: "site", ...multi("Ship-to site ids.", { type: "string", format: "uuid" }) },
  { name: "priority", ...multi("Priorities.", { type: "string", enum: [...ORDER_PRIORITIES] }) },
  {
    name: "q",
    in: "query",
    description:
      "Prefix of an order number, customer PO, SKU (any line) or tracking number. Matches the beginning, as typed or upper-cased.",
    schema: { type: "string", maxLength: MAX_Q_LENGTH },
  },
  ...DATE_FIELDS.flatMap((f) =>
    (["from", "to"] as const).map((end) => ({
      name: `${f}_${end}`,
      in: "query",
      description: `${f} date ${end === "from" ? "on or after" : "on or before"} this local date of the account's time zone.`,
      schema: { type: "string", format: "date" },
    })),
  ),
  {
    name: "late",
    in: "query",
    description:
      "open: late now (open, past the promised date); delivered: delivered after the promised date; any: either. " +
      "1 (older links) means any, 0 no filter. Dates in the account's time zone.",
    schema: { type: "string", enum: ["open", "delivered", "any", "1", "0"] },
  },
  {
    name: "at_risk",
    in: "query",
    description: "1: only open orders predicted to arrive after the promised date. With late: either.",
    schema: { type: "string", enum: ["1", "0"] },
  },
  {
    name: "due",
    in: "query",
    description: "Open orders promised for today (today) or for today and the six days after it (week).",
    schema: { type: "string", enum: ["today", "week"] },
  },
  {
    name: "fiscal",
    in: "query",
    description:
      "Fiscal period of the account's calendar the promised date falls in: FY2026, FY2026-Q2, FY2026-P03, FY2026-W07.",
    schema: { type: "string", pattern: "^FY\\d{4}(-(Q\\d|P\\d{2}|W\\d{2}))?$" },
  },
  metric("otif", "OTIF"),
  metric("ontime", "on time"),
  metric("infull", "in full"),
  {
    name: "measured",
    in: "query",
    description: "1: only SLA-measured orders.",
    schema: { type: "string", enum: ["1", "0"] },
  },
  {
    name: "fill",
    in: "query",
    description: "Measured orders shipped short or in full.",
    schema: { type: "string", enum: ["short", "full"] },
  },
  {
    name: "lead_time_over",
    in: "query",
    description: "Measured orders whose lead time exceeds this many business minutes.",
    schema: { type: "integer", minimum: 0 },
  },
  {
    name: "late_over",
    in: "query",
    description: "Measured orders late by more than this many business minutes (stored lateness; see OrderSlaFacts).",
    schema: { type: "integer", minimum: 0 },
  },
  {
    name: "late_upto",
    in: "query",
    description: "Measured orders late by at most this many business minutes (0 for orders on time).",
    schema: { type: "integer", minimum: 0 },
  },
  {
    name: "carrier",
    ...multi("Orders shipped by one of these carriers (exact names, as in the carrier field).", {
      type: "string",
      maxLength: MAX_CARRIER_LENGTH,
    }),
  },
  {
    name: "no_carrier",
    in: "query",
    description: "1: orders without a carrier (with carrier: either).",
    schema: { type: "string", enum: ["1", "0"] },
  },
  { name: "sort", in: "query", schema: { type: "string", enum: [...SORT_KEYS], default: "ordered" } },
  {
    name: "dir",
    in: "query",
    description: "Default: desc for ordered and delivered, asc otherwise.",
    schema: { type: "string", enum: ["asc", "desc"] },
  },
  {
    name: "cursor",
    in: "query",
    description: "Opaque cursor from `page.next` or `page.prev` of a previous response with the same sort.",
    schema: { type: "string" },
  },
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 50 } },
];

export const paths = {
  "/api/v1/orders": {
    get: {
      operationId: "listOrders",
      tags: ["Orders"],
      summary: "List the account's orders with filters and keyset (cursor) paging",
      description:
        "The same filters as the portal's order list (a portal URL's query string works here). Embed tokens with fixed filters (e.g. one site) replace the request's value for that filter.",
      security,
      parameters: listParameters,
      responses: {
        "200": {
          description: "One page of orders.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "page", "timeZone"],
                properties: {
                  data: { type: "array", items: ref("OrderSummary") },
                  page: ref("OrderPage"),
                  timeZone: { type: "string", description: "The account's IANA time zone (date filters use it)." },
                },
              },
            },
          },
        },
        "400": problem("A filter, the cursor or the page size is not valid; `errors` names each parameter."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the orders:read scope."),
      },
    },
  },
  "/api/v1/orders/{id}": {
    get: {
      operationId: "getOrder",
      tags: ["Orders"],
      summary: "One order with its lines, shipments and event timeline",
      security,
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          description: "The order id.",
          schema: { type: "string", format: "uuid" },
        },
      ],
      responses: {
        "200": {
          description: "The order.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "timeZone"],
                properties: { data: ref("Order"), timeZone: { type: "string" } },
              },
            },
          },
        },
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the orders:read scope."),
        "404": problem("No such order in the caller's account (another account's id answers the same)."),
      },
    },
  },
};

const summaryProperties = {
  id: { type: "string", format: "uuid" },
  orderNumber: { type: "string" },
  customerPo: nullableString,
  siteId: { type: "string", format: "uuid" },
  siteCode: { type: "string" },
  siteName: { type: "string" },
  status: { type: "string", enum: [...ORDER_STATUSES] },
  statusAt: { type: "string", format: "date-time" },
  holdReason: nullableString,
  priority: { type: "string", enum: [...ORDER_PRIORITIES] },
  orderedAt: { type: "string", format: "date-time" },
  requestedDate: nullableDate,
  promisedDate: nullableDate,
  predictedDate: nullableDate,
  shippedAt: nullableDateTime,
  deliveredAt: nullableDateTime,
  carrier: nullableString,
  trackingNumber: nullableString,
  currency: { type: "string", description: "ISO 4217 code." },
  value: { type: "string", description: "Order value as a decimal string." },
  late: { type: "boolean", description: "Open past the promised date, or delivered after it (account's time zone)." },
  lateState: {
    type: ["string", "null"],
    enum: ["open", "delivered", null],
    description: "open: late now (open, past the promised date); delivered: delivered late; null: not late.",
  },
  atRisk: { type: "boolean", description: "Open, not late, predicted to arrive after the promised date." },
  updatedAt: { type: "string", format: "date-time" },
  sla: ref("OrderSlaFacts"),
};

export const schemas = {
  OrderSummary: {
    type: "object",
    required: Object.keys(summaryProperties),
    properties: summaryProperties,
  },
  OrderPage: {
    type: "object",
    required: ["next", "prev", "limit"],
    properties: {
      next: { type: ["string", "null"], description: "Cursor of the next page; null on the last page." },
      prev: { type: ["string", "null"], description: "Cursor of the previous page; null on the first page." },
      limit: { type: "integer" },
    },
  },
  Order: {
    allOf: [
      ref("OrderSummary"),
      {
        type: "object",
        required: ["otif", "onTime", "inFull", "lines", "shipments", "events"],
        properties: {
          otif: { type: ["boolean", "null"], description: "Null until the order is measured." },
          onTime: { type: ["boolean", "null"] },
          inFull: { type: ["boolean", "null"] },
          lines: { type: "array", items: ref("OrderLine") },
          shipments: { type: "array", items: ref("Shipment") },
          events: { type: "array", items: ref("OrderEvent"), description: "Newest first." },
        },
      },
    ],
  },
  OrderLine: {
    type: "object",
    required: ["lineNo", "sku", "description", "ordered", "shipped", "backordered", "unitPrice"],
    properties: {
      lineNo: { type: "integer" },
      sku: { type: "string" },
      description: { type: "string" },
      ordered: { type: "string", description: "Decimal quantity." },
      shipped: { type: "string" },
      backordered: { type: "string", description: "Ordered minus shipped (0 for a cancelled order)." },
      unitPrice: { type: "string" },
    },
  },
  Shipment: {
    type: "object",
    required: ["id", "carrier", "trackingNumber", "trackingUrl", "status", "shippedAt", "deliveredAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      carrier: { type: "string" },
      trackingNumber: nullableString,
      trackingUrl: { type: ["string", "null"], format: "uri", description: "http(s) only." },
      status: { type: "string" },
      shippedAt: nullableDateTime,
      deliveredAt: nullableDateTime,
    },
  },
  OrderEvent: {
    type: "object",
    required: ["seq", "type", "occurredAt", "location", "detail"],
    properties: {
      seq: { type: "integer", description: "The account's event sequence (the stream's event id)." },
      type: { type: "string" },
      occurredAt: { type: "string", format: "date-time" },
      location: nullableString,
      detail: {
        type: "object",
        additionalProperties: { type: "string" },
        description: "Public details such as reason, note, carrier, trackingNumber, sku, signedBy.",
      },
    },
  },
};
