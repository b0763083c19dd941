// OpenAPI paths and schemas for /api/v1/embed/tokens (assembled by app/server/api/openapi.server.ts),
// generated from the zod schemas of app/server/embed/api-schema.ts.
import { embedTokenRequestSchema, embedTokenSchema } from "#app/server/embed/api-schema";
import { jsonBody, jsonResponse, problem } from "./zod";

export const paths = {
  "/api/v1/embed/tokens": {
    post: {
      operationId: "createEmbedToken",
      tags: ["Embedding"],
      summary: "Trade an embed key's secret for a short-lived widget token (call from your server)",
      description:
        "Your intranet's **server** sends the embed key secret (`sl_embed_...`, shown once when a customer admin creates the key in Settings → Embed keys) and the origin of the page the widgets run on. " +
        "The answer is a signed token (HS256 JWT) for that origin only, carrying the account, the key, its scopes and fixed filters, and an expiry of at most 10 minutes. " +
        "Hand it to the widgets (`token` attribute or a `fetchToken` function). The endpoint answers no CORS: browsers must never see the secret.",
      security: [{ embedKey: [] }],
      requestBody: jsonBody("EmbedTokenRequest"),
      responses: {
        "200": jsonResponse("A token for the origin.", "EmbedToken"),
        "400": problem("The origin is not an exact origin, or ttlSeconds is out of range."),
        "401": problem("The secret is unknown or its key was revoked."),
        "403": problem("The key does not allow that origin."),
        "413": problem("The body is larger than 4 KiB."),
        "415": problem("The body is not JSON."),
        "429": problem("Too many wrong secrets from this address; wait for the Retry-After seconds."),
      },
    },
  },
};

export const schemas = { EmbedToken: embedTokenSchema };

export const requests = { EmbedTokenRequest: embedTokenRequestSchema };
