import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { useLiveEvents } from "../components/live";
import {
  APPROVER_TEXT,
  categoryLabel,
  Conversation,
  History,
  requestSummary,
  SeverityBadge,
  SlaPanel,
  StatusBadge,
  TextAreaField,
} from "../components/escalations";
import { Alert, Badge, Button, Card, PageHeader } from "../components/ui";
import { fieldErrors } from "../forms/auth";
import { replySchema, statusSchema } from "../forms/escalations";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { addComment } from "../server/escalations/comments.server";
import { changeStatus } from "../server/escalations/workflow.server";
import { getEscalation } from "../server/escalations/detail.server";
import { asEscalationError, pageFailure } from "../server/escalations/http.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";
import { RatingCard } from "#app/components/joint/rating-card";
import { causeLabelId } from "#app/components/joint/root-cause-card";
import { getRatingState } from "#app/server/joint/ratings.server";
import { ProtocolPanel } from "#app/components/joint/protocol-panel";
import { getEscalationProtocol } from "#app/server/joint/protocol-escalation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const escalation = await getEscalation(actorFor(ctx, request), params.id ?? "").catch(pageFailure);
  if (escalation.tenantId !== ctx.tenant.id)
    throw new Response("There is no such escalation, or you cannot see it.", { status: 404 });
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
  try {
    if (form.intent === "reply") {
      const parsed = replySchema.safeParse(form);
      if (!parsed.success)
        return data({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
      await addComment(actor, id, parsed.data.body, "public");
      return data({ errors: {}, message: "Your reply was sent to the support team.", ok: true });
    }
    if (form.intent === "status") {
      const parsed = statusSchema.safeParse(form);
      if (!parsed.success) return data({ errors: {}, message: "Choose a valid status.", ok: false }, { status: 400 });
      await changeStatus(actor, id, parsed.data.to);
      const done =
        parsed.data.to === "closed" ? "Thank you — the escalation is closed." : "The escalation was reopened.";
      return data({ errors: {}, message: done, ok: true });
    }
    return data(
      { errors: {}, message: "That request was not understood. Reload the page.", ok: false },
      { status: 400 },
    );
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return data({ errors: e.fieldErrors, message: e.message, ok: false }, { status: e.status });
  }
}

export default function EscalationPage() {
  const { escalation: e, rating, protocol, account, timeZone } = useLoaderData<typeof loader>();
  const f = useFormat(timeZone);
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const replyForm = useRef<HTMLFormElement>(null);
  useLiveEvents((ev) => {
    if (ev.kind === "escalation" && ev.escalationId === e.id && revalidator.state === "idle") revalidator.revalidate();
  });
  useEffect(() => {
    if (actionData?.ok) replyForm.current?.reset();
  }, [actionData]);
  // The "raised" confirmation is for the arrival from the form only: take `?raised=1` out of the
  // address (without a new navigation), so a reload or a shared link does not show it again.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("raised")) return;
    url.searchParams.delete("raised");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, []);
  const customerActions = e.actions.filter((a) => a.kind === "close" || a.kind === "reopen");
  const paused = e.sla[e.sla.active].status === "paused" && e.sla[e.sla.active].pauseReason === "awaiting_customer";
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/escalations" className="text-brand-700 hover:underline">
          {t("escalations.detail.back")}
        </Link>
      </p>
      <PageHeader
        title={t("escalations.detail.title", { number: e.number, title: e.title })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={e.status} />
            <SeverityBadge severity={e.severity} />
            <span>{categoryLabel(t, e.category)}</span>
            {e.orderNumber ? (
              <span>
                {t("escalations.detail.order")}{" "}
                <Link to={`/orders/${e.orderId}`} className="text-brand-700 hover:underline">
                  {e.orderNumber}
                </Link>
              </span>
            ) : null}
            <span>
              {t("escalations.detail.owner", { name: e.assigneeFirstName ?? t("escalations.detail.notAssigned") })}
            </span>
          </span>
        }
      />
      {params.get("raised") && !actionData ? (
        <div className="mb-4">
          <Alert tone="success">{t("escalations.detail.raised")}</Alert>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="mb-4">
          <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert>
        </div>
      ) : null}
      {paused ? (
        <div className="mb-4">
          <Alert tone="info">{t("escalations.detail.paused")}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold">{t("escalations.detail.whatHappened")}</h2>
            <p className="mt-2 text-sm break-words whitespace-pre-wrap">{e.description}</p>
            <h3 className="mt-4 text-sm font-semibold text-slate-700">{t("escalations.detail.outcome")}</h3>
            <p className="mt-1 text-sm break-words whitespace-pre-wrap">{e.desiredOutcome}</p>
            <p className="mt-4 text-xs text-slate-500">
              {t("escalations.detail.raisedBy", { name: e.raisedByName, dateTime: f.dateTime(e.createdAt) })}
            </p>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("escalations.detail.conversation")}</h2>
            <div className="mt-3">
              <Conversation comments={e.comments} timeZone={timeZone} />
            </div>
            {e.status !== "closed" ? (
              <Form method="post" className="mt-4 space-y-3" ref={replyForm} noValidate>
                <input type="hidden" name="intent" value="reply" />
                <TextAreaField
                  label={paused ? t("escalations.detail.replyResumes") : t("escalations.detail.reply")}
                  name="body"
                  rows={4}
                  maxLength={10_000}
                  required
                  error={errors.body}
                />
                <Button type="submit" disabled={busy}>
                  {busy && navigation.formData?.get("intent") === "reply"
                    ? t("escalations.detail.sending")
                    : t("escalations.detail.send")}
                </Button>
              </Form>
            ) : (
              <p className="mt-4 text-sm text-slate-600">{t("escalations.detail.closed")}</p>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("escalations.detail.history")}</h2>
            <div className="mt-3">
              <History history={e.history} timeZone={timeZone} />
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("escalations.detail.serviceLevel")}</h2>
            <div className="mt-3">
              <SlaPanel sla={e.sla} timeZone={timeZone} audience="customer" />
            </div>
          </Card>
          <ProtocolPanel protocol={protocol} account={account} timeZone={timeZone} />
          {e.status === "resolved" || e.status === "closed" ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("escalations.detail.solved", { status: e.status })}</h2>
              <p className="mt-1 text-sm text-slate-600">
                {e.reopenUntil
                  ? t("escalations.detail.reopenUntil", { dateTime: f.dateTime(e.reopenUntil) })
                  : t("escalations.detail.noReopen")}
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                {customerActions.map((a) => (
                  <Form method="post" key={a.to}>
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="to" value={a.to} />
                    <Button type="submit" variant={a.kind === "close" ? "primary" : "secondary"} disabled={busy}>
                      {a.kind === "close" ? t("escalations.detail.confirm") : t("escalations.detail.reopen")}
                    </Button>
                  </Form>
                ))}
              </div>
            </Card>
          ) : null}
          {e.rootCause ? (
            <p className="text-sm text-slate-700" data-testid="root-cause">
              {t("joint.cause.customer", { cause: t(causeLabelId(e.rootCause)) })}
            </p>
          ) : null}
          <RatingCard escalationId={e.id} state={rating} timeZone={timeZone} />
          {e.approvals.length ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("escalations.detail.exception")}</h2>
              <ul className="mt-2 space-y-3 text-sm">
                {e.approvals.map((a) => (
                  <li key={a.id} data-testid="approval">
                    <p>{t("escalations.detail.requested", { summary: requestSummary(a.request, t, f) })}</p>
                    {a.decision === "pending" ? (
                      <p className="mt-1">
                        <Badge tone="amber">{t("escalations.detail.waiting")}</Badge>{" "}
                        <span className="text-slate-600">
                          {t("escalations.detail.by", { approver: t(APPROVER_TEXT[a.requiredRole]) })}
                        </span>
                      </p>
                    ) : (
                      <p className="mt-1">
                        <Badge tone={a.decision === "approved" ? "green" : "red"}>
                          {t("escalations.detail.decision", { decision: a.decision })}
                        </Badge>{" "}
                        <span className="text-slate-600">
                          {t("escalations.detail.decidedBy", {
                            name: a.decidedByName ?? "",
                            dateTime: f.dateTime(a.decidedAt),
                          })}
                        </span>
                      </p>
                    )}
                    {a.reason ? (
                      <p className="mt-1 break-words whitespace-pre-wrap text-slate-700">“{a.reason}”</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, "escalations.detail.pageTitle", { number: d?.escalation.number ?? "" });

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
