// OpenAPI path and schema for /api/v1/openapi.json: the document describes itself too, so a
// client (and the answer check of the test suites) finds every path of the API in it.
import { openApiDocumentSchema } from "../api-schema";
import { jsonResponse } from "./zod";

export const paths = {
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Document"],
      summary: "This OpenAPI 3.1 document",
      description: "Public: no credentials, no account data. Cached for 5 minutes.",
      security: [],
      responses: {
        "200": jsonResponse("The document.", "OpenApiDocument"),
      },
    },
  },
};

export const schemas = { OpenApiDocument: openApiDocumentSchema };
