// POST /api/v1/ingest/events: a batch of up to 1,000 events from a backend system, authenticated by
// the tenant's ingest API key. Semantics and atomicity: app/server/ingest/ingest.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { MAX_BODY_BYTES } from "../domain/orders/ingest-schema";
import { onlyMethods, refusedMethod } from "../server/api/methods.server";
import { declaredTooLarge } from "../server/http/problem.server";
import { handleIngestRequest } from "../server/ingest/ingest.server";
import { authenticateIngestKey } from "../server/ingest/keys.server";

export async function action({ request }: ActionFunctionArgs) {
  // The method, then the size limit, answer before the key is looked up.
  const refused = refusedMethod(request, "POST");
  if (refused) return refused;
  const tooLarge = declaredTooLarge(request, MAX_BODY_BYTES);
  if (tooLarge) return tooLarge;
  const auth = await authenticateIngestKey(request);
  if (!auth.ok) return auth.response;
  return handleIngestRequest(request, auth.principal, "events");
}

export const loader = onlyMethods("POST");
