// GET /api/v1/openapi.json in zod: the route types its answer by openApiDocumentSchema, and the
// document describes itself with the schema generated from it (app/server/api/openapi/document.ts).
import { z } from "zod";

export const openApiDocumentSchema = z
  .looseObject({
    openapi: z.literal("3.1.0"),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    servers: z.array(z.looseObject({ url: z.string() })),
    tags: z.array(z.looseObject({ name: z.string(), description: z.string() })),
    paths: z.record(z.string(), z.unknown()).describe("Every operation of the API, by path."),
    components: z.looseObject({
      schemas: z.record(z.string(), z.unknown()),
      securitySchemes: z.record(z.string(), z.unknown()),
    }),
  })
  .describe("An OpenAPI 3.1 document: this one.");
