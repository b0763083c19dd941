// OpenAPI path and schema for /api/v1/feed-health, generated from the zod schema the answer is
// typed by (app/server/feed-health/api-schema.ts).
import { feedHealthResponseSchema, feedHealthSchema } from "#app/server/feed-health/api-schema";
import { jsonResponse, problem } from "./zod";

export const paths = {
  "/api/v1/feed-health": {
    get: {
      operationId: "getFeedHealth",
      tags: ["Orders"],
      summary: "How fresh the account's data is: each source's latest delivery and whether it is delayed",
      description:
        "One entry per source that has sent data (an ingest connection, by name). A source is `silent` when nothing has arrived for well over its usual interval, learned from its recent deliveries or configured; it is `live` again with its next delivery.",
      security: [{ session: [] }, { embedToken: ["orders:read"] }],
      responses: {
        "200": jsonResponse("The account's sources.", "FeedHealthResponse"),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow orders:read, or staff have not opened an account."),
      },
    },
  },
};

export const schemas = {
  FeedHealthResponse: feedHealthResponseSchema,
  FeedHealth: feedHealthSchema,
};
