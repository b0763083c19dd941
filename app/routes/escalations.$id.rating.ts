// POST /escalations/:id/rating — the customer's satisfaction rating of a resolved escalation
// (form on the escalation page, app/components/joint/rating-card.tsx). No page of its own.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { RatingActionData } from "#app/components/joint/rating-card";
import { ratingSchema } from "#app/forms/ratings";
import type { MessageId } from "#app/i18n/catalogue";
import { requireAccount } from "#app/server/auth/guards.server";
import { actorFor } from "#app/server/escalations/actor.server";
import { asEscalationError } from "#app/server/escalations/http.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import { rateEscalation } from "#app/server/joint/ratings.server";
import { pageProblem } from "#app/i18n/page-problem";

// A resource route answers with a plain Response: data() would lose its status here.
const reply = (body: RatingActionData, init?: ResponseInit) => Response.json(body, init);

export async function loader() {
  throw pageProblem(404, "errors.notFound");
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request);
  const parsed = ratingSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors: RatingActionData["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "score" || field === "comment") errors[field] = issue.message as MessageId;
    }
    return reply({ ok: false, message: null, errors }, { status: 400 });
  }
  try {
    const { created } = await rateEscalation(actorFor(ctx, request), params.id ?? "", parsed.data);
    return reply({
      ok: true,
      message: created ? "joint.rating.thanks" : "joint.rating.updated",
      errors: {},
    });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    const message: MessageId = e.message.startsWith("joint.")
      ? (e.message as MessageId)
      : e.status === 404
        ? "joint.rating.error.notFound"
        : e.status === 403
          ? "joint.rating.error.forbidden"
          : "joint.rating.error.generic";
    return reply({ ok: false, message, errors: {} }, { status: e.status });
  }
}
