// OpenAPI description of GET /api/v1/stream (assembled by app/server/api/openapi.server.ts).
// SSE cannot be typed by JSON Schema as a stream; the messages' data are given as schemas,
// generated from the zod schemas the hub types its events by (app/server/realtime/api-schema.ts).
import { z } from "zod";
import { escalationStreamEventSchema, orderStreamEventSchema } from "#app/server/realtime/api-schema";
import { inlineSchema, problem } from "./zod";

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
          schema: inlineSchema(z.string().regex(/^\d{1,15}$/)),
        },
      ],
      responses: {
        "200": {
          description: "The event stream (stays open).",
          content: { "text/event-stream": { schema: inlineSchema(z.string()) } },
        },
        "401": problem("Not signed in, or the embed token is not valid."),
        "403": problem("The token may not read orders."),
        "503": problem("Live updates are unavailable; retry shortly."),
      },
    },
  },
};

export const schemas = {
  OrderStreamEvent: orderStreamEventSchema,
  EscalationStreamEvent: escalationStreamEventSchema,
};
