// The data of GET /api/v1/stream messages in zod: the hub's events are typed by them
// (./hub.server.ts) and the OpenAPI document describes the messages with them
// (app/server/api/openapi/stream.ts).
import { z } from "zod";

export const orderStreamEventSchema = z.object({
  seq: z.int().describe("Also the message `id`."),
  orderId: z.uuid(),
  orderNumber: z.string(),
  type: z
    .string()
    .describe("The event type (a status, `eta_changed`, `note`, `damaged`, `claim_filed` or `document_error`)."),
  status: z.string().describe("The order's current status."),
  occurredAt: z.iso.datetime({ offset: true }),
});

export const escalationStreamEventSchema = z.object({ escalationId: z.uuid(), status: z.string() });

/** What a subscriber receives for an order event: ids and public fields only. */
export type OrderLiveEvent = z.infer<typeof orderStreamEventSchema>;
export type EscalationLiveEvent = z.infer<typeof escalationStreamEventSchema>;
