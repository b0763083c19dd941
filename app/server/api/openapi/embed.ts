// OpenAPI paths and schemas for /api/v1/embed/tokens (assembled by app/server/api/openapi.server.ts).
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

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
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("EmbedTokenRequest") } },
      },
      responses: {
        "200": {
          description: "A token for the origin.",
          content: { "application/json": { schema: ref("EmbedToken") } },
        },
        "400": problem("The origin is not an exact origin, or ttlSeconds is out of range."),
        "401": problem("The secret is unknown or its key was revoked."),
        "403": problem("The key does not allow that origin."),
        "429": problem("Too many wrong secrets from this address; wait for the Retry-After seconds."),
        "415": problem("The body is not JSON."),
      },
    },
  },
};

export const schemas = {
  EmbedTokenRequest: {
    type: "object",
    required: ["origin"],
    additionalProperties: false,
    properties: {
      origin: {
        type: "string",
        description: "The page's exact origin (scheme, host, port), one of the key's allowed origins.",
        example: "https://intranet.example.com",
      },
      ttlSeconds: { type: "integer", minimum: 5, maximum: 600, default: 300, description: "Token lifetime." },
    },
  },
  EmbedToken: {
    type: "object",
    required: ["token", "expiresAt", "origin", "scopes", "timeZone"],
    properties: {
      token: { type: "string", description: "Send as `Authorization: Bearer <token>` from the given origin." },
      expiresAt: { type: "string", format: "date-time" },
      origin: { type: "string" },
      scopes: { type: "array", items: { type: "string", enum: ["orders:read", "sla:read", "escalations:write"] } },
      timeZone: { type: "string", description: "The account's IANA time zone.", example: "America/Chicago" },
    },
  },
};
