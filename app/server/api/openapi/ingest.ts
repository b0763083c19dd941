// OpenAPI paths and schemas for the ingestion API (assembled by app/server/api/openapi.server.ts).
// Generated from the zod schemas that validate the items (app/domain/orders/ingest-schema.ts) and
// type the answers (app/server/ingest/api-schema.ts), so they cannot drift.
import { eventInput, MAX_BATCH_ITEMS, MAX_BODY_BYTES, orderInput } from "#app/domain/orders/ingest-schema";
import {
  ingestBatchProblemSchema,
  ingestBatchResultSchema,
  ingestEventBatchSchema,
  ingestItemResultSchema,
  ingestOrderBatchSchema,
} from "#app/server/ingest/api-schema";
import { jsonBody, jsonResponse, problem, ref } from "./zod";

const schemaFor = (name: string) => ({ schema: ref(name) });

const ATOMICITY = `**Atomicity.** The batch is validated first: if any item is malformed, nothing is written and the answer is 422 with a reason for every item. A well-formed batch is applied in one transaction; items that refer to something unknown (an order not yet sent, a site code the account does not have) are rejected on their own and the others are applied, each order whole (never half an order).`;

const CONVERGENCE = `**Order of events.** Events are idempotent on \`(source, eventId)\`: a repeat is \`unchanged\`. The order's status is the type of the status event with the latest \`occurredAt\`; a tie goes to the status later in the lifecycle (received < confirmed < allocated < backordered < on_hold < picked < packed < shipped < in_transit < out_for_delivery < delivered < exception < cancelled), then to the larger \`source\`, then the larger \`eventId\` (code-point order). So events that arrive late, twice or shuffled end in the same state as in-order delivery. \`eta_changed\` (with \`detail.predictedDate\`), \`note\`, and the perfect-order events \`damaged\`, \`claim_filed\` (goods damaged, a claim filed for them) and \`document_error\` (an error in the order's documents; \`detail.reason\` says which) do not change the status; a measured order with any of the last three is not a perfect order (see \`perfectOrder\` in the SLA scorecard).`;

const batchResponses = {
  "200": jsonResponse("The batch was applied; per-item results in request order.", "IngestBatchResult"),
  "400": problem("The body is not JSON, or not an object with an `items` array of 1 to 1000 items."),
  "401": problem("Missing, unknown or revoked ingest key."),
  "413": problem(`The body exceeds ${MAX_BODY_BYTES} bytes, or the batch holds more than ${MAX_BATCH_ITEMS} items.`),
  "415": problem("The body is not application/json."),
  "422": {
    description: "Some items are malformed; nothing was written. `results` gives the reasons per item.",
    content: { "application/problem+json": schemaFor("IngestBatchProblem") },
  },
  "503": problem("The database is unavailable; nothing was written. Retry the same batch (it is idempotent)."),
};

export const paths = {
  "/api/v1/ingest/orders": {
    post: {
      operationId: "ingestOrders",
      tags: ["Ingestion"],
      summary: "Create or update orders with their lines and shipments",
      description: `Orders are keyed by \`(source, externalId)\` and carry a \`version\`: a newer version replaces the order's fields and lines (shipments are upserted by \`externalId\`), an older one is ignored and the same one is a no-op (\`unchanged\`). The order's \`status\` joins its event timeline, so status follows the event rules below.\n\n${ATOMICITY}\n\n${CONVERGENCE}\n\nOne audit entry is written per batch. Each committed batch wakes live subscribers once.`,
      security: [{ ingestKey: [] }],
      requestBody: jsonBody("IngestOrderBatch"),
      responses: batchResponses,
    },
  },
  "/api/v1/ingest/events": {
    post: {
      operationId: "ingestEvents",
      tags: ["Ingestion"],
      summary: "Record order status events",
      description: `Each event names its order by \`orderSource\` (default: the event's \`source\`) and \`orderExternalId\`; an event for an order not yet sent is rejected (send the order, then retry the event).\n\n${ATOMICITY}\n\n${CONVERGENCE}`,
      security: [{ ingestKey: [] }],
      requestBody: jsonBody("IngestEventBatch"),
      responses: batchResponses,
    },
  },
};

export const schemas = {
  IngestItemResult: ingestItemResultSchema,
  IngestBatchResult: ingestBatchResultSchema,
  IngestBatchProblem: ingestBatchProblemSchema,
};

export const requests = {
  IngestOrderBatch: ingestOrderBatchSchema,
  IngestEventBatch: ingestEventBatchSchema,
  IngestOrder: orderInput,
  IngestEvent: eventInput,
};
