// Builds the OpenAPI document's schemas and parameters from zod (OpenAPI 3.1 uses JSON Schema
// 2020-12, zod's default target). Every area module names its zod schemas; nothing here is
// written as JSON Schema by hand.
import { z } from "zod";

type Json = Record<string, unknown>;

/** A reference to a component schema (`#/components/schemas/<name>`). */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A problem+json response. */
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

/** A JSON response whose body is the named component. */
export const jsonResponse = (description: string, component: string, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: ref(component) } },
});

/** A required JSON request body that is the named component. */
export const jsonBody = (component: string) => ({
  required: true,
  content: { "application/json": { schema: ref(component) } },
});

/** A required path parameter holding an id. */
export const pathId = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: inlineSchema(z.uuid()),
});

const SAFE_INT = Number.MAX_SAFE_INTEGER;

/** Trims what zod adds for its own reasons and a reader of the document does not need. */
function tidy(ctx: { jsonSchema: Json }): void {
  const s = ctx.jsonSchema;
  // A format says it; zod's long regular expressions for date-time and uuid only repeat it.
  if (typeof s.format === "string" && typeof s.pattern === "string") delete s.pattern;
  if (s.maximum === SAFE_INT) delete s.maximum;
  if (s.minimum === -SAFE_INT) delete s.minimum;
}

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/**
 * JSON Schema of each named zod schema; a schema that is itself one of the named ones appears as
 * a `$ref` to it. `io: "input"` for request bodies (defaults make a field optional), "output" for
 * responses (what the server always sends is required).
 */
export function componentSchemas(components: Record<string, z.ZodType>, io: "input" | "output"): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) {
    if (registry.has(schema)) throw new Error(`openapi: one zod schema is registered twice (${id})`);
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    override: tidy,
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  if ("__shared" in schemas) throw new Error("openapi: zod emitted shared $defs; name the schema instead");
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, strip(s)]));
}

/** JSON Schema of one zod schema, inline (query parameters). */
export function inlineSchema(schema: z.ZodType, io: "input" | "output" = "input"): Json {
  return strip(z.toJSONSchema(schema, { io, unrepresentable: "any", override: tidy }) as Json);
}

/**
 * OpenAPI query parameters from the zod object a handler parses its query string with: one per
 * key, its schema from zod (input side: defaults shown, optional unless required), the description
 * from `.describe()`. An array is a repeatable parameter (also comma-separated).
 */
export function queryParameters(schema: z.ZodObject): Json[] {
  const object = inlineSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, example, examples, ...rest } = property as Json & { examples?: unknown[] };
    const repeatable = rest.type === "array";
    const text = [description, repeatable ? "Repeat the parameter or separate values with commas." : null]
      .filter(Boolean)
      .join(" ");
    return {
      name,
      in: "query",
      ...(object.required?.includes(name) ? { required: true } : {}),
      ...(text ? { description: text } : {}),
      ...(repeatable ? { style: "form", explode: true } : {}),
      schema: rest,
      ...(example !== undefined ? { example } : examples?.length ? { example: examples[0] } : {}),
    };
  });
}
