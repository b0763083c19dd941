// OpenAPI component schemas generated from zod (OpenAPI 3.1 uses JSON Schema 2020-12, zod's default).
import { z } from "zod";

export function componentSchema(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}
