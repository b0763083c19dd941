// Checks a live API answer against an OpenAPI document: the operation and status must be
// documented, and a JSON body must match the documented schema. Returns a line naming the route
// and the mismatch, or null. No app imports: the e2e suite (Playwright's loader) builds its checker
// from the document the running server publishes; ./openapi-check.ts from openApiDocument().
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

export type DocumentMismatch = (a: Answer) => string | null;

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const mediaTypeOf = (contentType: string | null) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();

export function documentChecker(doc: { paths: Record<string, unknown> }): DocumentMismatch {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(doc as object, "openapi.json");
  const problemValidator = ajv.compile({ $ref: "openapi.json#/components/schemas/Problem" });

  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  }));

  /**
   * An answer to a path or method the document does not have: a 404 (no such path) or 405 (no
   * such method) problem is what the API promises there; anything else is a mismatch.
   */
  function undocumented(a: Answer, where: string, what: "path" | "method"): string | null {
    const expected = what === "path" ? 404 : 405;
    if (a.status !== expected)
      return `${where}: the ${what} is not in the document (and the answer is not a ${expected})`;
    if (mediaTypeOf(a.contentType) !== "application/problem+json")
      return `${where}: a ${expected} for an undocumented ${what} is not application/problem+json`;
    try {
      if (problemValidator(JSON.parse(a.body))) return null;
    } catch {
      return `${where}: the body is not JSON`;
    }
    return `${where}: the ${expected} body is not a Problem`;
  }

  return function documentMismatch(a: Answer): string | null {
    const { pathname } = new URL(a.url);
    const route = templates.find((t) => t.pattern.test(pathname));
    const where = `${a.method} ${route?.template ?? pathname} → ${a.status}`;
    if (!route) return undocumented(a, where, "path");
    const method = a.method.toLowerCase();
    const op = (doc.paths[route.template] as Record<string, Operation | undefined>)[method];
    if (!op) return undocumented(a, where, "method");
    const statusKey = [String(a.status), `${String(a.status)[0]}XX`, "default"].find((k) => k in op.responses);
    if (!statusKey) return `${where}: status not documented (documented: ${Object.keys(op.responses).join(", ")})`;
    const mediaType = mediaTypeOf(a.contentType);
    if (!/json$/.test(mediaType)) return null; // streams, CSV: only status and route are checked
    const content = op.responses[statusKey]!.content ?? {};
    if (!(mediaType in content))
      return `${where}: content type ${mediaType} not documented (documented: ${Object.keys(content).join(", ") || "none"})`;
    const ref = `openapi.json#/${pointer("paths", route.template, method, "responses", statusKey, "content", mediaType, "schema")}`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    let body: unknown;
    try {
      body = JSON.parse(a.body);
    } catch {
      return `${where}: the body is not JSON`;
    }
    if (validate(body)) return null;
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message ?? ""}`).slice(0, 5);
    return `${where}: body does not match the document: ${problems.join("; ")}`;
  };
}
