// Answers of POST /api/v1/ingest/orders and /events in zod: the ingestion service's results are
// typed by them (./ingest.server.ts) and the OpenAPI document is generated from them, with the
// request items' schemas the service validates with (app/domain/orders/ingest-schema.ts).
import { z } from "zod";
import { eventInput, MAX_BATCH_ITEMS, orderInput } from "#app/domain/orders/ingest-schema";
import { problemBodySchema } from "../http/problem.server";

export const ITEM_STATUSES = ["created", "updated", "unchanged", "rejected"] as const;

export const itemProblemSchema = z.object({
  path: z.string().describe("Dotted path inside the item, e.g. `lines.0.qtyOrdered`."),
  message: z.string(),
});

export const ingestItemResultSchema = z.object({
  index: z.int().min(0).describe("Position of the item in the request."),
  status: z.enum(ITEM_STATUSES),
  orderId: z.uuid().optional().describe("The portal's order id (orders and events that resolved to an order)."),
  seq: z.int().optional().describe("The account's event sequence number of a created event."),
  note: z.string().optional().describe("Why an item was unchanged (e.g. an older version)."),
  reasons: z.array(itemProblemSchema).optional(),
});

const countsSchema = z.object(
  Object.fromEntries(ITEM_STATUSES.map((s) => [s, z.int().min(0)])) as Record<(typeof ITEM_STATUSES)[number], z.ZodInt>,
);

export const ingestBatchResultSchema = z.object({
  results: z.array(ingestItemResultSchema).describe("Per-item results in request order."),
  counts: countsSchema,
});

export const ingestBatchProblemSchema = problemBodySchema.extend(ingestBatchResultSchema.shape);

/** The request bodies as the service reads them: the envelope, each item validated on its own. */
const batchOf = (item: z.ZodType) => z.strictObject({ items: z.array(item).min(1).max(MAX_BATCH_ITEMS) });
export const ingestOrderBatchSchema = batchOf(orderInput);
export const ingestEventBatchSchema = batchOf(eventInput);

export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type ItemResult = z.infer<typeof ingestItemResultSchema>;
export type BatchResult = z.infer<typeof ingestBatchResultSchema>;
