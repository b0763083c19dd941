import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CustomerEscalationPage } from "../components/escalations/customer-detail-page";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { fieldErrors } from "../forms/auth";
import { replySchema, statusSchema } from "../forms/escalations";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { addComment } from "../server/escalations/comments.server";
import { changeStatus } from "../server/escalations/workflow.server";
import { getEscalation } from "../server/escalations/detail.server";
import { asEscalationError, escalationErrorText, pageFailure } from "../server/escalations/http.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { translator } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";
import { getRatingState } from "#app/server/joint/ratings.server";
import { getEscalationProtocol } from "#app/server/joint/protocol-escalation.server";
import { pageProblem } from "#app/i18n/page-problem";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const escalation = await getEscalation(actorFor(ctx, request), params.id ?? "").catch(pageFailure);
  if (escalation.tenantId !== ctx.tenant.id) throw pageProblem(404, "escalations.error.noSuchEscalation");
  const rating = await getRatingState(actorFor(ctx, request), escalation.id);
  const protocol = await getEscalationProtocol(actorFor(ctx, request), escalation.id);
  return { escalation, rating, protocol, account: ctx.tenant.name, timeZone: ctx.tenant.timeZone, viewer: ctx.kind };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request);
  const form = Object.fromEntries(await request.formData());
  const actor = actorFor(ctx, request);
  const id = params.id ?? "";
  const t = translator(ctx.user.locale ?? "en");
  try {
    if (form.intent === "reply") {
      const parsed = replySchema.safeParse(form);
      if (!parsed.success)
        return data({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
      await addComment(actor, id, parsed.data.body, "public");
      return data({ errors: {}, message: t("escalations.detail.replySent"), ok: true });
    }
    if (form.intent === "status") {
      const parsed = statusSchema.safeParse(form);
      if (!parsed.success)
        return data({ errors: {}, message: t("escalations.detail.chooseStatus"), ok: false }, { status: 400 });
      await changeStatus(actor, id, parsed.data.to);
      const done = t("escalations.detail.statusDone", { to: parsed.data.to === "closed" ? "closed" : "other" });
      return data({ errors: {}, message: done, ok: true });
    }
    return data({ errors: {}, message: t("escalations.detail.notUnderstood"), ok: false }, { status: 400 });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    const worded = escalationErrorText(e, t, ctx.user.locale ?? "en");
    return data({ errors: worded.fieldErrors, message: worded.message, ok: false }, { status: e.status });
  }
}

export default function EscalationPage() {
  const { escalation, rating, protocol, account, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <CustomerEscalationPage
      escalation={escalation}
      rating={rating}
      protocol={protocol}
      account={account}
      timeZone={timeZone}
      result={result}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, "escalations.detail.pageTitle", { number: d?.escalation.number ?? "" });

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
