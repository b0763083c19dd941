// A JSON answer of /api/v1 typed by the zod schema its OpenAPI response is generated from
// (app/server/api/openapi/): the handler cannot send a shape the document does not describe
// without failing the type check.
import type { z } from "zod";

export function apiJson<S extends z.ZodType>(
  _schema: S,
  body: z.output<S>,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { "Cache-Control": "no-store", ...init.headers },
  });
}
