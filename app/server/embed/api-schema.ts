// POST /api/v1/embed/tokens in zod: the route parses the body with embedTokenRequestSchema and
// types its answer by embedTokenSchema; the OpenAPI document is generated from both
// (app/server/api/openapi/embed.ts).
import { z } from "zod";
import { EMBED_SCOPES } from "#db/schema/embed";

/** Token lifetimes, seconds. */
export const MIN_TOKEN_SECONDS = 5;
export const MAX_TOKEN_SECONDS = 600;
export const DEFAULT_TOKEN_SECONDS = 300;

const ttlMessage = `\`ttlSeconds\` must be a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS}.`;

export const embedTokenRequestSchema = z.object({
  origin: z
    .string({ message: "`origin` is required: the page origin the token is for." })
    .max(300)
    .describe("The page's exact origin (scheme, host, port), one of the key's allowed origins.")
    .meta({ examples: ["https://intranet.example.com"] }),
  ttlSeconds: z
    .int({ message: ttlMessage })
    .min(MIN_TOKEN_SECONDS, ttlMessage)
    .max(MAX_TOKEN_SECONDS, ttlMessage)
    .describe(`Token lifetime (default ${DEFAULT_TOKEN_SECONDS}).`)
    .optional(),
});

export const embedTokenSchema = z.object({
  token: z.string().describe("Send as `Authorization: Bearer <token>` from the given origin."),
  expiresAt: z.iso.datetime({ offset: true }),
  origin: z.string(),
  scopes: z.array(z.enum(EMBED_SCOPES)),
  timeZone: z
    .string()
    .describe("The account's IANA time zone.")
    .meta({ examples: ["America/Chicago"] }),
});
