// GET /api/v1/escalations — the caller's escalations, most urgent first.
// POST /api/v1/escalations — raise one (JSON body as in the OpenAPI document).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { newEscalationSchema } from "../forms/escalations";
import { refusedMethod } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiJson } from "../server/api/respond.server";
import { withCors } from "../server/embed/cors.server";
import { actorForApi, apiDetail, apiSummary, withinPinnedSites } from "../server/escalations/api.server";
import {
  escalationListQuerySchema,
  escalationListResponseSchema,
  escalationSchema,
} from "../server/escalations/api-schema";
import { createEscalation } from "../server/escalations/create.server";
import { getEscalation } from "../server/escalations/detail.server";
import { listEscalations } from "../server/escalations/list.server";
import { escalationProblem } from "../server/escalations/http.server";
import { declaredTooLarge, problems, readJsonBody } from "../server/http/problem.server";

const MAX_BODY_BYTES = 64 * 1024;

function issues(error: z.ZodError): { detail: string; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const i of error.issues) errors[i.path.join(".") || "body"] ??= i.message;
  return { detail: Object.values(errors).join(" "), errors };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "escalations:read");
  if (!auth.ok) return withCors(request, auth.response);
  const respond = (r: Response) => withCors(request, r);
  const actor = await actorForApi(auth.principal, request);
  if (!actor) return respond(problems.forbidden("This caller cannot read escalations."));
  const url = new URL(request.url);
  const parsed = escalationListQuerySchema.safeParse(
    Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const { detail, errors } = issues(parsed.error);
    return respond(problems.badRequest(detail, { errors }));
  }
  try {
    const rows = await listEscalations(actor, { ...parsed.data, tenantId: auth.principal.tenant.id });
    return respond(
      apiJson(escalationListResponseSchema, { data: rows.map(apiSummary), timeZone: auth.principal.tenant.timeZone }),
    );
  } catch (err) {
    return respond(escalationProblem(err));
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const refused = refusedMethod(request, "GET, POST");
  if (refused) return refused;
  // The size limit answers before the caller is authenticated.
  const tooLarge = declaredTooLarge(request, MAX_BODY_BYTES);
  if (tooLarge) return withCors(request, tooLarge);
  const auth = await requireApiPrincipal(request, "escalations:write");
  if (!auth.ok) return withCors(request, auth.response);
  const respond = (r: Response) => withCors(request, r);
  const actor = await actorForApi(auth.principal, request);
  if (!actor) return respond(problems.forbidden("This caller cannot raise escalations."));
  const json = await readJsonBody(request, MAX_BODY_BYTES);
  if (!json.ok) return respond(json.response);
  if (typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) {
    return respond(problems.badRequest("Send one escalation as a JSON object."));
  }
  const parsed = newEscalationSchema.safeParse(json.value);
  if (!parsed.success) {
    const { detail, errors } = issues(parsed.error);
    return respond(problems.badRequest(detail, { errors }));
  }
  if (parsed.data.orderId && !(await withinPinnedSites(auth.principal, parsed.data.orderId))) {
    const message = "That order was not found in your account.";
    return respond(problems.badRequest(message, { errors: { orderId: message } }));
  }
  try {
    const created = await createEscalation(actor, parsed.data);
    const detail = await getEscalation(actor, created.id);
    return respond(
      apiJson(escalationSchema, apiDetail(detail), {
        status: 201,
        headers: { Location: `/api/v1/escalations/${created.id}` },
      }),
    );
  } catch (err) {
    return respond(escalationProblem(err));
  }
}
