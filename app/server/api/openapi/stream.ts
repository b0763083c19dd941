// OpenAPI description of GET /api/v1/stream (assembled by app/server/api/openapi.server.ts).
// SSE cannot be typed by JSON Schema as a stream; the message shapes are given as schemas.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

export const paths = {
  "/api/v1/stream": {
    get: {
      operationId: "streamEvents",
      tags: ["Real-time"],
      summary: "Live order events (and escalation changes) of the account, as Server-Sent Events",
      description: [
        "A `text/event-stream`. Messages:",
        "",
        "- `event: order` with `id: <seq>` (the account's event sequence) and `data:` an `OrderStreamEvent`.",
        "- `event: escalation` (no id, not replayed) with `data:` an `EscalationStreamEvent`; portal sessions only.",
        "- `: heartbeat` comments about every 15 s.",
        "",
        "Reconnect with the `Last-Event-ID` header to receive the missed order events in order, then live ones (EventSource does this by itself). The id is taken from the header only, never from the URL. Embed tokens pinned to sites receive only those sites' orders.",
        "",
        "A client that reads too slowly is disconnected after a `retry:` hint and resumes from its last id.",
      ].join("\n"),
      security: [{ session: [] }, { embedToken: ["orders:read"] }],
      parameters: [
        {
          name: "Last-Event-ID",
          in: "header",
          required: false,
          description: "The last `id` received; missed events after it are replayed.",
          schema: { type: "string", pattern: "^\\d{1,15}$" },
        },
      ],
      responses: {
        "200": {
          description: "The event stream (stays open).",
          content: { "text/event-stream": { schema: { type: "string" } } },
        },
        "401": problem("Not signed in, or the embed token is not valid."),
        "403": problem("The token may not read orders."),
        "503": problem("Live updates are unavailable; retry shortly."),
      },
    },
  },
};

export const schemas = {
  OrderStreamEvent: {
    type: "object",
    required: ["seq", "orderId", "orderNumber", "type", "status", "occurredAt"],
    properties: {
      seq: { type: "integer", description: "Also the message `id`." },
      orderId: { type: "string", format: "uuid" },
      orderNumber: { type: "string" },
      type: {
        type: "string",
        description: "The event type (a status, `eta_changed`, `note`, `damaged`, `claim_filed` or `document_error`).",
      },
      status: { type: "string", description: "The order's current status." },
      occurredAt: { type: "string", format: "date-time" },
    },
  },
  EscalationStreamEvent: {
    type: "object",
    required: ["escalationId", "status"],
    properties: { escalationId: { type: "string", format: "uuid" }, status: { type: "string" } },
  },
};
