// POST /api/v1/escalations/{id}/replies — add a public reply (customers, intranet widgets and
// staff alike; internal notes are a portal-only staff action).
import type { ActionFunctionArgs } from "@remix-run/node";
import { replySchema } from "../forms/escalations";
import { onlyMethods, refusedMethod } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiJson } from "../server/api/respond.server";
import { withCors } from "../server/embed/cors.server";
import { actorForApi, apiDetail, withinPinnedSites } from "../server/escalations/api.server";
import { escalationReplyResponseSchema } from "../server/escalations/api-schema";
import { addComment } from "../server/escalations/comments.server";
import { getEscalation } from "../server/escalations/detail.server";
import { escalationProblem } from "../server/escalations/http.server";
import { declaredTooLarge, problems, readJsonBody } from "../server/http/problem.server";

const MAX_BODY_BYTES = 64 * 1024;

export const loader = onlyMethods("POST");

export async function action({ request, params }: ActionFunctionArgs) {
  const refused = refusedMethod(request, "POST");
  if (refused) return refused;
  // The size limit answers before the caller is authenticated.
  const tooLarge = declaredTooLarge(request, MAX_BODY_BYTES);
  if (tooLarge) return withCors(request, tooLarge);
  const auth = await requireApiPrincipal(request, "escalations:write");
  if (!auth.ok) return withCors(request, auth.response);
  const respond = (r: Response) => withCors(request, r);
  const actor = await actorForApi(auth.principal, request);
  if (!actor) return respond(problems.forbidden("This caller cannot reply to escalations."));
  const json = await readJsonBody(request, MAX_BODY_BYTES);
  if (!json.ok) return respond(json.response);
  const parsed = replySchema.safeParse(json.value ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.message).join(" ");
    return respond(problems.badRequest(detail, { errors: { body: parsed.error.issues[0]?.message ?? detail } }));
  }
  try {
    const id = params.id ?? "";
    const before = await getEscalation(actor, id);
    if (before.tenantId !== auth.principal.tenant.id || !(await withinPinnedSites(auth.principal, before.orderId)))
      return respond(problems.notFound("There is no such escalation."));
    const { commentId } = await addComment(actor, id, parsed.data.body, "public");
    const detail = apiDetail(await getEscalation(actor, id));
    const reply = detail.replies.find((r) => r.id === commentId);
    if (!reply) throw new Error("the reply just added is not among the escalation's public replies");
    return respond(
      apiJson(
        escalationReplyResponseSchema,
        { reply, escalation: detail },
        { status: 201, headers: { Location: `/api/v1/escalations/${id}` } },
      ),
    );
  } catch (err) {
    return respond(escalationProblem(err));
  }
}
