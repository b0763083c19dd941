// Checks a live API answer against the OpenAPI document the server publishes: the operation and
// status must be documented, and a JSON body must match the documented schema. Returns a line
// naming the route and the mismatch, or null.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "#app/server/api/openapi.server";

const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(doc as object, "openapi.json");

const templates = Object.keys(doc.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
}));

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

const problemValidator = ajv.compile({ $ref: "openapi.json#/components/schemas/Problem" });

/**
 * An answer to a path or method the document does not have: a 404 (no such path) or 405 (no such
 * method) problem is what the API promises there; anything else is a mismatch.
 */
function undocumented(a: Answer, where: string, what: string): string | null {
  const expected = what === "path" ? 404 : 405;
  if (a.status !== expected)
    return `${where}: the ${what} is not in the document (and the answer is not a ${expected})`;
  if ((a.contentType ?? "").split(";")[0]!.trim().toLowerCase() !== "application/problem+json")
    return `${where}: a ${expected} for an undocumented ${what} is not application/problem+json`;
  try {
    if (problemValidator(JSON.parse(a.body))) return null;
  } catch {
    return `${where}: the body is not JSON`;
  }
  return `${where}: the ${expected} body is not a Problem`;
}

export function documentMismatch(a: Answer): string | null {
  const { pathname } = new URL(a.url);
  const route = templates.find((t) => t.pattern.test(pathname));
  const where = `${a.method} ${route?.template ?? pathname} → ${a.status}`;
  if (!route) return undocumented(a, where, "path");
  const method = a.method.toLowerCase();
  const op = (doc.paths[route.template] as Record<string, Operation | undefined>)[method];
  if (!op) return undocumented(a, where, "method");
  const statusKey = [String(a.status), `${String(a.status)[0]}XX`, "default"].find((k) => k in op.responses);
  if (!statusKey) return `${where}: status not documented (documented: ${Object.keys(op.responses).join(", ")})`;
  const mediaType = (a.contentType ?? "").split(";")[0]!.trim().toLowerCase();
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
}

/** Fetches and checks in one step; the Response is returned for the test's own assertions. */
export async function fetchChecked(
  url: string,
  init: RequestInit = {},
  mismatches: string[],
): Promise<{ res: Response; body: string }> {
  const res = await fetch(url, init);
  const body = await res.text();
  const mismatch = documentMismatch({
    method: init.method ?? "GET",
    url,
    status: res.status,
    contentType: res.headers.get("content-type"),
    body,
  });
  if (mismatch) mismatches.push(mismatch);
  return { res, body };
}
