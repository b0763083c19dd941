// The OpenAPI 3.1 document served at /api/v1/openapi.json, assembled from the per-area modules
// in ./openapi/ (each owner describes its own endpoints). Every component schema is generated
// from the zod schema the handlers type their answers by or parse their requests with; shared
// pieces live here: the problem schema and the security schemes.
import type { z } from "zod";
import { problemBodySchema } from "../http/problem.server";
import type { openApiDocumentSchema } from "./api-schema";
import { OPENAPI_MODULES } from "./openapi/index";
import { componentSchemas } from "./openapi/zod";

/** The document's shape, as it describes itself (GET /api/v1/openapi.json). */
export type OpenApiDocument = z.output<typeof openApiDocumentSchema>;

let cached: OpenApiDocument | null = null;

type PathItem = Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>;

/**
 * What an operation that authenticates its caller (and so reads the database) may answer when the
 * database (or, for a write that sends mail, the mail server) cannot be reached or does not
 * answer in time: every loader and action is wrapped to answer so (http/app.server.ts).
 */
const UNAVAILABLE = {
  description:
    "The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds.",
  headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

/**
 * What every write may answer when it carries the portal's session cookie from another origin
 * (the cross-origin write guard, http/csrf.server.ts, refuses it before the route runs).
 */
const CROSS_ORIGIN = {
  description:
    "A cookie-authenticated write from another origin (or a cross-site fetch): the same-origin rule refuses it.",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

/**
 * The path item with the answers every operation shares, where its module does not describe its
 * own: 503 on every authenticated operation, 403 on every write.
 */
function withSharedAnswers(item: PathItem): PathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, op]) => {
      const responses = { ...op.responses };
      if (op.security?.length && !("503" in responses)) responses["503"] = UNAVAILABLE;
      if (method !== "get" && !("403" in responses)) responses["403"] = CROSS_ORIGIN;
      return [method, { ...op, responses: sortedByStatus(responses) }];
    }),
  );
}

const sortedByStatus = (r: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));

export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const paths: Record<string, unknown> = {};
  // Problem: the schema problem() builds its bodies by (http/problem.server.ts).
  const responses: Record<string, z.ZodType> = { Problem: problemBodySchema };
  const requests: Record<string, z.ZodType> = {};
  const add = (into: Record<string, z.ZodType>, from: Record<string, z.ZodType>, area: string) => {
    for (const [name, schema] of Object.entries(from)) {
      if (name in responses || name in requests)
        throw new Error(`openapi: schema ${name} is defined twice (module ${area})`);
      into[name] = schema;
    }
  };
  for (const [area, mod] of Object.entries(OPENAPI_MODULES)) {
    for (const [p, item] of Object.entries(mod.paths)) {
      if (p in paths) throw new Error(`openapi: path ${p} is described twice (module ${area})`);
      paths[p] = withSharedAnswers(item as PathItem);
    }
    add(responses, mod.schemas, area);
    add(requests, mod.requests ?? {}, area);
  }
  // Answers as the server sends them (every field it always sends is required); request bodies as
  // a caller may write them (a field with a default may be left out).
  const schemas = { ...componentSchemas(responses, "output"), ...componentSchemas(requests, "input") };
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Sightline API",
      version: "1.0.0",
      summary:
        "Orders, SLA scorecards, escalations and live events of a Sightline account; ingestion for backend systems.",
      description:
        "JSON over HTTPS. Errors are `application/problem+json` (RFC 9457). Portal pages call the API with the session cookie; embedded widgets with a short-lived embed token (`Authorization: Bearer`); backend systems ingest with a per-account ingest API key.",
    },
    servers: [{ url: "/", description: "This portal" }],
    tags: [
      { name: "Orders", description: "The account's orders (customer-visible fields only)." },
      { name: "SLA", description: "Service levels in the account's business and fiscal calendar." },
      { name: "Escalations", description: "Raising and following escalations." },
      { name: "Real-time", description: "Server-Sent Events." },
      { name: "Ingestion", description: "Orders and status events from ERP/WMS/TMS systems." },
      { name: "Embedding", description: "Tokens for widgets on customer intranets." },
      { name: "Document", description: "This OpenAPI document." },
    ].filter((t) => Object.values(paths).some((item) => JSON.stringify(item).includes(`"${t.name}"`))),
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "sightline.session_token",
          description: "The portal session of a signed-in user (same origin only).",
        },
        embedToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A short-lived embed token from POST /api/v1/embed/tokens; scopes as listed per operation.",
        },
        embedKey: {
          type: "http",
          scheme: "bearer",
          description: "An embed key secret (`sl_embed_...`), created by a customer admin; server to server only.",
        },
        ingestKey: {
          type: "http",
          scheme: "bearer",
          description: "An account's ingest API key (`sl_ingest_...`), created by a platform admin.",
        },
      },
    },
  };
  return cached;
}
