// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the whole API (public, no data).
import { openApiDocument } from "../server/api/openapi.server";

export function loader() {
  return Response.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
