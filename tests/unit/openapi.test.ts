// The assembled OpenAPI document: valid against the official OpenAPI 3.1 JSON Schema
// (@seriousme/openapi-schema-validator), plus what that schema cannot say: the shape this
// project promises (operation ids, responses, security schemes), every $ref resolving, declared
// path parameters, and no internal columns in customer-facing schemas.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "#app/server/api/openapi.server";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const mediaType = z.object({ schema: z.record(z.string(), z.unknown()).optional() }).passthrough();
const response = z
  .object({ description: z.string().min(1), content: z.record(z.string(), mediaType).optional() })
  .passthrough();
const parameter = z
  .object({
    name: z.string().min(1),
    in: z.enum(["query", "header", "path", "cookie"]),
    required: z.boolean().optional(),
    schema: z.record(z.string(), z.unknown()),
  })
  .passthrough()
  .refine((p) => p.in !== "path" || p.required === true, "path parameters must be required");
const operation = z
  .object({
    operationId: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    summary: z.string().optional(),
    tags: z.array(z.string()).optional(),
    parameters: z.array(parameter).optional(),
    requestBody: z
      .object({ content: z.record(z.string(), mediaType) })
      .passthrough()
      .optional(),
    responses: z
      .record(z.string().regex(/^([1-5]\d\d|[1-5]XX|default)$/), response)
      .refine((r) => Object.keys(r).length > 0),
    security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  })
  .passthrough();
const pathItem = z
  .object(
    Object.fromEntries(METHODS.map((m) => [m, operation.optional()])) as Record<
      string,
      z.ZodOptional<typeof operation>
    >,
  )
  .passthrough();
const securityScheme = z.discriminatedUnion("type", [
  z.object({ type: z.literal("apiKey"), in: z.enum(["query", "header", "cookie"]), name: z.string() }).passthrough(),
  z.object({ type: z.literal("http"), scheme: z.string() }).passthrough(),
  z.object({ type: z.literal("oauth2"), flows: z.record(z.string(), z.unknown()) }).passthrough(),
  z.object({ type: z.literal("openIdConnect"), openIdConnectUrl: z.string() }).passthrough(),
]);
const document31 = z
  .object({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.object({ title: z.string().min(1), version: z.string().min(1) }).passthrough(),
    paths: z.record(z.string().regex(/^\//), pathItem),
    components: z.object({
      schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), z.record(z.string(), z.unknown())),
      securitySchemes: z.record(z.string(), securityScheme),
    }),
  })
  .passthrough();

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("validates against the official OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    // The validator takes any JSON object; the document type has no index signature.
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(validator.version).toBe("3.1");
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has the shape this project promises: operation ids, described responses, security schemes", () => {
    const r = document31.safeParse(doc);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });

  it("resolves every $ref to a defined schema", () => {
    const missing = collectRefs(doc).filter((ref) => {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      return !m || !(m[1] in doc.components.schemas);
    });
    expect(missing).toEqual([]);
  });

  it("uses unique operation ids, declared security schemes and declared path parameters", () => {
    const ids: string[] = [];
    for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      const templated = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const m of METHODS) {
        const op = item[m];
        if (!op) continue;
        ids.push(String(op.operationId));
        for (const req of (op.security as Record<string, string[]>[] | undefined) ?? [])
          for (const name of Object.keys(req)) expect(doc.components.securitySchemes, `${m} ${p}`).toHaveProperty(name);
        const params = [
          ...((item.parameters as unknown as { name: string; in: string }[]) ?? []),
          ...((op.parameters as { name: string; in: string }[]) ?? []),
        ];
        for (const t of templated)
          expect(
            params.some((x) => x.in === "path" && x.name === t),
            `${m} ${p} declares {${t}}`,
          ).toBe(true);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes the ingestion, stream and orders endpoints", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/ingest/orders", "/api/v1/ingest/events", "/api/v1/stream", "/api/v1/orders"]),
    );
  });

  it("never mentions internal order columns in customer-facing schemas", () => {
    const customerFacing = Object.entries(doc.components.schemas).filter(([name]) => !name.startsWith("Ingest"));
    const text = JSON.stringify(customerFacing);
    for (const internal of ['"cost"', '"margin"', '"internalNotes"', '"unitCost"'])
      expect(text).not.toContain(internal);
  });
});
