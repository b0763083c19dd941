// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the whole API (public, no data).
import { onlyMethods } from "../server/api/methods.server";
import { openApiDocumentSchema } from "../server/api/api-schema";
import { openApiDocument } from "../server/api/openapi.server";
import { apiJson } from "../server/api/respond.server";

export function loader() {
  return apiJson(openApiDocumentSchema, openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const action = onlyMethods("GET");
