// GET /api/v1/escalations/{id} — one escalation with its public replies and SLA clocks.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiJson } from "../server/api/respond.server";
import { withCors } from "../server/embed/cors.server";
import { actorForApi, apiDetail } from "../server/escalations/api.server";
import { escalationSchema } from "../server/escalations/api-schema";
import { getEscalation } from "../server/escalations/detail.server";
import { escalationProblem } from "../server/escalations/http.server";
import { problems } from "../server/http/problem.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "escalations:read");
  if (!auth.ok) return withCors(request, auth.response);
  const respond = (r: Response) => withCors(request, r);
  const actor = await actorForApi(auth.principal, request);
  if (!actor) return respond(problems.forbidden("This caller cannot read escalations."));
  try {
    const detail = await getEscalation(actor, params.id ?? "");
    // Staff sessions are scoped to the account they opened, like customers.
    if (detail.tenantId !== auth.principal.tenant.id) return respond(problems.notFound("There is no such escalation."));
    return respond(apiJson(escalationSchema, apiDetail(detail)));
  } catch (err) {
    return respond(escalationProblem(err));
  }
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
