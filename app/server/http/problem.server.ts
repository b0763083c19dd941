// RFC 9457 problem details for every /api/v1 error: one shape, a clear `detail`, never a stack.
import { z } from "zod";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { resolveLocale, type Locale } from "#app/i18n/locales";
import { currentRequestId, requestLanguage } from "../log.server";

/**
 * The body of every problem response; the OpenAPI document's `Problem` schema is generated from
 * it (api/openapi.server.ts), so the two cannot disagree. Extra members are allowed (RFC 9457):
 * ingestion adds per-item `results` and `counts`.
 */
export const problemBodySchema = z
  .looseObject({
    type: z.string().describe("`about:blank` unless stated otherwise."),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What was wrong, in words a developer can act on."),
    requestId: z
      .string()
      .optional()
      .describe("The request's id (also the `X-Request-Id` header): quote it to support; it names the log lines."),
    errors: z
      .union([
        z.record(z.string(), z.string()).describe("Query parameters or fields: what is wrong with each, by name."),
        z
          .array(z.object({ path: z.string(), message: z.string() }))
          .describe("Ingestion envelopes: what is wrong, by JSON path."),
      ])
      .optional(),
  })
  .describe("RFC 9457 problem details.");

type ProblemExtra = Pick<z.infer<typeof problemBodySchema>, "errors"> & Record<string, unknown>;

export interface ProblemInit {
  status: number;
  /** One of the catalogued titles (TITLE_IDS): a title the catalogue does not know would reach de/ja callers in English. */
  title: ProblemTitle;
  detail: string;
  type?: string;
  /** Extra members, e.g. per-field `errors`. */
  extra?: ProblemExtra;
  headers?: HeadersInit;
}

/**
 * The titles problems are written with, and their catalogue messages: the caller reads the title
 * in their language (signed-in preference, else Accept-Language). `detail` stays English: it is
 * for the developer wiring the integration, like the OpenAPI document.
 */
const TITLE_IDS = {
  "Bad request": "api.title.badRequest",
  Unauthorized: "api.title.unauthorized",
  Forbidden: "api.title.forbidden",
  "Not found": "api.title.notFound",
  "Method not allowed": "api.title.methodNotAllowed",
  Conflict: "api.title.conflict",
  "Payload too large": "api.title.payloadTooLarge",
  "Unsupported media type": "api.title.unsupportedMediaType",
  "Unprocessable batch": "api.title.unprocessableBatch",
  "Too many failed attempts": "api.title.tooManyFailedAttempts",
  "Cross-origin request refused": "api.title.crossOrigin",
  "Service unavailable": "api.title.serviceUnavailable",
  Error: "api.title.error",
} as const satisfies Record<string, MessageId>;

export type ProblemTitle = keyof typeof TITLE_IDS;

/** The locale of the current request's caller (outside a request: English). */
export function callerLocale(): Locale {
  const { locale, acceptLanguage } = requestLanguage();
  return resolveLocale({ user: locale, acceptLanguage });
}

export function problem({ status, title, detail, type, extra, headers }: ProblemInit): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/problem+json");
  h.set("Cache-Control", "no-store");
  const locale = callerLocale();
  const words = translator(locale)(TITLE_IDS[title]);
  h.set("Content-Language", locale);
  h.append("Vary", "Accept-Language");
  // The request id lets a caller quote the failing request to support (it is in the access log).
  const requestId = currentRequestId();
  const body = {
    type: type ?? "about:blank",
    title: words,
    status,
    detail,
    ...extra,
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: h,
  });
}

export const problems = {
  badRequest: (detail: string, extra?: ProblemExtra) => problem({ status: 400, title: "Bad request", detail, extra }),
  unauthorized: (detail = "Send a valid bearer token or sign in.") =>
    problem({ status: 401, title: "Unauthorized", detail, headers: { "WWW-Authenticate": "Bearer" } }),
  forbidden: (detail: string) => problem({ status: 403, title: "Forbidden", detail }),
  notFound: (detail = "No such resource.") => problem({ status: 404, title: "Not found", detail }),
  methodNotAllowed: (allow: string) =>
    problem({ status: 405, title: "Method not allowed", detail: `Use ${allow}.`, headers: { Allow: allow } }),
  tooLarge: (limitBytes: number) =>
    problem({
      status: 413,
      title: "Payload too large",
      detail: `The request body exceeds ${limitBytes} bytes. Split the batch into smaller ones.`,
    }),
  unsupportedMediaType: () =>
    problem({ status: 415, title: "Unsupported media type", detail: "Send the body as application/json." }),
  unavailable: (detail = "The database is unavailable; try again shortly.") =>
    problem({ status: 503, title: "Service unavailable", detail, headers: { "Retry-After": "5" } }),
};

// ---------------------------------------------------------------------------------------------
// Losing the database is the service being unavailable (503, retry shortly), not a bug (500).

/** Socket-level failures reaching the database (refused, reset, broken pipe, timed out, not found). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/**
 * SQLSTATEs meaning "no database to talk to right now": class 08 (connection exception),
 * 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections) and 57014
 * (a statement cancelled, by the statement deadline: the database did not answer in time).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;
/** What node-postgres and its pool say when the connection goes away or never comes. */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
  // The client's own deadline passed with no answer (db/client.ts, statementTimeoutMs).
  "Query read timeout",
];

/**
 * A failure of a service other than the database (the mail server, say), tagged with its source
 * where it is caught, so that a refused connection there is not taken for a database outage.
 */
export class DependencyError extends Error {
  override name = "DependencyError";
  constructor(
    readonly dependency: "mail",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The dependency a failure came from, if some code tagged it (a DependencyError in the chain). */
export function failedDependency(err: unknown, depth = 0): DependencyError | null {
  if (!err || typeof err !== "object" || depth > 8) return null;
  if (err instanceof DependencyError) return err;
  return failedDependency((err as { cause?: unknown }).cause, depth + 1);
}

/**
 * True when an error means the database cannot be reached (not that a query was wrong). Looks
 * through `cause` chains (Drizzle wraps driver errors in "Failed query: ...") and aggregate errors.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 8) return false;
  if (err instanceof DependencyError) return false; // refused by the mail server is not the database
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** The thrown Response for a page whose data could not be read: the error boundary shows it as a 503. */
export function unavailablePage(
  text = "Sightline cannot reach its database at the moment. Please try again in a few seconds.",
): Response {
  return new Response(text, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "5" },
  });
}

/**
 * Whether a Content-Type header names JSON: its media type (before any parameter) is exactly
 * application/json or application/<something>+json. Matching a substring would take
 * `text/plain; charset=application/json`, which a browser sends cross-origin without a preflight.
 */
export function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  const essence = header.split(";", 1)[0].trim().toLowerCase();
  return essence === "application/json" || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(essence);
}

/**
 * The 413 for a body whose declared Content-Length exceeds the limit, or null. Routes call it before
 * they authenticate, so that an oversized body is answered by its size whoever sends it, without a
 * key lookup. A body sent without a length (chunked) is measured while it is read (readJsonBody).
 */
export function declaredTooLarge(request: Request, limitBytes: number): Response | null {
  const declared = Number(request.headers.get("content-length") ?? "0");
  return declared > limitBytes ? problems.tooLarge(limitBytes) : null;
}

/** Reads a JSON body with a size limit; returns a problem Response instead of throwing. */
export async function readJsonBody(
  request: Request,
  limitBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!isJsonMediaType(request.headers.get("content-type")))
    return { ok: false, response: problems.unsupportedMediaType() };
  const tooLarge = declaredTooLarge(request, limitBytes);
  if (tooLarge) return { ok: false, response: tooLarge };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel();
        return { ok: false, response: problems.tooLarge(limitBytes) };
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, response: problems.badRequest(`The body is not valid JSON: ${(err as Error).message}`) };
  }
}
