// Wire format of the ingestion API (POST /api/v1/ingest/orders and /events), validated with zod.
// Pure: no I/O. The service validates the envelope first, then every item on its own so each
// rejected item gets its own reasons.
import { z } from "zod";
import { ORDER_EVENT_TYPES, ORDER_PRIORITIES, ORDER_STATUSES } from "./statuses";

export const MAX_BATCH_ITEMS = 1_000;
/** Largest accepted request body; a full batch of realistic orders fits comfortably. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Producer system name, e.g. "erp", "wms-eu". Lower case so keys compare the same everywhere. */
const sourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, "Use 1-40 lower-case letters, digits, '.', '_' or '-' (e.g. \"erp\").");
/** External identifiers: printable ASCII without spaces, so they sort and compare the same in SQL and JS. */
const externalId = z
  .string()
  .min(1, "Must not be empty.")
  .max(200, "At most 200 characters.")
  .regex(/^[\x21-\x7e]+$/, "Use printable ASCII characters without spaces.");

/** RFC 3339 instant with an explicit zone: `Z` or a UTC offset. Local times are ambiguous and refused. */
export const instant = z.iso
  .datetime({
    offset: true,
    error:
      "Use an RFC 3339 date-time with seconds and a UTC offset, e.g. 2025-03-14T09:30:00Z or 2025-03-14T10:30:00+01:00.",
  })
  .refine((s) => inYearRange(Number(s.slice(0, 4))), "Use a year between 1970 and 2100.");
/** A calendar date ("YYYY-MM-DD"), meaningful in the tenant's time zone. */
const localDate = z.iso
  .date({ error: "Use a calendar date YYYY-MM-DD that exists." })
  .refine((s) => inYearRange(Number(s.slice(0, 4))), "Use a year between 1970 and 2100.");

function inYearRange(year: number): boolean {
  return year >= 1970 && year <= 2100;
}
const text = (max: number) => z.string().trim().min(1, "Must not be empty.").max(max, `At most ${max} characters.`);
const money = z
  .number({ error: "Must be a number." })
  .finite()
  .min(0, "Must not be negative.")
  .max(999_999_999_999, "Too large.");
/** Unit prices are stored with 4 decimals and 10 integer digits. */
const unitMoney = money.max(9_999_999_999, "Too large.");
const quantity = z
  .number({ error: "Must be a number." })
  .finite()
  .min(0, "Must not be negative.")
  .max(9_999_999_999, "Too large.");

const detailValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);

export const orderLineInput = z.strictObject({
  lineNo: z.number().int("Must be a whole number.").min(1).max(9_999),
  sku: text(64),
  description: text(300),
  qtyOrdered: quantity.refine((q) => q > 0, "Must be greater than 0."),
  qtyShipped: quantity.default(0),
  unitPrice: unitMoney,
  /** Internal: never shown to customers. */
  unitCost: unitMoney.nullish(),
});

export const SHIPMENT_STATUSES = [
  "planned",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "returned",
] as const;

export const shipmentInput = z.strictObject({
  externalId,
  carrier: text(80),
  trackingNumber: text(80).nullish(),
  trackingUrl: z
    .url({ protocol: /^https?$/, error: "Use an http(s) URL." })
    .max(500)
    .nullish(),
  status: z.enum(SHIPMENT_STATUSES, { error: `Use one of: ${SHIPMENT_STATUSES.join(", ")}.` }),
  shippedAt: instant.nullish(),
  deliveredAt: instant.nullish(),
});

export const orderInput = z
  .strictObject({
    source: sourceId,
    externalId,
    /** Monotonic per order at the producer; older versions are ignored, equal ones are no-ops. */
    version: z.number().int("Must be a whole number.").min(1).max(2_147_483_647),
    orderNumber: text(64),
    customerPo: text(64).nullish(),
    /** Ship-to site code, as configured for the tenant (e.g. "CHI-DC"). */
    siteCode: text(40),
    status: z.enum(ORDER_STATUSES, { error: `Use one of: ${ORDER_STATUSES.join(", ")}.` }).default("received"),
    /** When the order reached `status`; defaults to orderedAt. */
    statusAt: instant.optional(),
    holdReason: text(300).nullish(),
    priority: z.enum(ORDER_PRIORITIES, { error: `Use one of: ${ORDER_PRIORITIES.join(", ")}.` }).default("standard"),
    orderedAt: instant,
    requestedDate: localDate.nullish(),
    promisedDate: localDate.nullish(),
    predictedDate: localDate.nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Use an ISO 4217 code such as USD.")
      .default("USD"),
    value: money.default(0),
    /** Internal: never shown to customers. */
    cost: money.nullish(),
    margin: z.number().finite().min(-999_999_999_999).max(999_999_999_999).nullish(),
    internalNotes: z.string().max(2_000).nullish(),
    lines: z.array(orderLineInput).min(1, "An order needs at least one line.").max(500, "At most 500 lines."),
    shipments: z.array(shipmentInput).max(50, "At most 50 shipments.").default([]),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<number>();
    o.lines.forEach((l, i) => {
      if (seen.has(l.lineNo))
        ctx.addIssue({ code: "custom", path: ["lines", i, "lineNo"], message: "Duplicate lineNo." });
      seen.add(l.lineNo);
    });
    const ids = new Set<string>();
    o.shipments.forEach((s, i) => {
      if (ids.has(s.externalId))
        ctx.addIssue({
          code: "custom",
          path: ["shipments", i, "externalId"],
          message: "Duplicate shipment externalId.",
        });
      ids.add(s.externalId);
    });
  });
export type OrderInput = z.infer<typeof orderInput>;

export const eventInput = z
  .strictObject({
    /** Producer of the event; (source, eventId) is the idempotency key. */
    source: sourceId,
    eventId: externalId,
    /** The order: its producer (defaults to the event's source) and external id. */
    orderSource: sourceId.optional(),
    orderExternalId: externalId,
    type: z.enum(ORDER_EVENT_TYPES, { error: `Use one of: ${ORDER_EVENT_TYPES.join(", ")}.` }),
    occurredAt: instant,
    location: text(120).nullish(),
    /** Public details: reason (on_hold, exception, cancelled), carrier and trackingNumber (shipped), predictedDate (eta_changed). */
    detail: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "Detail keys are identifiers."), detailValue)
      .refine((d) => Object.keys(d).length <= 20, "At most 20 detail entries.")
      .default({}),
  })
  .superRefine((e, ctx) => {
    if (e.type === "eta_changed") {
      const parsed = localDate.safeParse(e.detail.predictedDate);
      if (!parsed.success)
        ctx.addIssue({
          code: "custom",
          path: ["detail", "predictedDate"],
          message: "eta_changed needs detail.predictedDate as YYYY-MM-DD.",
        });
    }
  });
export type EventInput = z.infer<typeof eventInput>;

/** The envelope: `{ "items": [...] }` with 1..1,000 items (each validated separately). */
export const batchEnvelope = z.strictObject({
  items: z
    .array(z.unknown(), { error: "Send an object with an `items` array." })
    .min(1, "The batch is empty.")
    .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} items per batch; split larger batches.`),
});

export interface ItemProblem {
  path: string;
  message: string;
}

/** zod issues as `{ path: "lines.0.qtyOrdered", message }`, readable in a per-item result. */
export function itemProblems(error: z.ZodError): ItemProblem[] {
  return error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ path: [...i.path, k].map(String).join("."), message: "Unknown field." }))
      : [{ path: i.path.map(String).join("."), message: i.message }],
  );
}

export type ItemValidation<T> =
  { index: number; ok: true; value: T } | { index: number; ok: false; problems: ItemProblem[] };

/** Paths of strings holding U+0000, which PostgreSQL text and jsonb cannot store. */
export function nulCharPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path.join(".")] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulCharPaths(v, [...path, String(i)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes("\u0000") ? [[...path, k].join(".")] : []),
      ...nulCharPaths(v, [...path, k]),
    ]);
  return [];
}

/** Validates each item of a batch independently. */
export function validateItems<T>(schema: z.ZodType<T>, items: unknown[]): ItemValidation<T>[] {
  return items.map((raw, index) => {
    const nul = nulCharPaths(raw).map((p) => ({ path: p, message: "Text must not contain NUL (U+0000) characters." }));
    const r = schema.safeParse(raw);
    if (r.success && nul.length === 0) return { index, ok: true, value: r.data };
    return { index, ok: false, problems: [...(r.success ? [] : itemProblems(r.error)), ...nul] };
  });
}
